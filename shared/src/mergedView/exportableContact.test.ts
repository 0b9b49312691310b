import { describe, expect, it } from 'vitest';
import type { MergedContact } from '../../../shared/src/mergedView';
import { exportableContact } from './exportableContact';

const local = { provider: 'local', contactId: 'l1' };
const fb = { provider: 'facebook-sim', contactId: 'f1' };
const withheld = new Set(['facebook-sim']);

function merged(fields: Partial<MergedContact>): MergedContact {
  return {
    personId: 'p1',
    sources: [local, fb],
    nickname: [],
    tel: [],
    email: [],
    adr: [],
    url: [],
    impp: [],
    category: [],
    ...fields,
  };
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
});
