import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

/** The accessible name of the focused control in the page or, when a frame has focus, in that frame. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc: Document = document;
    // Into the focused frame, if any (sandboxed frames still expose focus to a test's evaluate per frame).
    const frame = doc.activeElement as HTMLIFrameElement | null;
    if (frame?.tagName === 'IFRAME') return `frame:${frame.dataset.app}`;
    const el = doc.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });
}

async function focusedIn(app: FrameLocator): Promise<string> {
  return app.locator('body').evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return '';
    const labelled = el.id === '' ? null : document.querySelector(`label[for="${el.id}"]`);
    return el.getAttribute('aria-label') ?? labelled?.textContent ?? el.textContent ?? '';
  });
}

/**
 * Every control a user can reach (button, input, select, textarea, link, option) that is shown and has
 * no accessible name, described; and every image without an alt.
 */
async function unlabelled(scope: Page | FrameLocator): Promise<string[]> {
  return scope.locator('body').evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], [role="option"], [role="tab"], [role="combobox"]',
    )) {
      if (!visible(el)) continue;
      const byId = (ids: string | null) =>
        (ids ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      const label = el.id === '' ? '' : (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '');
      const name = [
        el.getAttribute('aria-label'),
        byId(el.getAttribute('aria-labelledby')),
        label,
        el.closest('label')?.textContent,
        el.tagName === 'INPUT' ? '' : el.textContent,
        el.title,
      ]
        .map((part) => part?.trim() ?? '')
        .find((part) => part !== '');
      if (name === undefined) problems.push(el.outerHTML.slice(0, 120));
    }
    for (const img of document.querySelectorAll('img')) {
      if (!img.hasAttribute('alt')) problems.push(img.outerHTML.slice(0, 120));
    }
    return problems;
  });
}

describe('keyboard and screen readers', () => {
  it('goes through the phone with the keyboard alone', async () => {
    const phone = await Phone.open(browser());
    const { page } = phone;
    await phone.converged();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Open Contacts');
    await page.keyboard.press('Enter');
    const contacts = phone.app('contacts');
    await contacts.locator('body[data-connected="true"]').waitFor();
    await expect.poll(() => focusedIn(contacts)).toBe('Search contacts');
    const family = localOnly.name.split(' ').at(-1)!;
    await page.keyboard.type(localOnly.name);
    const hit = contacts.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await expect.poll(() => hit.textContent()).toContain(family);
    await page.keyboard.press('Tab');
    expect(await focusedIn(contacts)).toContain(localOnly.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(localOnly.name);
    // Escape goes back a level: the detail, then the search, then the app itself, to its home icon.
    await page.keyboard.press('Escape');
    await expect.poll(() => contacts.locator('body').getAttribute('data-view')).toBe('list');
    await page.keyboard.press('Escape');
    expect(await contacts.getByRole('searchbox', { name: 'Search contacts' }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Open Contacts');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Open Phone');
    await page.keyboard.press('Enter');
    const dialer = phone.app('phone');
    await dialer.locator('body[data-connected="true"]').waitFor();
    await expect.poll(() => focusedIn(dialer)).toBe('Number to call');
    await page.keyboard.type(localOnly.phones[0]!);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialer.getByTestId('call-status').textContent()).toBe('Calling…');
    expect(await dialer.getByTestId('caller-name').textContent()).toBe(localOnly.name);
    expect(await focusedIn(dialer)).toBe('Hang up');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialer.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Open Phone');
    await phone.close();
  });

  it('gives every control a name and every image an alt, in the shell and in each app', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    expect(await unlabelled(phone.page)).toEqual([]);

    const contacts = await phone.openApp('contacts');
    await expect.poll(() => contacts.locator('.contact-row:not(.placeholder)').count()).toBeGreaterThan(3);
    expect(await unlabelled(contacts)).toEqual([]);
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(localOnly.name);
    await contacts.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
    await contacts.getByTestId('detail-name').waitFor();
    expect(await unlabelled(contacts)).toEqual([]);
    await contacts.getByRole('button', { name: 'Edit' }).click();
    await contacts.getByLabel('First name').waitFor();
    expect(await unlabelled(contacts)).toEqual([]);
    await contacts.getByRole('button', { name: 'Cancel', exact: true }).click();
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    expect(await unlabelled(contacts)).toEqual([]);

    const dialer = await phone.openApp('phone');
    await dialer.getByTestId('dial-input').fill(localOnly.phones[0]!);
    await dialer.getByTestId('dial-suggestions').getByRole('button').first().waitFor();
    expect(await unlabelled(dialer)).toEqual([]);
    await dialer.getByRole('tab', { name: 'Recents' }).click();
    await dialer.getByTestId('call-log').getByRole('button').first().waitFor();
    expect(await unlabelled(dialer)).toEqual([]);

    const messages = await phone.openApp('messages');
    await messages.getByTestId('threads').getByRole('button').first().waitFor();
    expect(await unlabelled(messages)).toEqual([]);
    await messages.getByTestId('threads').getByRole('button').first().click();
    await messages.getByTestId('thread-title').waitFor();
    expect(await unlabelled(messages)).toEqual([]);
    await messages.getByRole('button', { name: 'Back to conversations' }).click();
    await messages.getByRole('button', { name: 'New message' }).click();
    await messages.getByRole('combobox').fill(localOnly.name.split(' ')[0]!);
    await messages.getByRole('option').first().waitFor();
    expect(await unlabelled(messages)).toEqual([]);
    await phone.close();
  });
});
