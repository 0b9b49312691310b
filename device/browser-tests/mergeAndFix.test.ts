import { describe, expect, it } from 'vitest';
import { typoPair } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('Merge & fix', () => {
  it('lists every suggested merge with its reasons, dismisses one, and merges all above a score', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    const listStatus = contacts.getByRole('status').filter({ hasText: / contacts$/ });
    await expect.poll(() => listStatus.textContent()).toMatch(/^[\d,]+ contacts$/);
    const before = Number((await listStatus.getAttribute('data-count')) ?? 0);

    await contacts.getByRole('button', { name: 'Merge and fix duplicates' }).click();
    const status = contacts.getByRole('region', { name: 'Merge and fix' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^\d+ suggested merges?$/);
    const pairs = contacts.getByRole('list', { name: 'Suggested merges' }).locator('.fix-pair');
    const total = await pairs.count();
    expect(total).toBeGreaterThan(1);

    // The typo pair: its reasons in words, one a line, the shared number formatted.
    const given = typoPair.name.split(' ')[0]!;
    const typo = pairs.filter({ hasText: given }).first();
    const reasons = await typo.getByRole('list', { name: 'Why' }).getByRole('listitem').allTextContents();
    expect(reasons).toContain('Similar name');
    expect(reasons.some((r) => /^Same phone number \((0\d( \d\d){4}|\+\d[\d ]+)\)$/.test(r))).toBe(true);
    await phone.screenshot('fix-01-merge-and-fix');

    await typo.getByRole('button', { name: / are different people$/ }).click();
    await expect.poll(() => pairs.count()).toBe(total - 1);

    // Merge all at or above 90: none left at that score, the others still there, fewer people.
    await contacts.getByRole('combobox', { name: 'Lowest score to merge' }).selectOption('90');
    const scores = await pairs.evaluateAll((items) =>
      items.map((i) => Number((i as HTMLElement).dataset.score)),
    );
    const eligible = scores.filter((score) => score >= 90).length;
    expect(eligible).toBeGreaterThan(0);
    const mergeAll = contacts.getByRole('button', { name: `Merge all ${eligible}` });
    await phone.screenshot('fix-02-before-merge-all');
    await mergeAll.click();
    await expect.poll(() => pairs.count(), { timeout: 60_000 }).toBe(total - 1 - eligible);
    // One operation for them all, and it says what it did.
    expect(await contacts.getByTestId('toast').textContent()).toMatch(
      new RegExp(`^Merged ${eligible} pairs?\\.$`),
    );
    await phone.screenshot('fix-03-all-merged');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await expect
      .poll(async () => Number((await listStatus.getAttribute('data-count')) ?? 0), { timeout: 30_000 })
      .toBeLessThan(before);
    await phone.close();
  });
});
