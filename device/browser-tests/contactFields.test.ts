import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vcardOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';
import { pngFile } from './pngFile';

const browser = chromiumForThisFile();

/** The new contact the test makes: a given name and a family name under different letters. */
const NEW = { given: 'Quentin', family: 'Lebrun', number: '06 39 98 40 17' };
const NEW_NAME = `${NEW.given} ${NEW.family}`;

async function search(contacts: FrameLocator, text: string): Promise<void> {
  await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(text);
}

async function openFromSearch(contacts: FrameLocator, name: string): Promise<void> {
  await search(contacts, name);
  await contacts
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(name);
}

/** Back from a detail to the list, its search emptied (Escape empties it; on an empty one it goes home). */
async function backToList(contacts: FrameLocator): Promise<void> {
  await contacts.getByRole('button', { name: 'Back to the list' }).click();
  const box = contacts.getByRole('searchbox', { name: 'Search contacts' });
  if ((await box.inputValue()) !== '') await box.press('Escape');
}

/** The name of the first row under the sticky header, after a jump to `letter`. */
async function topAfterJump(contacts: FrameLocator, letter: string): Promise<string | undefined> {
  await contacts.getByRole('button', { name: new RegExp(`^Jump to ${letter} \\(\\d+\\)$`) }).click();
  await expect.poll(() => contacts.locator('.sticky-header').textContent()).toBe(letter);
  let name: string | undefined;
  await expect
    .poll(async () => {
      name = await contacts.locator('body').evaluate(() => {
        const scroller = document.querySelector('.virtual-scroller')!.getBoundingClientRect();
        const row = document
          .elementFromPoint(scroller.left + 100, scroller.top + 45)
          ?.closest('.contact-row');
        return row?.querySelector('.row-name')?.textContent ?? undefined;
      });
      return name !== undefined;
    })
    .toBe(true);
  return name;
}

const jumpLabels = (contacts: FrameLocator) =>
  contacts
    .getByRole('navigation', { name: 'Jump to letter' })
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

