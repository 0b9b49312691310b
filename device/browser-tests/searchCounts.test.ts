import { describe, expect, it } from 'vitest';
import { book } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('search result counts are not capped', () => {
  it('says how many match, exactly, and scrolls through every one of them', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    // The demo's emails are all at example domains: a query much of the book matches, far past a page.
    const withEmail = book.truth.filter((t) => t.emails.length > 0).length;
    expect(withEmail).toBeGreaterThan(100);
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill('example');
    const status = contacts.getByRole('status').filter({ hasText: 'found' });
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ found$/);
    const found = Number((await status.textContent())!.replace(/\D/g, ''));
    expect(found).toBeGreaterThan(100);
    const results = contacts.getByRole('list', { name: 'Search results' });
    // Virtualised: a screenful of rows in the document, not all of them.
    expect(await results.getByRole('listitem').count()).toBeLessThan(40);
    await phone.screenshot('search-01-count');

    // Scrolled to the end: the last row is the last of them all.
    const scroller = contacts.getByTestId('results-scroller');
    await expect
      .poll(async () => {
        await scroller.evaluate((e) => {
          e.scrollTop = e.scrollHeight;
        });
        return results.locator('li:not(.placeholder)').last().getAttribute('aria-posinset');
      })
      .toBe(String(found));
    await phone.screenshot('search-02-scrolled-to-the-last');
    await phone.close();
  });
});
