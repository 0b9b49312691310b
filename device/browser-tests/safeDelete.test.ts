import { describe, expect, it } from 'vitest';
import { localOnly, otherLocalOnly, vcardOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('deletes are safe and say what happens', () => {
  it('undoes a delete, and a merged contact comes back merged; a delete of a merged contact says what stays', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    const results = contacts.getByRole('list', { name: 'Search results' });
    const sources = contacts.getByRole('list', { name: 'Sources of this contact' });
    const toast = contacts.getByTestId('toast');

    // A phone-only contact: deleted, then Undo on the toast puts it back.
    await search.fill(otherLocalOnly.name);
    await results.getByRole('button', { name: new RegExp(otherLocalOnly.name) }).click();
    await contacts.getByRole('button', { name: 'Delete' }).click();
    expect(await contacts.getByRole('alertdialog').textContent()).toContain(
      `Delete ${otherLocalOnly.name} from your phone contacts?`,
    );
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => toast.textContent()).toBe(`${otherLocalOnly.name} deleted.Undo`);
    await phone.screenshot('delete-01-undo-toast');
    await search.fill('');
    await search.fill(otherLocalOnly.name);
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'No contact matches' }).count())
      .toBe(1);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe(otherLocalOnly.name);

    // A phone contact merged by hand with a vCard one: Delete says the contact stays, because of the vCard.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await search.fill(localOnly.name);
    await results.getByRole('button', { name: new RegExp(localOnly.name) }).click();
    await contacts.getByRole('button', { name: 'Merge with…' }).click();
    await contacts.getByRole('searchbox', { name: 'Search the contact to merge with' }).fill(vcardOnly.name);
    await contacts
      .getByRole('list', { name: 'Contacts to merge with' })
      .getByRole('button', { name: new RegExp(vcardOnly.name) })
      .click();
    // Two names: the merged contact keeps the one picked first (this contact's).
    await contacts.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => sources.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    const name = await contacts.getByTestId('detail-name').textContent();

    await contacts.getByRole('button', { name: 'Delete' }).click();
    expect(await contacts.getByRole('alertdialog').textContent()).toContain(
      `Delete ${name} from Phone contacts? ${name} stays in your contacts, because vCard file also has them.`,
    );
    await phone.screenshot('delete-02-merged-explained');
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => toast.textContent()).toBe(`${name} deleted from Phone contacts.Undo`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    // Restored under its own id, so the merge the user made holds again.
    await expect
      .poll(() => sources.textContent(), { timeout: 20_000 })
      .toMatch(/Phone contacts.*vCard file|vCard file.*Phone contacts/);
    await expect
      .poll(() => contacts.getByRole('region', { name: 'Why these are one contact' }).textContent())
      .toContain('merged by you');
    await phone.screenshot('delete-03-merged-restored');
    await phone.close();
  });

  it('asks before uninstalling a provider, saying how many contacts go', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const panel = phone.panel();
    // The Records column (after the access level): what the provider holds now.
    const records = await panel.locator('tr[data-store="vcard/contacts"] td').nth(1).textContent();
    const asked: string[] = [];
    phone.page.on('dialog', (dialog) => asked.push(dialog.message()));
    await panel.getByRole('button', { name: 'Uninstall vCard file' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(
      `Uninstall vCard file? This deletes its ${records} contacts from the phone; people that other providers also have stay, with what those have.`,
    );
    await expect.poll(() => panel.getByTestId('provider-state-vcard').textContent()).toBe('not installed');
    await phone.close();
  });
});
