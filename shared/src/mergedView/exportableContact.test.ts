import { describe, expect, it } from 'vitest';
import { mergedContact } from '../testing';
import { exportableContact } from './exportableContact';
import type { MergedContact } from './mergedContact';

const local = { provider: 'local', contactId: 'l1' };
const fb = { provider: 'facebook-sim', contactId: 'f1' };
const withheld = new Set(['facebook-sim']);

function merged(fields: Partial<MergedContact>): MergedContact {
  return mergedContact({ sources: [local, fb], ...fields });
}

describe('exportableContact', () => {
  it('keeps what a local source has and drops what only facebook-sim has', () => {
    const contact = exportableContact(
      merged({
        given: { value: 'Ada', source: local },
        family: { value: 'Lovelace', source: local },
        jobTitle: { value: 'Analyst', source: fb },
        tel: [
          { value: { value: '+33 1 99 00 12 34' }, source: local, alsoIn: [] },
          { value: { value: '+33 1 99 00 99 99' }, source: fb, alsoIn: [] },
          { value: { value: '+44 20 7946 0123' }, source: fb, alsoIn: [local] },
        ],
        email: [{ value: { value: 'ada@fb.example' }, source: fb, alsoIn: [] }],
      }),
      withheld,
    );
    expect(contact).toEqual({
      id: 'p1',
      given: 'Ada',
      family: 'Lovelace',
      tel: [{ value: '+33 1 99 00 12 34' }, { value: '+44 20 7946 0123' }],
    });
  });

  it('exports nothing of a person known only from facebook-sim', () => {
    const contact = exportableContact(
      merged({ sources: [fb], given: { value: 'Zoé', source: fb }, favorite: { value: true, source: fb } }),
      withheld,
    );
    expect(contact).toBeUndefined();
  });

  it('keeps everything when nothing is withheld', () => {
    const contact = exportableContact(merged({ given: { value: 'Zoé', source: fb } }), new Set());
    expect(contact?.given).toBe('Zoé');
  });

  it('carries the photo reference only from a source that may leave the phone', () => {
    const ref = { id: 'sha-1', thumbnailId: 'sha-1t', mediaType: 'image/png' };
    const fromLocal = exportableContact(
      merged({ given: { value: 'Ada', source: local }, photo: { value: ref, source: local } }),
      withheld,
    );
    expect(fromLocal?.photo).toEqual(ref);
    const fromFacebook = exportableContact(
      merged({ given: { value: 'Ada', source: local }, photo: { value: ref, source: fb } }),
      withheld,
    );
    expect(fromFacebook).toEqual({ id: 'p1', given: 'Ada' });
  });
});
