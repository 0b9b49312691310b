import type { StoredBlob } from '@gcds/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactWithPhoto, importableContact } from '../test/contactArbitraries';
import { parseVcardFile } from './parseVcardFile';
import { exportVcards, type VcardExportVersion } from './vcardExport';

function roundTrip(entries: readonly ContactWithPhoto[], version: VcardExportVersion) {
  const photos = new Map<string, StoredBlob>();
  const contacts = entries.map(({ contact, photo }, i) => {
    if (photo === undefined) return contact;
    photos.set(`photo-${i}`, photo);
    return { ...contact, photo: { id: `photo-${i}`, mediaType: photo.mediaType } };
  });
  const text = exportVcards(contacts, { version, photos });
  return { text, parsed: parseVcardFile('export.vcf', text) };
}

describe.each(['4.0', '3.0'] as const)('export %s → import', (version) => {
  it('gives back every field, extras and photos included', () => {
    fc.assert(
      fc.property(fc.array(importableContact, { minLength: 1, maxLength: 4 }), (entries) => {
        const { parsed } = roundTrip(entries, version);
        expect(parsed.errors).toEqual([]);
        expect(parsed.cards).toHaveLength(entries.length);
        parsed.cards.forEach((card, i) => {
          const { contact, photo } = entries[i]!;
          const { id: _id, photo: _ref, ...fields } = contact;
          expect(card.contact).toStrictEqual(fields);
          if (photo === undefined) expect(card.photo).toBeUndefined();
          else expect(card.photo).toEqual({ bytes: photo.bytes, mediaType: photo.mediaType });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes no line longer than 75 octets', () => {
    fc.assert(
      fc.property(fc.array(importableContact, { minLength: 1, maxLength: 3 }), (entries) => {
        const { text } = roundTrip(entries, version);
        for (const line of text.split('\r\n'))
          expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(text.endsWith('END:VCARD\r\n')).toBe(true);
        expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 100 },
    );
  });
});
