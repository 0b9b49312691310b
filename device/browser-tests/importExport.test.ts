import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facebookOnly, localOnly } from './demoFacts';
import { chromiumForThisFile, Phone } from './phone';
import { partlyBrokenVcf, singleCardVcf } from './vcfFiles';

const browser = chromiumForThisFile();

describe('importing and exporting vCard files in the Contacts app', () => {
  it('imports a .vcf from the file picker with a progress bar and a report of each broken card', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    // Hidden until an import starts, so found by its label rather than its role.
    const progress = contacts.locator('progress[aria-label="Import progress"]');
    // Every value the bar takes, recorded in the page as it changes.
    await progress.evaluate((bar) => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() =>
        seen.push(`${bar.getAttribute('value')}/${bar.getAttribute('max')}`),
      ).observe(bar, {
        attributes: true,
      });
    });
    await contacts.getByLabel('Choose a .vcf file').setInputFiles({
      name: 'old-phone-backup.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(partlyBrokenVcf(600)),
    });
    const summary = contacts.getByRole('status').filter({ hasText: 'old-phone-backup.vcf:' });
    await expect
      .poll(() => summary.textContent(), { timeout: 60_000 })
      .toBe('old-phone-backup.vcf: 604 cards read, 602 added, 0 updated, 0 unchanged, 2 with errors.');
    const seen = await progress.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    // The bar moved through the file batch by batch before it was full.
    expect(seen.some((step) => /^([1-9]\d*)\/604$/.test(step) && step !== '604/604')).toBe(true);
    const errors = contacts.getByRole('list', { name: 'Import errors' }).getByRole('listitem');
    expect(await errors.allTextContents()).toEqual([
      'Line 10: "THIS LINE IS NOT A PROPERTY" is not a property name (the card "Broken Card" starting at line 7 was not imported)',
      'Line 18: the card has no properties (the card starting at line 18 was not imported)',
    ]);
    await phone.screenshot('09-contacts-import-report');

    // The imported people are in the list, from the vCard file.
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill('Ottoline');
    await contacts.getByRole('button', { name: /Ottoline Marchbanks/ }).click({ timeout: 30_000 });
    await expect
      .poll(() => contacts.getByRole('list', { name: 'Sources of this contact' }).textContent())
      .toBe('from vCard file');
    await phone.close();
  });

  it('imports a .vcf dropped on the drop zone', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    await contacts.getByTestId('drop-zone').evaluate(
      (zone, text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.vcf', { type: 'text/vcard' }));
        zone.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      singleCardVcf('Perpetua', 'Drummond', '+33 6 39 98 93 33'),
    );
    await expect
      .poll(() => contacts.getByRole('status').filter({ hasText: 'dropped.vcf:' }).textContent(), {
        timeout: 30_000,
      })
      .toBe('dropped.vcf: 1 cards read, 1 added, 0 updated, 0 unchanged, 0 with errors.');
    await contacts.getByRole('button', { name: 'Back to the list' }).click();
    await contacts.getByRole('searchbox', { name: 'Search contacts' }).fill('Perpetua');
    await expect
      .poll(() => contacts.getByRole('list', { name: 'Search results' }).textContent(), { timeout: 30_000 })
      .toContain('Perpetua Drummond');
    await phone.close();
  });

  it('exports every contact to a .vcf, leaving out what only facebook-sim knows', async () => {
    const phone = await Phone.open(browser());
    await phone.converged();
    const contacts = await phone.openApp('contacts');
    await contacts.getByRole('button', { name: 'Import or export vCard' }).click();
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      contacts.getByRole('button', { name: 'Export all to .vcf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts.vcf');
    const text = readFileSync((await download.path())!, 'utf8');
    const status = contacts.getByRole('status').filter({ hasText: 'Exported' });
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Exported \d+ contacts to contacts.vcf \(\d+ known only from Facebook left out\)\.$/);
    const exported = Number(/Exported (\d+)/.exec((await status.textContent())!)![1]);
    expect(text.match(/^BEGIN:VCARD/gm)?.length).toBe(exported);
    expect(text.split('\r\n')).toContainEqual(
      expect.stringMatching(new RegExp(`^FN[^:]*:${localOnly.name}$`)),
    );
    expect(text).not.toContain(facebookOnly.name);
    await phone.screenshot('10-contacts-export');
    await phone.close();
  });
});
