import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PEOPLE, generateDemoBook } from '../src/demo/demoBook';
import { chromiumForThisFile, Phone } from './phone';

/** In the default book: a person in all three sources whose copies differ only in number formats. */
const inAllThree = (() => {
  const book = generateDemoBook({ people: DEFAULT_DEMO_PEOPLE });
  const names = new Map<string, number>();
  for (const t of book.truth) names.set(t.name, (names.get(t.name) ?? 0) + 1);
  const found = book.truth.find(
    (t) =>
      t.sources.length === 3 &&
      t.variants.every((v) => v === 'format') &&
      names.get(t.name) === 1 &&
      /^[\p{Script=Latin} '-]+$/u.test(t.name),
  );
  if (found === undefined) throw new Error('the default book has nobody in all three sources');
  return found;
})();

const browser = chromiumForThisFile();

const IMPORTING = /^Importing ([\d,]+) of ([\d,]+)…$/;
const number = (text: string) => Number(text.replace(/,/g, ''));

describe('the demo sizes', () => {
  it('opens on 2,000 people by default, saying how far the first population is until the exact count, and loads 30,000 from the panel, the first screen before the rest', async () => {
    const phone = await Phone.open(browser(), { people: 'default' });
    const panel = phone.panel();
    await expect
      .poll(() => panel.getByTestId('demo-size').textContent())
      .toMatch(/^2,000 people in the demo world/);
    const contacts = await phone.openApp('contacts');
    const status = contacts.locator('.list-status');
    const rows = contacts.locator('.contact-row:not(.placeholder)');

    // Loading tells the truth: rows are there (virtualised, as they are read) while the line still says
    // how far the first population is, in real numbers of provider records.
    let seen = { text: '', rows: 0 };
    await expect
      .poll(
        async () => {
          seen = { text: (await status.textContent()) ?? '', rows: await rows.count() };
          return IMPORTING.test(seen.text) && seen.rows > 5;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    const [, done, total] = IMPORTING.exec(seen.text)!;
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
    await phone.converged(180_000);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^[\d,]+ contacts$/);
    // The panel counts the GCDS store once the GCDS has been still for 2.5 s, and renders at most
    // every 200 ms: its count may lag the app's until both settle on the same number.
    const gcdsCount = async () =>
      (await panel.locator('tr[data-store="gcds/gcds"] td').nth(1).textContent())!;
    await expect
      .poll(async () => `${await gcdsCount()} contacts` === (await status.textContent()), { timeout: 30_000 })
      .toBe(true);
    const people = await gcdsCount();
    expect(number(people)).toBeGreaterThan(1_500);
    expect(Number(await status.getAttribute('data-count'))).toBe(number(people));
    await search.fill('a');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ found$/);
    await search.fill('');
    expect(await contacts.locator('.virtual-row').count()).toBeLessThan(40);
    await phone.screenshot('26-default-2000-people');

    // Someone written down in all three sources is one contact, each field saying where it comes from.
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill(inAllThree.name);
    await contacts
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: new RegExp(inAllThree.name) })
      .click();
    const sources = contacts.getByRole('list', { name: 'Sources of this contact' });
    await expect.poll(() => sources.getByRole('listitem').count()).toBe(3);
    expect(await contacts.getByTestId('detail-name').textContent()).toBe(inAllThree.name);
    await phone.screenshot('27-default-2000-three-sources');

    // The panel's control wipes the device and seeds 30,000; the first screen comes long before the last.
    await panel.getByRole('button', { name: 'Load 30,000 people' }).click();
    await expect
      .poll(() => panel.getByTestId('demo-size').textContent(), { timeout: 30_000 })
      .toMatch(/^30,000 people in the demo world/);
    const large = await phone.openApp('contacts');
    await expect
      .poll(() => large.locator('.contact-row:not(.placeholder)').count(), { timeout: 120_000 })
      .toBeGreaterThan(5);
    expect(await large.locator('.virtual-row').count()).toBeLessThan(40);
    await phone.screenshot('28-loading-30000-people');
    await phone.close();
  });
});
