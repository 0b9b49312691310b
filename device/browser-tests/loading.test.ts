import { describe, expect, it } from 'vitest';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

const IMPORTING = /^Importing ([\d,]+) of ([\d,]+)…$/;
const number = (text: string) => Number(text.replace(/,/g, ''));

describe('loading tells the truth', () => {
  it('says how far the first population is, shows people before it ends, and ends with the exact count', async () => {
    // A phone's first start: the default demo world (2,000 people in three providers) imported from nothing.
    // The panel's other size, 30,000, takes minutes; this is the same first population, smaller.
    const phone = await Phone.open(browser(), { people: 'default' });
    const panel = phone.panel();
    const contacts = await phone.openApp('contacts');
    const status = contacts.locator('.list-status');
    const rows = contacts.locator('.contact-row:not(.placeholder)');

    // Rows are there while the line still says how far the import is, in real numbers.
    let seen = { text: '', rows: 0 };
    await expect
      .poll(
        async () => {
          seen = { text: (await status.textContent()) ?? '', rows: await rows.count() };
          return IMPORTING.test(seen.text) && seen.rows > 0;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    const [, done, total] = IMPORTING.exec(seen.text)!;
    // Provider records: what has reached the app of what the providers hold or are importing.
    expect(number(total!)).toBeGreaterThan(0);
    expect(number(done!)).toBeLessThanOrEqual(number(total!));
    await phone.screenshot('loading-01-importing-with-rows');

    // A search during the import says its count is of what has arrived so far.
    const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('a');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ found so far$/);
    await phone.screenshot('loading-02-search-so-far');
    await search.fill('');

    // It ends with the exact count: every person the GCDS holds, and no "Importing" any more.
    await phone.converged(120_000);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^[\d,]+ contacts$/);
    const people = (await panel.locator('tr[data-store="gcds/gcds"] td').nth(1).textContent())!;
    expect(await status.textContent()).toBe(`${people} contacts`);
    expect(number(people)).toBeGreaterThan(1_500);
    await search.fill('a');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ found$/);
    await phone.screenshot('loading-03-exact-count');
    await phone.close();
  });
});