describe('the fields people use', () => {
  // One phone for both tests (booting and converging one is most of a test's time): the second sorts
  // the list the first added to.
  let phone: Phone;
  beforeAll(async () => {
    phone = await Phone.open(browser());
    await phone.converged();
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('stars an import into Favourites, and saves a photo, a birthday, an address and a work number', async () => {
    const contacts = await phone.openApp('contacts');
    const toast = contacts.getByTestId('toast');

    // Star a contact only the vCard import has: the star is kept on the phone, and the person is a favourite.
    await openFromSearch(contacts, vcardOnly.name);
    expect(await contacts.locator('.fields dt').allTextContents()).toContain('Phone (Mobile)');
    await contacts.getByRole('button', { name: `Add ${vcardOnly.name} to favourites` }).click();
    await expect.poll(() => toast.textContent()).toBe(`${vcardOnly.name} added to favourites.`);
    const star = contacts.getByTestId('favorite-star');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await phone.screenshot('fields-01-starred');
    await backToList(contacts);
    // A Favourites section at the top of the list, ★ on the jump bar.
    await expect.poll(() => contacts.locator('.section-header').first().textContent()).toBe('★');
    const favourites = contacts.getByRole('button', { name: /^Jump to favourites \((\d+)\)$/ });
    expect(await favourites.textContent()).toBe('★');
    expect(await favourites.getAttribute('aria-label')).toBe('Jump to favourites (1)');
    const firstRow = contacts.locator('.virtual-row .contact-row').first();
    await expect.poll(() => firstRow.locator('.row-name').textContent()).toBe(vcardOnly.name);
    await phone.screenshot('fields-02-favourites-section');

    // A new contact with a picked photo, a birthday, an address and a work number.
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('First name').fill(NEW.given);
    await contacts.getByLabel('Last name').fill(NEW.family);
    await contacts.getByLabel('Phone 1', { exact: true }).fill(NEW.number);
    await contacts.getByRole('combobox', { name: 'Phone 1 type' }).selectOption({ label: 'Work' });
    await contacts.getByRole('combobox', { name: 'Phone 2 type' }).selectOption({ label: 'Custom…' });
    await contacts.getByRole('textbox', { name: 'Phone 2 label' }).fill('Boat');
    await contacts.getByLabel('Phone 2', { exact: true }).fill('06 39 98 40 18');
    // Phone 3 keeps the kind a new row starts with: Mobile.
    await contacts.getByLabel('Phone 3', { exact: true }).fill('06 39 98 40 19');
    await contacts.getByLabel('Birthday').fill('1990-04-12');
    await contacts.getByLabel('Street').fill('12 Rue de la Paix');
    await contacts.getByLabel('City').fill('Paris');
    await contacts.getByLabel('Postcode').fill('75002');
    await contacts.getByLabel('Country').fill('France');
    await contacts.getByLabel('Choose a photo').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: pngFile(640, 400, [200, 30, 30], [30, 30, 200]),
    });
    // Shrunk once in the app to a square thumbnail, shown before saving.
    const preview = contacts.getByTestId('form-photo').locator('img');
    await expect
      .poll(() =>
        preview.evaluate((img) => [
          (img as HTMLImageElement).naturalWidth,
          (img as HTMLImageElement).naturalHeight,
        ]),
      )
      .toEqual([128, 128]);
    await phone.screenshot('fields-03-form');
    await contacts.getByRole('button', { name: 'Save', exact: true }).click();

    await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(NEW_NAME);
    const fields = contacts.locator('.fields .field');
    const field = async (label: string) =>
      (
        await fields
          .filter({ has: contacts.locator('dt', { hasText: label }) })
          .first()
          .locator('.value')
          .first()
          .textContent()
      )?.trim();
    await expect.poll(() => contacts.locator('.fields dt').allTextContents()).toContain('Phone (Work)');
    expect(await contacts.locator('.fields dt').allTextContents()).toContain('Phone (Boat)');
    expect(await field('Birthday')).toBe('12 April 1990');
    expect((await field('Address'))?.split('\n')).toEqual(['12 Rue de la Paix', '75002 Paris', 'France']);
    const detailPhoto = contacts.locator('.detail-head img.photo');
    await expect.poll(() => detailPhoto.count()).toBe(1);
    await phone.screenshot('fields-04-detail');

    // The thumbnail in the list row, under the given name's letter.
    await backToList(contacts);
    await topAfterJump(contacts, 'Q');
    const row = contacts.locator('.contact-row', { hasText: NEW_NAME });
    await expect.poll(() => row.locator('img.photo').count(), { timeout: 10_000 }).toBe(1);
    await phone.screenshot('fields-05-photo-in-list');

    // One word for each kind in all three apps: the Phone app's suggestions and Messages' recipients.
    const dialer = await phone.openApp('phone');
    await dialer.getByRole('textbox', { name: 'Number to call' }).fill('063998401');
    const suggested = dialer
      .getByTestId('dial-suggestions')
      .getByRole('button', { name: new RegExp(NEW_NAME) });
    await expect.poll(() => suggested.count()).toBe(3);
    const kinds = (await suggested.allTextContents()).map((text) => /(Mobile|Work|Boat) · /.exec(text)?.[1]);
    expect(kinds.sort()).toEqual(['Boat', 'Mobile', 'Work']);
    await phone.screenshot('fields-06-phone-kinds');
    const messages = await phone.openApp('messages');
    await messages.getByRole('button', { name: 'New message' }).click();
    await messages.getByRole('combobox').fill(NEW.family);
    const mobile = messages.getByRole('option', { name: new RegExp(`${NEW_NAME}.*Mobile · `) });
    await expect.poll(() => mobile.count()).toBe(1);
  });

  it('sorts by last name when asked: the list, its letters and the jump bar follow, after a reload too', async () => {
    const contacts = await phone.openApp('contacts');
    const byFirst = await jumpLabels(contacts);
    expect((await topAfterJump(contacts, 'L'))?.[0]).toBe('L');

    await contacts.getByRole('button', { name: 'Settings' }).click();
    await contacts.getByRole('radio', { name: /^Last name/ }).check();
    await expect.poll(() => contacts.getByTestId('toast').textContent()).toBe('Sorted by last name.');
    await phone.screenshot('fields-07-sort-setting');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    // The jump bar counts the letters of the family names now; a row under L has a family name in L.
    await expect.poll(() => jumpLabels(contacts)).not.toEqual(byFirst);
    const top = await topAfterJump(contacts, 'L');
    expect(top?.split(' ').at(-1)?.[0]).toBe('L');
    await phone.screenshot('fields-08-sorted-by-last-name');
    const byLast = await jumpLabels(contacts);

    // The setting holds after a reload.
    await phone.page.reload();
    const again = await phone.openApp('contacts');
    await expect.poll(() => jumpLabels(again)).toEqual(byLast);
    await again.getByRole('button', { name: 'Settings' }).click();
    expect(await again.getByRole('radio', { name: /^Last name/ }).isChecked()).toBe(true);
  });
});
