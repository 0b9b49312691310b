import { describe, expect, it } from 'vitest';
import { cardUrlFor, idFromCardUrl, isDirty, readSyncState } from './cardState';

describe('card identity and counters', () => {
  it('a card created here goes to <UID>.vcf, and its URL gives the UID back as the record id', () => {
    const book = 'https://dav.example/u/book/';
    for (const uid of ['plain', 'urn:uuid:1f0e', 'with space/and slash', 'ünï']) {
      expect(idFromCardUrl(cardUrlFor(book, uid))).toBe(uid);
    }
    expect(idFromCardUrl('https://dav.example/u/book/ABC.VCF')).toBe('ABC');
    expect(idFromCardUrl('https://dav.example/u/book/no-extension')).toBe('no-extension');
  });

  it('a record is dirty while its last local change is after the version the server has', () => {
    expect(isDirty({ url: 'u', uid: 'x', localRevision: 5, uploadedRevision: 4 })).toBe(true);
    expect(isDirty({ url: 'u', uid: 'x', localRevision: 5, uploadedRevision: 5 })).toBe(false);
  });

  it('unreadable saved counters start a full listing (which converges from anything)', () => {
    expect(readSyncState(undefined)).toMatchObject({
      uploadedRevision: 0,
      fullListing: { reason: 'first-sync' },
    });
    expect(readSyncState({ version: 7 })).toMatchObject({ fullListing: { reason: 'first-sync' } });
    expect(readSyncState({ version: 1, uploadedRevision: 3, token: 't' })).toEqual({
      version: 1,
      uploadedRevision: 3,
      token: 't',
    });
  });
});
