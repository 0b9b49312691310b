import { describe, expect, it } from 'vitest';
import { keypadWords } from '../src/workers/smartDial';
import { book } from './demoFacts';
import { chromiumForThisFile, dial, Phone } from './phone';

const browser = chromiumForThisFile();

/** Someone the Phone app may name (not facebook-only), with a number and an accented first name. */
const accented = book.truth.find(
  (t) =>
    t.hardCase === undefined &&
    t.phones.length > 0 &&
    !t.sources.every((s) => s === 'facebook-sim') &&
    /^\p{Script=Latin}+$/u.test(t.name.split(' ')[0]!) &&
    /[^\p{ASCII}]/u.test(t.name.split(' ')[0]!.slice(0, 4)),
)!;

describe('smart dial', () => {
  it('finds a name by its letters on the keys, accents folded, and puts the most called first', async () => {
    expect(accented).toBeDefined();
    const phone = await Phone.open(browser());
    await phone.converged();
    const app = await phone.openApp('phone');
    const given = accented.name.split(' ')[0]!;
    const digits = keypadWords(given)[0]!.slice(0, 4);
    await dial(app, digits);
    const suggestions = app.getByTestId('dial-suggestions').getByRole('button');
    const hit = suggestions.filter({ hasText: accented.name });
    await expect.poll(() => hit.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await hit.first().locator('.row-name mark').textContent()).toBe([...given].slice(0, 4).join(''));
    await phone.screenshot('dial-01-t9-accented-name');

    // Two keys many first names share: the last of them, called twice, comes before the others.
    const input = app.getByTestId('dial-input');
    await input.fill('');
    const short = digits.slice(0, 2);
    await dial(app, short);
    await expect
      .poll(() => suggestions.locator('.row-name mark').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    const spelledNames = async () =>
      suggestions.evaluateAll((buttons) =>
        buttons
          .filter((b) => b.querySelector('.row-name mark') !== null)
          .map((b) => b.querySelector('.row-name')!.textContent!),
      );
    const before = await spelledNames();
    const last = before.at(-1)!;
    expect(before[0]).not.toBe(last);
    for (let call = 0; call < 2; call += 1) {
      await suggestions.filter({ hasText: last }).first().click();
      await app.getByRole('button', { name: 'Call', exact: true }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
      await input.fill('');
      await dial(app, short);
    }
    await expect.poll(async () => (await spelledNames())[0], { timeout: 20_000 }).toBe(last);
    await phone.screenshot('dial-02-most-called-first');
    await phone.close();
  });
});
