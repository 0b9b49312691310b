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

describe("the Contacts engine's argument checks for saving to a provider", () => {
  const [checkProvider, checkId, checkDraft] = CONTACTS_APP_METHODS.update.args;
  const [, checkTarget] = CONTACTS_APP_METHODS.create.args;

  it('accept the phone and a CardDAV address book id, with a contact id and a draft', () => {
    expect(checkProvider?.('local')).toBe(true);
    expect(checkProvider?.('carddav-0a1b2c3d')).toBe(true);
    expect(checkId?.('ada')).toBe(true);
    expect(checkDraft?.({ given: 'Ada', tel: [{ value: '+44 20 7946 0011' }] })).toBe(true);
    expect(checkTarget?.(undefined)).toBe(true);
  });

  it('refuse providers an app may not write, and anything shaped like an id but not one', () => {
    for (const forged of [
      'vcard',
      'facebook-sim',
      'gcds',
      'carddav-',
      'carddav-0A1B2C3D',
      'carddav-0a1b2c3d/x',
      7,
      null,
    ]) {
      expect(checkProvider?.(forged)).toBe(false);
      expect(checkTarget?.(forged)).toBe(false);
    }
    expect(CONTACTS_APP_METHODS.remove.args).toHaveLength(2);
  });
});
