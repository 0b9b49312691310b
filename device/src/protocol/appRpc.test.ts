import { describe, expect, it } from 'vitest';
import { CONTACTS_APP_METHODS } from './contactsApi';

describe("the Contacts engine's argument checks for importVcf", () => {
  const [checkName, checkFile] = CONTACTS_APP_METHODS.importVcf.args;

  it('accept a file name and the picked file as a Blob (passed by reference) or as bytes', () => {
    expect(checkName?.('contacts.vcf')).toBe(true);
    expect(checkFile?.(new Blob(['BEGIN:VCARD\r\n'], { type: 'text/vcard' }))).toBe(true);
    expect(checkFile?.(new TextEncoder().encode('BEGIN:VCARD\r\n'))).toBe(true);
  });

  it('refuse anything else an app could send in its place', () => {
    for (const forged of ['BEGIN:VCARD', { size: 3, stream: () => undefined }, [1, 2, 3], null, () => 1]) {
      expect(checkFile?.(forged)).toBe(false);
    }
  });
});
