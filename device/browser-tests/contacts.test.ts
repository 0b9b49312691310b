import { describe, expect, it } from 'vitest';
import { autoMerged, localOnly, withPhoto } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('a newcomer in the Contacts app', () => {
  it('opens the phone, reads the list, jumps to a letter, searches and sees where each field comes from', async () => {
    const phone = await Phone.open(browser());
    const { page } = phone;
    // The home screen: three apps, each a labelled button.
    for (const name of ['Open Contacts', 'Open Phone', 'Open Messages']) {
      await expect.poll(() => page.getByRole('button', { name }).isVisible()).toBe(true);
    }
    await phone.converged();
    await phone.screenshot('01-home-screen');

    const contacts = await phone.openApp('contacts');
    const status = contacts.getByRole('status').filter({ hasText: 'contacts' });
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ contacts$/);
    const total = Number((await status.getAttribute('data-count')) ?? 0);
    expect(total).toBeGreaterThan(250);
    // Virtualised: only about a screenful of rows is in the document, however long the list.
    await expect.poll(() => contacts.locator('.contact-row:not(.placeholder)').count()).toBeGreaterThan(5);
    expect(await contacts.locator('.virtual-row').count()).toBeLessThan(40);
    await expect.poll(() => contacts.locator('.section-header').first().textContent()).toBe('A');
    await phone.screenshot('02-contacts-list');

    // Jump to a letter: the list scrolls there and the sticky header says which letter is on top.
    await contacts.getByRole('button', { name: /^Jump to M \(\d+\)$/ }).click();
    await expect.poll(() => contacts.locator('.sticky-header').textContent()).toBe('M');
    // The first row under the sticky header is an M.
    const topName = () =>
      contacts.locator('body').evaluate(() => {
        const scroller = document.querySelector('.virtual-scroller')!.getBoundingClientRect();
        const row = document
          .elementFromPoint(scroller.left + 100, scroller.top + 45)
          ?.closest('.contact-row');
        return row?.querySelector('.row-name')?.textContent;
      });
    await expect.poll(async () => (await topName())?.[0]).toBe('M');
    await phone.screenshot('03-contacts-jump-to-M');

    // Search with the matches marked.
    const family = localOnly.name.split(' ').at(-1)!;
    const typed = family.slice(0, 4);
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(typed);
    const results = contacts.getByRole('list', { name: 'Search results' });
    const hit = results.getByRole('button', { name: new RegExp(localOnly.name) });
    await expect.poll(() => hit.count()).toBe(1);
    expect((await hit.locator('mark').first().textContent())?.toLowerCase()).toBe(typed.toLowerCase());
    await phone.screenshot('04-contacts-search');

    // A person written down in two sources, merged by the GCDS: each field says where it comes from.
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(autoMerged.name);
    await results
      .getByRole('button', { name: new RegExp(autoMerged.name) })
      .first()
      .click();
    await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(autoMerged.name);
    const sources = contacts.getByRole('list', { name: 'Sources of this contact' });
    await expect.poll(() => sources.textContent()).toContain('from Phone contacts');
    expect(await sources.textContent()).toContain('from vCard file');
    expect(await contacts.locator('.fields .source-badge').count()).toBeGreaterThan(1);
    const reasons = contacts.getByRole('region', { name: 'Why these are one contact' });
    expect(await reasons.textContent()).toMatch(/merged automatically, .*same phone number/);
    await phone.screenshot('05-contacts-detail-sources');

    // Photos load when a row is shown, not before: the person with a photo shows it in search and detail.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(withPhoto);
    const photo = results.locator('img.photo').first();
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(48);
    await phone.close();
  });

  it('creates, edits and deletes a local contact, with a validation message on a bad number', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('First name').fill('Zoë');
    await contacts.getByLabel('Last name').fill('Quillfeather');
    await contacts.getByLabel('Phone 1', { exact: true }).fill('call me maybe');
    await contacts.getByRole('button', { name: 'Save' }).click();
    const phoneField = contacts.getByLabel('Phone 1', { exact: true });
    await expect.poll(() => phoneField.getAttribute('aria-invalid')).toBe('true');
    const error = contacts.locator(`#${await phoneField.getAttribute('aria-describedby')}`);
    expect(await error.textContent()).toContain('"call me maybe" is not a phone number');
    await phone.screenshot('06-contacts-validation');

    await phoneField.fill('06 39 98 12 34');
    await contacts.getByLabel('Email 1').fill('zoe@quill.example');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Zoë Quillfeather');
    expect(await contacts.getByRole('list', { name: 'Sources of this contact' }).textContent()).toBe(
      'from Phone contacts',
    );

    await contacts.getByRole('button', { name: 'Edit' }).click();
    await contacts.getByLabel('Last name').fill('Quillfeather-Brook');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Zoë Quillfeather-Brook');
    await phone.screenshot('07-contacts-edited');

    await contacts.getByRole('button', { name: 'Delete' }).click();
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill('Quillfeather');
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'No contact matches' }).count())
      .toBe(1);
    await phone.close();
  });

  it('shows a name that looks like markup as those characters, and runs none of it', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const name = '<img src=x onerror="document.body.dataset.pwned=1">';
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('First name').fill(name);
    await contacts.getByLabel('Phone 1', { exact: true }).fill('06 39 98 55 55');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe(name);
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill('<img');
    await expect.poll(() => contacts.locator('.search-results .row-name').first().textContent()).toBe(name);
    expect(await contacts.locator('img[src="x"]').count()).toBe(0);
    expect(await contacts.locator('body').getAttribute('data-pwned')).toBeNull();
    // Behind that, the app page's policy: no network from an app, whatever ran in it.
    phone.expectErrors(/Content Security Policy/);
    const fetched = await contacts.locator('body').evaluate(() =>
      fetch(location.href).then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    await phone.screenshot('08-contacts-markup-as-text');
    await phone.close();
  });
});
