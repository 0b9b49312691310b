import { describe, expect, it } from 'vitest';
import { numberOwners } from './numberOwners';
import { phoneKeys, phoneLookupKeys, phoneMatchKind } from './phoneMatchKeys';
import { storedPhoneKeys } from './storedPhoneKeys';

const NUMBERS: Array<[string, string]> = [
  ['(415) 555-0132', 'US'],
  ['+1 415-555-0132', 'US'],
  ['415-555-0132 x123', 'US'],
  ['555 0132', 'US'],
  ['5550132', 'US'],
  ['112', 'GB'],
  ['*611', 'US'],
  ['*#06#', 'US'],
  ['3665', 'US'],
  ['020 7946 0958', 'GB'],
  ['07700 900123', 'GB'],
  ['0044 20 7946 0958', 'FR'],
  ['+44 20 7946 0958 ext. 12', 'FR'],
  ['1-800-FLOWERS', 'US'],
  ['+999 1234 5678', 'US'],
  ['0123456789012', 'DE'],
];

describe('storedPhoneKeys', () => {
  it('keeps only what matching reads, without undefined or false fields', () => {
    expect(storedPhoneKeys(phoneKeys('(415) 555-0132 x7', 'US'))).toEqual({
      digits: '4155550132',
      e164: '+14155550132',
      national: '4155550132',
      ext: '7',
    });
    expect(Object.keys(storedPhoneKeys(phoneKeys('(415) 555-0132', 'US')))).toEqual([
      'digits',
      'e164',
      'national',
    ]);
    expect(storedPhoneKeys(phoneKeys('*611', 'US'))).toEqual({
      digits: '611',
      isShortCode: true,
      shortCode: '*611',
    });
    expect(storedPhoneKeys(phoneKeys('555 0132', 'US'))).toEqual({ digits: '5550132' });
  });

  it('gives the same lookup keys and matches as the full keys, for every pair of numbers', () => {
    const full = NUMBERS.map(([text, region]) => phoneKeys(text, region));
    const stored = full.map(storedPhoneKeys);
    full.forEach((keys, i) => {
      expect(phoneLookupKeys(stored[i]!)).toEqual(phoneLookupKeys(keys));
      full.forEach((other, j) => {
        const expected = phoneMatchKind(keys, other);
        expect({ pair: [i, j], kind: phoneMatchKind(stored[i]!, stored[j]!) }).toEqual({
          pair: [i, j],
          kind: expected,
        });
        expect(phoneMatchKind(keys, stored[j]!)).toBe(expected);
      });
    });
  });

  it('finds a number’s owner from stored keys: by E.164, by suffix, a short code exactly, extensions apart', () => {
    const owner = (personId: string, numbers: string[], region = 'US') => ({
      personId,
      displayName: personId,
      nameKey: personId,
      phones: numbers.map((number) => ({ keys: storedPhoneKeys(phoneKeys(number, region)) })),
    });
    const owners = [
      owner('ada', ['+1 415 555 0132 x7']),
      owner('bob', ['555 0132']),
      owner('sos', ['112'], 'GB'),
      owner('tel', ['*611']),
    ];
    const found = (number: string, region = 'US') =>
      numberOwners(phoneKeys(number, region), owners).map((o) => `${o.owner.personId}:${o.match}`);
    expect(found('(415) 555-0132')).toEqual(['ada:e164', 'bob:suffix']);
    expect(found('415 555 0132 x8')).toEqual(['bob:suffix']);
    expect(found('112', 'GB')).toEqual(['sos:short-code']);
    expect(found('+44 20 7946 0112', 'GB')).toEqual([]);
    expect(found('*611')).toEqual(['tel:short-code']);
  });
});
