import type { FrameLocator } from 'playwright-core';
import { expect } from 'vitest';
import type { Phone } from './phone';

/**
 * After an action an app may still be a commit behind, so its answer is awaited, not read once: long
 * enough for a sync through every worker on a loaded two-core machine.
 */
export const EVENTUALLY = { timeout: 30_000 };

/** Opens the contact found by searching `name`, whose detail is titled `shown`. */
export async function openContact(contacts: FrameLocator, name: string, shown = name): Promise<void> {
  const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('');
  await search.fill(name);
  await contacts
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: new RegExp(shown) })
    .first()
    .click(EVENTUALLY);
  await expect.poll(() => contacts.getByTestId('detail-name').textContent(), EVENTUALLY).toBe(shown);
}

/** The caller ID the Phone app shows for an incoming call from `number` (the call is then declined). */
export async function callerId(phone: Phone, number: string): Promise<string> {
  const app = await phone.openApp('phone');
  await app.getByRole('tab', { name: 'Keypad' }).click();
  await app.getByTestId('dial-input').fill(number);
  await app.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
  const name = (await app.getByTestId('caller-name').textContent()) ?? '';
  await app.getByRole('button', { name: 'Decline' }).click();
  return name;
}

/** Searches in Contacts and returns the names found (empty when nothing matches). */
export async function contactsFound(contacts: FrameLocator, query: string): Promise<string[]> {
  const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('');
  await search.fill(query);
  const status = contacts.locator('.list-status');
  await expect.poll(() => status.textContent()).toMatch(/^(\d+ found|No contact matches .*)$/);
  return contacts.locator('.search-results .row-name').allTextContents();
}

/** The recipients the Messages app offers for a query. */
export async function recipients(phone: Phone, query: string): Promise<string[]> {
  const app = await phone.openApp('messages');
  if ((await app.locator('body').getAttribute('data-view')) !== 'compose') {
    await app.getByRole('button', { name: 'New message' }).click();
  }
  const to = app.getByRole('combobox');
  await to.fill('');
  await expect.poll(() => app.getByText(/^\d+ suggestions$/).count()).toBe(0);
  await to.fill(query);
  await expect.poll(() => app.getByText(/^\d+ suggestions$/).count()).toBe(1);
  return app.locator('.recipient-option .row-name').allTextContents();
}
