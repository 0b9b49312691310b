import type { Contact, StoredBlob } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, corpusBytes } from '../test/corpusFiles';
import { parseVcardFile } from './parseVcardFile';
import { exportVcard, exportVcards, PRODID } from './vcardExport';

const contact: Contact = {
  id: 'x',
  given: 'Ann',
  family: 'Lee, Jr.',
  tel: [
    { value: '+1 555 0100', type: ['cell'], pref: true },
    { value: '+1 555 0199', label: 'Pager; night' },
  ],
  bday: { month: 4, day: 15 },
  anniversary: { year: 2001, month: 2, day: 3 },
  note: 'Line 1\nLine 2',
  photo: { id: 'p', mediaType: 'image/png' },
  updatedAt: Date.UTC(2024, 0, 2, 3, 4, 5),
  extra: [
    { name: 'X-ABADR', group: 'item1', value: 'us' },
    { name: 'X-FOO', params: { 'X-Q': 'say "hi"^' }, value: 'a;b' },
  ],
};
const photos = new Map<string, StoredBlob>([
  ['p', { bytes: Uint8Array.from([1, 2, 3]), mediaType: 'image/png' }],
]);

describe('exportVcard', () => {
  it('writes 4.0: derived FN marked as ours, escapes, PREF=1, labels in free groups, RFC 6868, data: URI', () => {
    expect(exportVcard(contact, { photos }).split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      `PRODID:${PRODID}`,
      'FN;X-GCDS-DERIVED=TRUE:Ann Lee\\, Jr.',
      'N:Lee\\, Jr.;Ann;;;',
      'TEL;TYPE=cell;PREF=1:+1 555 0100',
      // item1 is taken by an extra, so the label goes to item2.
      'item2.TEL:+1 555 0199',
      'item2.X-ABLabel:Pager\\; night',
      'BDAY:--0415',
      'ANNIVERSARY:20010203',
      'NOTE:Line 1\\nLine 2',
      'PHOTO:data:image/png;base64,AQID',
      'REV:20240102T030405Z',
      'item1.X-ABADR:us',
      "X-FOO;X-Q=say ^'hi^'^^:a;b",
      'END:VCARD',
      '',
    ]);
  });

  it('writes 3.0: upper-case types with PREF, extended dates, X-ANNIVERSARY, base64 PHOTO', () => {
    const lines = exportVcard(contact, { version: '3.0', photos }).split('\r\n');
    expect(lines).toContain('TEL;TYPE=CELL,PREF:+1 555 0100');
    expect(lines).toContain('BDAY:--04-15');
    expect(lines).toContain('X-ANNIVERSARY:2001-02-03');
    expect(lines).toContain('PHOTO;ENCODING=b;TYPE=PNG:AQID');
    expect(lines).toContain('REV:2024-01-02T03:04:05Z');
    expect(lines[1]).toBe('VERSION:3.0');
  });

  it('leaves the photo out when its bytes are not given, and writes N in 3.0 even without a name', () => {
    const text = exportVcard(
      { id: 'y', org: 'ACME', photo: { id: 'missing', mediaType: 'image/png' } },
      { version: '3.0' },
    );
    expect(text).not.toContain('PHOTO');
    expect(text).toContain('\r\nN:;;;;\r\n');
    expect(text).toContain('\r\nFN;X-GCDS-DERIVED=TRUE:ACME\r\n');
  });

  it('quotes parameter values holding delimiters', () => {
    const text = exportVcard({
      id: 'z',
      formattedName: 'Z',
      extra: [{ name: 'X-A', params: { 'X-P': 'a:b,c' }, value: '' }],
    });
    expect(text).toContain('\r\nX-A;X-P="a:b,c":\r\n');
  });
});

describe('corpus → export → import', () => {
  it.each(CORPUS_FILES)('gives back every field and photo of %s, in 4.0 and 3.0', (name) => {
    const first = parseVcardFile(name, corpusBytes(name));
    const photoStore = new Map<string, StoredBlob>();
    const contacts: Contact[] = first.cards.map((card, i) => {
      if (card.photo !== undefined) photoStore.set(`p${i}`, card.photo);
      return {
        id: `r${i}`,
        ...card.contact,
        ...(card.photo ? { photo: { id: `p${i}`, mediaType: card.photo.mediaType } } : {}),
      };
    });
    for (const version of ['4.0', '3.0'] as const) {
      const again = parseVcardFile('export.vcf', exportVcards(contacts, { version, photos: photoStore }));
      expect(again.errors).toEqual([]);
      expect(again.cards.map((card) => card.contact)).toStrictEqual(first.cards.map((card) => card.contact));
      expect(again.cards.map((card) => card.photo)).toEqual(first.cards.map((card) => card.photo));
      expect(again.cards.map((card) => card.source.contentHash)).toEqual(
        first.cards.map((card) => card.source.contentHash),
      );
    }
  });
});
