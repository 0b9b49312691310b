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

describe.each(['4.0', '3.0'] as const)('the contact form’s fields, export %s → import', (version) => {
  it('maps a birthday to BDAY, an address to ADR and each phone kind to TEL;TYPE, a custom label to X-ABLabel', () => {
    const contact = {
      id: 'form-1',
      given: 'Quentin',
      family: 'Lebrun',
      bday: { year: 1990, month: 4, day: 12 },
      adr: [
        {
          street: '12 Rue de la Paix',
          locality: 'Paris',
          region: 'Île-de-France',
          postalCode: '75002',
          countryName: 'France',
        },
      ],
      tel: [
        { value: '06 39 98 40 17', type: ['cell'] },
        { value: '01 40 20 50 50', type: ['home'] },
        { value: '01 40 20 50 51', type: ['work'] },
        { value: '01 40 20 50 52', type: ['main'] },
        { value: '01 40 20 50 53', type: ['other'] },
        { value: '06 39 98 40 18', type: ['voice'], label: 'Boat' },
      ],
    };
    const { text, parsed } = roundTrip([{ contact }], version);
    expect(text).toMatch(/\r\nBDAY:(1990-?04-?12)\r\n/);
    expect(text).toContain('ADR:;;12 Rue de la Paix;Paris;Île-de-France;75002;France');
    for (const type of ['cell', 'home', 'work', 'main', 'other'])
      expect(text.toLowerCase()).toContain(`tel;type=${type}`);
    expect(text).toMatch(/item\d+\.X-ABLabel:Boat/);
    expect(parsed.errors).toEqual([]);
    const { id: _id, ...fields } = contact;
    expect(parsed.cards[0]?.contact).toStrictEqual(fields);
  });
});
