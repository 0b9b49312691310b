import { describe, expect, it } from 'vitest';
import { chromiumForThisFile, Phone } from './phone';

const browser = chromiumForThisFile();

describe('Recents as on a phone', () => {
  it('shows days, avatars, grouped calls, declined apart from missed, whole numbers, and opens details', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const app = await phone.openApp('phone');
    // Two calls in a row from one unknown number, both declined.
    for (let ring = 0; ring < 2; ring += 1) {
      await app.getByTestId('dial-input').fill('07 55 44 33 22');
      await app.getByRole('button', { name: 'Simulate an incoming call from this number' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    }
    await app.getByRole('tab', { name: 'Recents' }).click();
    const log = app.getByTestId('call-log');
    const first = log.getByRole('button').first();
    await expect
      .poll(() => first.getAttribute('aria-label'))
      .toMatch(/^Declined call, 07 55 44 33 22, 2 calls, /);
    expect(await log.getByTestId('call-count').first().textContent()).toBe('(2)');

    // Day headers: today first; the demo's calls go back more than a day.
    const days = await log.getByTestId('call-day').allTextContents();
    expect(days[0]).toBe('Today');
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(new Set(days).size).toBe(days.length);
    // A missed call (the demo's stranger) is a missed call, not a declined one.
    expect(await log.getByRole('button', { name: /^Missed call, / }).count()).toBeGreaterThan(0);
    // Every line has an avatar; no number is cut short.
    expect(await log.locator('.call-entry .avatar').count()).toBe(await log.locator('.call-entry').count());
    const cut = await log
      .locator('.call-line')
      .evaluateAll((lines) =>
        lines.filter((line) => line.scrollWidth > line.clientWidth + 1).map((line) => line.textContent),
      );
    expect(cut).toEqual([]);
    await phone.screenshot('recents-01-days-groups');

    // Tapping a line opens its details, not a call.
    await first.click();
    expect(await app.getByRole('dialog').isVisible()).toBe(false);
    expect(await app.getByTestId('call-details-name').textContent()).toBe('07 55 44 33 22');
    expect(await app.getByRole('heading', { name: '2 calls' }).count()).toBe(1);
    expect(
      await app.getByRole('list', { name: 'Calls with this number' }).getByRole('listitem').allTextContents(),
    ).toEqual([
      expect.stringMatching(/Declined · \d\d:\d\d$/),
      expect.stringMatching(/Declined · \d\d:\d\d$/),
    ]);
    await phone.screenshot('recents-02-details');
    await app.getByRole('button', { name: 'Call back' }).click();
    await expect
      .poll(() => app.getByRole('dialog').getByTestId('call-status').textContent())
      .toBe('Calling…');
    await app.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
    await phone.close();
  });
});
