import type { FrameLocator, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openContact } from './appActions';
import { localOnly } from './demoFacts';
import { chromiumForThisFile, dial, Phone } from './phone';

const browser = chromiumForThisFile();

/** A phone's own screen: the simulated phone fills it (no bezel), as on a real 360 × 740 phone. */
const PHONE_SCREEN = { width: 360, height: 740 };

const LONG_URL = `https://www.example.org/${'a-very-long-path-segment/'.repeat(8)}index.html?utm_source=polish`;
const LONG_URL_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Longurl;Polly;;;',
  'FN:Polly Longurl',
  'TEL;TYPE=CELL:+33 6 39 98 77 02',
  `URL:${LONG_URL}`,
  'END:VCARD',
].join('\r\n');

type Box = { top: number; bottom: number; left: number; right: number };

async function box(locator: Locator): Promise<Box> {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The app's frame viewport: nothing the user needs may lie outside it, nor scroll it sideways. */
function frameSize(app: FrameLocator) {
  return app.locator('body').evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
  }));
}

describe('polish at a phone’s size', () => {
  it('jump bar, toasts, keypad, numbers, long URLs, picker avatars and the search box, on a 360 × 740 screen', async () => {
    const phone = await Phone.open(browser(), { viewport: PHONE_SCREEN });
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    expect((await frameSize(contacts)).width).toBeLessThanOrEqual(PHONE_SCREEN.width);
    await expect.poll(() => contacts.locator('.contact-row:not(.placeholder)').count()).toBeGreaterThan(5);

    // The jump bar: letters of at least 12 px, and each a target of at least 12 × 12 px.
    const letters = contacts.getByRole('navigation', { name: 'Jump to letter' }).getByRole('button');
    expect(await letters.count()).toBeGreaterThan(10);
    const sizes = await letters.evaluateAll((buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect();
        return { font: Number.parseFloat(getComputedStyle(b).fontSize), width: r.width, height: r.height };
      }),
    );
    expect(sizes.filter((s) => s.font < 12 || s.width < 12 || s.height < 12)).toEqual([]);
    await phone.screenshot('polish-01-jump-bar');

    // The search box is emptied after a create: the list comes back whole.
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('zz');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('First name').fill('Olive');
    await contacts.getByLabel('Last name').fill('Polishwood');
    await contacts.getByLabel('Phone 1', { exact: true }).fill('+33639987701');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Olive Polishwood');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    expect(await search.inputValue()).toBe('');
    await openContact(contacts, 'Olive Polishwood');

    // Numbers: the detail shows the phone's region format (France here), whatever was typed.
    const number = contacts.locator('.fields button.value').first();
    await expect.poll(() => number.textContent()).toBe('06 39 98 77 01');

    // …and after an edit.
    await contacts.getByRole('button', { name: 'Edit' }).click();
    await contacts.getByLabel('Last name').fill('Polishwood-Lee');
    await contacts.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => contacts.getByTestId('detail-name').textContent(), { timeout: 20_000 })
      .toBe('Olive Polishwood-Lee');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    expect(await search.inputValue()).toBe('');
    await openContact(contacts, 'Olive Polishwood-Lee');

    // The same number reads the same in the call screen, Recents and Messages.
    await contacts
      .getByRole('button', { name: /^Call Olive Polishwood-Lee on / })
      .first()
      .click();
    const phoneApp = phone.app('phone');
    const call = phoneApp.getByRole('dialog');
    await expect.poll(() => call.getByTestId('caller-number').textContent()).toContain('06 39 98 77 01');
    await call.getByRole('button', { name: 'Hang up' }).click();
    await phoneApp.getByRole('tab', { name: 'Recents' }).click();
    const recent = phoneApp.getByTestId('call-log').locator('.call-entry').first();
    await expect.poll(() => recent.textContent()).toContain('Olive Polishwood-Lee');
    expect(await recent.textContent()).toContain('06 39 98 77 01');
    await phone.openApp('contacts');
    await contacts
      .getByRole('button', { name: /^Message Olive Polishwood-Lee on / })
      .first()
      .click();
    const messages = phone.app('messages');
    await expect.poll(() => messages.getByTestId('recipients').textContent()).toContain('06 39 98 77 01');
    await phone.screenshot('polish-02-message-number');

    // …and after a delete; the toast (with Undo) covers no row of the list, not even the last one.
    await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await search.fill('Polishwood');
    await contacts
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: /Olive Polishwood-Lee/ })
      .click();
    await contacts.getByRole('button', { name: 'Delete' }).click();
    await contacts.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    const toast = contacts.getByTestId('toast');
    await expect.poll(() => toast.isVisible()).toBe(true);
    expect(await search.inputValue()).toBe('');
    const scroller = contacts.getByTestId('contact-scroller');
    const list = await box(scroller);
    await phone.page.mouse.move(PHONE_SCREEN.width / 2, list.top + 120);
    for (let i = 0; i < 6; i += 1) await phone.page.mouse.wheel(0, 20_000);
    await expect
      .poll(() => scroller.evaluate((e) => e.scrollHeight - e.scrollTop - e.clientHeight))
      .toBeLessThan(2);
    const lastRow = scroller.locator('.contact-row:not(.placeholder)').last();
    const toastBox = await box(toast);
    expect(overlaps(await box(lastRow), toastBox)).toBe(false);
    expect(overlaps(await box(scroller), toastBox)).toBe(false);
    await phone.screenshot('polish-03-toast-clear-of-the-last-row');

    // Avatars in the merge picker.
    await openContact(contacts, localOnly.name);
    await contacts.getByRole('button', { name: 'Merge with…' }).click();
    await contacts.getByRole('searchbox', { name: 'Search the contact to merge with' }).fill('a');
    const choices = contacts.getByRole('list', { name: 'Contacts to merge with' }).getByRole('button');
    await expect.poll(() => choices.count()).toBeGreaterThan(2);
    expect(await choices.locator('.avatar').count()).toBe(await choices.count());
    await phone.screenshot('polish-04-picker-avatars');
    await contacts.getByRole('button', { name: 'Back to the contact' }).click();

    // A long website wraps inside the screen.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    await contacts.getByLabel('Choose a .vcf file').setInputFiles({
      name: 'long-url.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(LONG_URL_CARD),
    });
    const summary = contacts.getByRole('status').filter({ hasText: 'long-url.vcf:' });
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(/^long-url\.vcf: 1 cards? read, 1 added/);
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await openContact(contacts, 'Polly Longurl');
    const url = contacts.locator('.fields').getByText(LONG_URL);
    const urlBox = await box(url);
    const screen = await frameSize(contacts);
    expect(urlBox.right).toBeLessThanOrEqual(screen.width);
    expect(screen.scrollWidth).toBeLessThanOrEqual(screen.width);
    expect(urlBox.bottom - urlBox.top).toBeGreaterThan(30);
    await phone.screenshot('polish-05-long-url');

    // The keypad with six suggestions fits: the Call button stays on screen, under no toast.
    const keypad = await phone.openApp('phone');
    await keypad.getByRole('tab', { name: 'Keypad' }).click();
    await keypad.getByTestId('dial-input').fill('');
    await dial(keypad, '2');
    const suggestions = keypad.getByTestId('dial-suggestions').getByRole('button');
    await expect.poll(() => suggestions.count()).toBeGreaterThanOrEqual(6);
    await phone.screenshot('polish-06-keypad-six-suggestions');
    const callButton = keypad.getByRole('button', { name: 'Call', exact: true });
    const keypadScreen = await frameSize(keypad);
    expect((await box(callButton)).bottom).toBeLessThanOrEqual(keypadScreen.height);
    expect(await keypad.locator('.keypad-view').evaluate((e) => e.scrollHeight <= e.clientHeight + 1)).toBe(
      true,
    );
    // The six suggestions themselves are on screen, above the keypad.
    expect((await box(suggestions.nth(5))).bottom).toBeLessThanOrEqual(
      (await box(keypad.getByRole('group', { name: 'Keypad' }))).top,
    );
    await keypad.getByTestId('dial-input').fill('06 39 98 77 09');
    await callButton.click();
    await keypad.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
    const phoneToast = keypad.getByTestId('toast');
    await expect.poll(() => phoneToast.isVisible()).toBe(true);
    const phoneToastBox = await box(phoneToast);
    expect(overlaps(await box(callButton), phoneToastBox)).toBe(false);
    expect(overlaps(await box(keypad.getByTestId('dial-input')), phoneToastBox)).toBe(false);
    await phone.screenshot('polish-07-toast-clear-of-call');
    await phone.close();
  });
});
