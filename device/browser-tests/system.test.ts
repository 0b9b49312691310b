import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callerId, contactsFound, EVENTUALLY, recipients } from './appActions';
import { vcardOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';
import { guestCards, guestNumber } from './vcfFiles';

/** After convergence an app may still be a commit behind the panel: its answer is awaited, not read once. */

const browser = chromiumForThisFile();

/** How many contacts the Contacts app's list says it has. */
async function contactCount(contacts: FrameLocator): Promise<number> {
  const status = contacts.locator('.list-status[data-count]');
  return Number(await status.getAttribute('data-count'));
}

describe('the system panel', () => {
  it('uninstalls a provider at runtime (its people leave every app) and installs it again', async () => {
    const phone = await Phone.open(browser());
    const panel = phone.panel();
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await expect.poll(() => contactCount(contacts)).toBeGreaterThan(0);
    const before = await contactCount(contacts);
    await expect.poll(() => contactsFound(contacts, vcardOnly.name), EVENTUALLY).toEqual([vcardOnly.name]);

    await panel.getByRole('button', { name: 'Uninstall vCard file' }).click();
    await expect.poll(() => panel.getByTestId('provider-state-vcard').textContent()).toBe('not installed');
    await phone.converged();
    // The panel renders at most every 200 ms: its table may lag what the device has converged to.
    await expect.poll(() => panel.locator('tr[data-store="vcard/contacts"]').count()).toBe(0);
    expect(await panel.getByRole('log').textContent()).toContain('uninstalled: its store is deleted');
    await phone.screenshot('21-panel-vcard-uninstalled');
    await phone.openApp('contacts');
    await expect.poll(() => contactsFound(contacts, vcardOnly.name), EVENTUALLY).toEqual([]);
    expect(await contactCount(contacts)).toBeLessThan(before);
    await expect.poll(() => callerId(phone, vcardOnly.phones[0]!), EVENTUALLY).not.toBe(vcardOnly.name);
    await expect.poll(() => recipients(phone, vcardOnly.name), EVENTUALLY).toEqual([]);

    await panel.getByRole('button', { name: 'Install vCard file' }).click();
    await expect
      .poll(() => panel.getByTestId('provider-state-vcard').textContent(), { timeout: 30_000 })
      .toBe('installed');
    await phone.converged();
    await phone.openApp('contacts');
    await expect.poll(() => contactsFound(contacts, vcardOnly.name), EVENTUALLY).toEqual([vcardOnly.name]);
    await expect.poll(() => contactCount(contacts), EVENTUALLY).toBe(before);
    await expect.poll(() => callerId(phone, vcardOnly.phones[0]!), EVENTUALLY).toBe(vcardOnly.name);
    await phone.close();
  });

  it('makes the facebook-sim server add, edit and delete friends, and fail', async () => {
    const phone = await Phone.open(browser());
    const panel = phone.panel();
    const log = panel.getByRole('log');
    const server = panel.getByTestId('facebook-server');
    await phone.converged();
    const contacts = await phone.openApp('contacts');

    await panel.getByRole('button', { name: 'Add a friend' }).click();
    const addedEntry = log.locator('li').filter({ hasText: 'server: new friend' });
    await expect.poll(() => addedEntry.count()).toBe(1);
    const added = /server: new friend (.+)$/.exec((await addedEntry.textContent())!)![1]!;
    await phone.converged();
    await phone.openApp('contacts');
    await expect.poll(() => contactsFound(contacts, added), EVENTUALLY).toContain(added);

    await panel.getByRole('button', { name: 'Edit a friend' }).click();
    await expect.poll(() => log.textContent()).toMatch(/server: edited .+ \(.+\)/);
    await phone.converged();

    await panel.getByRole('button', { name: 'Delete a friend' }).click();
    const deletedEntry = log.locator('li').filter({ hasText: 'server: deleted' });
    await expect.poll(() => deletedEntry.count()).toBe(1);
    const deleted = /server: deleted (.+)$/.exec((await deletedEntry.textContent())!)![1]!;
    await phone.converged();
    await phone.openApp('contacts');
    await expect.poll(() => contactsFound(contacts, deleted), EVENTUALLY).not.toContain(deleted);

    // Three failed requests: the sync backs off and retries, and catches up once the server answers.
    const counterBefore = await panel
      .locator('tr[data-reader="facebook-sim ← server"] td')
      .nth(1)
      .textContent();
    await panel.getByRole('button', { name: 'Fail next 3 requests' }).click();
    await expect.poll(() => log.textContent()).toContain('server: the next 3 requests fail with 503');
    await expect
      .poll(() => log.textContent(), { timeout: 20_000 })
      .toMatch(/request failed \(attempt 1\), retrying in/);
    await phone.screenshot('22-panel-facebook-retrying');
    await panel.getByRole('button', { name: 'Add a friend' }).click();
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toMatch(/request failed \(attempt 3\)/);
    await phone.converged();
    expect(await server.textContent()).toMatch(/sync idle at (\d+)/);
    const counterAfter = await panel
      .locator('tr[data-reader="facebook-sim ← server"] td')
      .nth(1)
      .textContent();
    expect(Number(counterAfter)).toBeGreaterThan(Number(counterBefore));
    await phone.screenshot('23-panel-facebook-converged');
    await phone.close();
  });

  it('kills the GCDS worker in the middle of an import, restarts it, and every app converges', async () => {
    const phone = await Phone.open(browser());
    const panel = phone.panel();
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await expect.poll(() => contactCount(contacts)).toBeGreaterThan(0);
    const before = await contactCount(contacts);

    const guests = 1_500;
    const cards = guestCards(guests, 'Crash');
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    await contacts.getByLabel('Choose a .vcf file').setInputFiles({
      name: 'big-import.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(`${cards.join('\r\n')}\r\n`),
    });
    // The first batch is in: the GCDS is busy with it when it is killed.
    const progress = contacts.locator('progress[aria-label="Import progress"]');
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Kill GCDS worker' }).click();
    await expect.poll(() => panel.getByTestId('gcds-state').getAttribute('data-state')).toBe('killed');
    await phone.screenshot('24-panel-gcds-killed-mid-import');
    // The provider finishes the import on its own; the GCDS is not there to see it.
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'big-import.vcf:' }).textContent(), {
        timeout: 60_000,
      })
      .toBe(`big-import.vcf: ${guests} cards read, ${guests} added, 0 updated, 0 unchanged, 0 with errors.`);
    await expect
      .poll(() => panel.locator('tr[data-reader="gcds ← vcard"]').getAttribute('data-state'))
      .toBe('stopped');

    await panel.getByRole('button', { name: 'Restart GCDS worker' }).click();
    await phone.converged(120_000);
    expect(await panel.getByRole('log').textContent()).toContain('worker killed (terminated mid-flight)');
    await phone.screenshot('25-panel-gcds-restarted-converged');

    // Every app has every guest, once: the last card of the file is in each.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => contactCount(contacts), { timeout: 30_000 }).toBe(before + guests);
    const last = `Crash${String(guests).padStart(4, '0')} Guestington`;
    await expect.poll(() => contactsFound(contacts, last), EVENTUALLY).toEqual([last]);
    await expect.poll(() => callerId(phone, guestNumber(guests - 1)), EVENTUALLY).toBe(last);
    await expect.poll(() => recipients(phone, last), EVENTUALLY).toEqual([last]);
    await phone.close();
  });
});
