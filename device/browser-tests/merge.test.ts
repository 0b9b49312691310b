import { describe, expect, it } from 'vitest';
import { localOnly, otherLocalOnly, typoPair } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('merging in the Contacts app', () => {
  it('accepts a merge suggestion, shown with its reasons', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    const results = contacts.getByRole('list', { name: 'Search results' });
    const given = typoPair.name.split(' ')[0]!;
    // Two copies of one person, one with a letter doubled in the family name: the GCDS did not merge them.
    await search.fill(given);
    await expect.poll(() => results.getByRole('button').count()).toBe(2);
    await results.getByRole('button').first().click();
    const suggestions = contacts.getByRole('region', { name: 'Possible duplicates' });
    const suggestion = suggestions.locator('.suggestion');
    await expect.poll(() => suggestion.count(), { timeout: 20_000 }).toBe(1);
    expect(await suggestion.locator('.reasons').textContent()).toMatch(/same phone number .*\(score \d+/);
    await phone.screenshot('11-contacts-merge-suggestion');

    await suggestion.getByRole('button', { name: /^Merge with / }).click();
    const sources = contacts.getByRole('list', { name: 'Sources of this contact' });
    await expect.poll(() => sources.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    await expect
      .poll(() => contacts.getByRole('region', { name: 'Why these are one contact' }).textContent())
      .toContain('merged by you');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await search.fill('');
    await search.fill(given);
    await expect.poll(() => results.getByRole('button').count(), { timeout: 20_000 }).toBe(1);
    await phone.close();
  });

  it('merges two contacts by hand, then splits them again', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    const results = contacts.getByRole('list', { name: 'Search results' });
    await search.fill(localOnly.name);
    await results.getByRole('button', { name: new RegExp(localOnly.name) }).click();
    await contacts.getByRole('button', { name: 'Merge with…' }).click();
    await contacts
      .getByRole('searchbox', { name: 'Search the contact to merge with' })
      .fill(otherLocalOnly.name);
    await contacts
      .getByRole('list', { name: 'Contacts to merge with' })
      .getByRole('button', { name: new RegExp(otherLocalOnly.name) })
      .click();
    // Two names: the user picks the one the merged contact keeps (here the other contact's).
    const question = contacts.getByRole('dialog');
    const names = question.getByRole('group', { name: 'Name to keep' }).getByRole('radio');
    expect(await names.count()).toBe(2);
    await phone.screenshot('12a-contacts-merge-pick-name');
    await question.getByRole('radio', { name: otherLocalOnly.name }).check();
    await question.getByRole('button', { name: 'Merge' }).click();
    const sources = contacts.getByRole('list', { name: 'Sources of this contact' });
    await expect.poll(() => sources.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(otherLocalOnly.name);
    await expect
      .poll(() => contacts.getByRole('region', { name: 'Why these are one contact' }).textContent())
      .toBe('Why these are one contactPhone contacts and Phone contacts: merged by you');
    await phone.screenshot('12-contacts-manual-merge');

    await contacts.getByRole('button', { name: 'Unmerge' }).click();
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Unmerge' }).click();
    await expect
      .poll(() => contacts.getByTestId('toast').textContent())
      .toMatch(/is now 2 separate contacts\.$/);
    for (const person of [localOnly, otherLocalOnly]) {
      await search.fill(person.name);
      const hit = results.getByRole('button', { name: new RegExp(person.name) });
      await expect.poll(() => hit.count(), { timeout: 20_000 }).toBe(1);
      await hit.click();
      await expect.poll(() => sources.getByRole('listitem').count()).toBe(1);
      await contacts.getByRole('button', { name: 'Back to the list' }).click();
    }
    await phone.screenshot('13-contacts-unmerged');
    await phone.close();
  });
});
