import { describe, expect, it } from 'vitest';
import { callerId, contactsFound, EVENTUALLY, recipients } from './appActions';
import { autoMerged } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('hiding a whole person', () => {
  it('hides a merged contact from every app instead of deleting the phone copy, and Unhide brings it back', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const name = autoMerged.name;
    const number = autoMerged.phones[0]!;
    let contacts = await phone.openApp('contacts');
    await expect.poll(() => contactsFound(contacts, name), EVENTUALLY).toEqual([name]);
    expect(await recipients(phone, name)).toEqual([name]);

    // In the phone's contacts and the vCard file: Delete would leave the card, so the question offers Hide.
    contacts = await phone.openApp('contacts');
    await contacts.getByRole('list', { name: 'Search results' }).getByRole('button', { name }).click();
    await expect
      .poll(() =>
        contacts.getByRole('list', { name: 'Sources of this contact' }).getByRole('listitem').count(),
      )
      .toBe(2);
    await contacts.getByRole('button', { name: 'Delete' }).click();
    const question = contacts.getByRole('alertdialog');
    expect(await question.textContent()).toContain(
      `Delete ${name} from Phone contacts? ${name} stays in your contacts, because vCard file also has them. Or hide ${name} from every app`,
    );
    await phone.screenshot('hide-01-delete-offers-hide');
    await question.getByRole('button', { name: 'Hide this person' }).click();
    await expect.poll(() => contacts.getByTestId('toast').textContent()).toBe(`${name} is hidden.Undo`);

    // Gone from the list's search, from Messages' recipients, and the Phone app names only the number.
    await expect.poll(() => contactsFound(contacts, name), EVENTUALLY).toEqual([]);
    await phone.screenshot('hide-02-gone-from-search');
    await expect.poll(() => recipients(phone, name), EVENTUALLY).toEqual([]);
    await expect.poll(() => callerId(phone, number), EVENTUALLY).not.toBe(name);

    // Hidden contacts lists them, with where they come from; Unhide shows them everywhere again.
    contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Hidden contacts' }).click();
    const hidden = contacts.getByRole('list', { name: 'Hidden contacts' });
    await expect.poll(() => hidden.getByRole('listitem').count()).toBe(1);
    expect(await hidden.textContent()).toContain(`${name}From Phone contacts and vCard file`);
    await phone.screenshot('hide-03-hidden-contacts');
    await hidden.getByRole('button', { name: `Unhide ${name}` }).click();
    await expect.poll(() => contacts.getByTestId('toast').textContent()).toBe(`${name} is shown again.`);
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'No hidden contacts' }).count())
      .toBe(1);
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => contactsFound(contacts, name), EVENTUALLY).toEqual([name]);
    await phone.screenshot('hide-04-back-after-unhide');
    await expect.poll(() => recipients(phone, name), EVENTUALLY).toEqual([name]);
    await expect.poll(() => callerId(phone, number), EVENTUALLY).toBe(name);
    await phone.close();
  });
});
