import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EVENTUALLY, openContact } from './appActions';
import { localOnly, otherVcardOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';
import { guestNumber, singleCardVcf } from './vcfFiles';

/** After an action an app may still be a commit behind: its answer is awaited, not read once. */

const browser = chromiumForThisFile();

const CLUB = 'club.vcf';
const clubVcf =
  singleCardVcf('Perpetua', 'Fairweather', guestNumber(8001)) +
  singleCardVcf('Lysander', 'Quill', guestNumber(8002));

async function importClub(contacts: FrameLocator, added: number): Promise<void> {
  await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
  await contacts.getByLabel('Choose a .vcf file').setInputFiles({
    name: CLUB,
    mimeType: 'text/vcard',
    buffer: Buffer.from(clubVcf),
  });
  await expect
    .poll(
      () =>
        contacts
          .getByRole('status')
          .filter({ hasText: `${CLUB}:` })
          .textContent(),
      EVENTUALLY,
    )
    .toBe(`${CLUB}: 2 cards read, ${added} added, 0 updated, ${2 - added} unchanged, 0 with errors.`);
  await contacts.getByRole('button', { name: 'Back to the list' }).click();
}

function sourcesOf(contacts: FrameLocator) {
  return contacts.getByRole('list', { name: 'Sources of this contact' });
}

describe('imported contacts are yours', () => {
  it('edits an import-only contact into a linked phone copy, and deletes one from the import with Undo', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await importClub(contacts, 2);

    // Edit: the form starts from the card; saving keeps the change in the phone's contacts, linked.
    await openContact(contacts, 'Lysander Quill');
    expect(await sourcesOf(contacts).textContent()).toBe('from vCard file');
    await contacts.getByRole('button', { name: 'Edit' }).click();
    await contacts.getByLabel('Job title').fill('Lighthouse keeper');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.locator('.detail-view').textContent(), EVENTUALLY)
      .toContain('Lighthouse keeper');
    await expect.poll(() => sourcesOf(contacts).getByRole('listitem').count(), EVENTUALLY).toBe(2);
    expect(await sourcesOf(contacts).textContent()).toMatch(
      /Phone contacts.*vCard file|vCard file.*Phone contacts/,
    );
    await phone.screenshot('imported-01-edited-linked-copy');

    // Delete from the import: the vCard provider deletes its own card; Undo puts the same card back.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    const name = otherVcardOnly.name;
    await openContact(contacts, name);
    await contacts.getByRole('button', { name: 'Delete' }).click();
    expect(await contacts.getByRole('alertdialog').textContent()).toContain(
      `Delete ${name} from vCard file?`,
    );
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => contacts.getByTestId('toast').textContent()).toBe(`${name} deleted.Undo`);
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('');
    await search.fill(name);
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'No contact matches' }).count(), EVENTUALLY)
      .toBe(1);
    await phone.screenshot('imported-02-deleted-from-import');
    await contacts.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => contacts.getByTestId('detail-name').textContent(), EVENTUALLY).toBe(name);
    expect(await sourcesOf(contacts).textContent()).toBe('from vCard file');
    await phone.close();
  });

  it('brings an import back with its merges after the provider is uninstalled, reinstalled and the file imported again', async () => {
    const phone = await Phone.open(browser());
    const panel = phone.panel();
    await phone.converged();
    let contacts = await phone.openApp('contacts');
    await importClub(contacts, 2);

    // The user says Perpetua's card is their phone contact.
    await openContact(contacts, localOnly.name);
    await contacts.getByRole('button', { name: 'Merge with…' }).click();
    await contacts.getByRole('searchbox', { name: 'Search the contact to merge with' }).fill('Perpetua');
    await contacts
      .getByRole('list', { name: 'Contacts to merge with' })
      .getByRole('button', { name: /Perpetua Fairweather/ })
      .click();
    // Two names: the merge asks which to keep, and the phone contact's (picked first) stays.
    const question = contacts.getByRole('dialog');
    expect(await question.getByRole('radio', { name: localOnly.name }).isChecked()).toBe(true);
    await question.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => sourcesOf(contacts).getByRole('listitem').count(), EVENTUALLY).toBe(2);

    await panel.getByRole('button', { name: 'Uninstall vCard file' }).click();
    await expect.poll(() => panel.getByTestId('provider-state-vcard').textContent()).toBe('not installed');
    await phone.converged();
    contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await openContact(contacts, localOnly.name);
    await expect.poll(() => sourcesOf(contacts).textContent(), EVENTUALLY).toBe('from Phone contacts');

    await panel.getByRole('button', { name: 'Install vCard file' }).click();
    await expect
      .poll(() => panel.getByTestId('provider-state-vcard').textContent(), EVENTUALLY)
      .toBe('installed');
    await phone.converged();
    contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    // A new store: the same file adds its cards again, under the same ids.
    await importClub(contacts, 2);
    await openContact(contacts, localOnly.name);
    await expect.poll(() => sourcesOf(contacts).getByRole('listitem').count(), EVENTUALLY).toBe(2);
    expect(await sourcesOf(contacts).textContent()).toMatch(/Phone contacts.*vCard file/);
    await expect
      .poll(() => contacts.getByRole('region', { name: 'Why these are one contact' }).textContent())
      .toContain('merged by you');
    await contacts.getByRole('region', { name: 'Why these are one contact' }).scrollIntoViewIfNeeded();
    await phone.screenshot('imported-03-reimported-with-merge');
    await phone.close();
  });
});
