import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasPhoneDigits,
  type PhoneMatchKind,
  phoneKeys,
  phoneLookupKeys,
  phoneMatchKind,
  phoneRegion,
  phonesMatch,
} from './phoneMatchKeys';

/**
 * [typed value, default region, E.164, extension, short code, lookup keys]. Expected values are worked
 * out from each country's numbering plan: E.164 is `+` calling code + national significant number
 * (trunk `0` dropped), and `s:` is the last 7 digits of that national number.
 */
type PhoneCase = [string, string, string | null, string | null, string | null, string[]];

const PHONE_CASES: PhoneCase[] = [
  // United States (+1, international prefix 011)
  ['(415) 555-0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['+1 415-555-0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['1 415 555 0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['415.555.0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['++1 415 555 0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['00 1 415 555 0132', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['011 44 20 7946 0958', 'US', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['1-800-FLOWERS', 'US', '+18003569377', null, null, ['e:+18003569377', 's:3569377']],
  ['1-800-GOT-JUNK', 'US', '+18004685865', null, null, ['e:+18004685865', 's:4685865']],
  ['415-555-0132 x123', 'US', '+14155550132', '123', null, ['e:+14155550132', 's:5550132']],
  ['415-555-0132x7', 'US', '+14155550132', '7', null, ['e:+14155550132', 's:5550132']],
  ['415.555.0132 ext. 45', 'US', '+14155550132', '45', null, ['e:+14155550132', 's:5550132']],
  ['415 555 0132 extension 7', 'US', '+14155550132', '7', null, ['e:+14155550132', 's:5550132']],
  ['415 555 0132 #12', 'US', '+14155550132', '12', null, ['e:+14155550132', 's:5550132']],
  ['tel:+1-415-555-0132;ext=1234', 'US', '+14155550132', '1234', null, ['e:+14155550132', 's:5550132']],
  ['415 555 0132,,1234#', 'US', '+14155550132', '1234#', null, ['e:+14155550132', 's:5550132']],
  ['415 555 0132 p12', 'US', '+14155550132', '12', null, ['e:+14155550132', 's:5550132']],
  ['415 555 0132 w 12', 'US', '+14155550132', '12', null, ['e:+14155550132', 's:5550132']],
  ['+1 (415) 555-0132 (mobile)', 'US', '+14155550132', null, null, ['e:+14155550132', 's:5550132']],
  ['555-0132', 'US', null, null, null, ['r:5550132', 's:5550132']],
  ['911', 'US', null, null, '911', ['r:911']],
  ['*611', 'US', null, null, '*611', ['r:*611']],
  ['*#06#', 'US', null, null, '*#06#', ['r:*#06#']],
  ['3665', 'US', null, null, '3665', ['r:3665']],
  // United Kingdom (+44, trunk 0, international prefix 00)
  ['020 7946 0958', 'GB', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['+44 (0)20 7946 0958', 'US', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['0044 20 7946 0958', 'GB', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['011 44 20 7946 0958', 'GB', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['Home: 020 7946 0958', 'GB', '+442079460958', null, null, ['e:+442079460958', 's:9460958']],
  ['0113 496 0000', 'GB', '+441134960000', null, null, ['e:+441134960000', 's:4960000']],
  ['0800 FLOWERS', 'GB', '+448003569377', null, null, ['e:+448003569377', 's:3569377']],
  // Ofcom's range for drama is in no allocation: kept as typed, found by its last 7 digits.
  ['07700 900123', 'GB', null, null, null, ['r:07700900123', 's:0900123']],
  ['999', 'GB', null, null, '999', ['r:999']],
  ['116 123', 'GB', null, null, '116123', ['r:116123']],
  // France (+33)
  ['01 23 45 67 89', 'FR', '+33123456789', null, null, ['e:+33123456789', 's:3456789']],
  ['06 12 34 56 78', 'FR', '+33612345678', null, null, ['e:+33612345678', 's:2345678']],
  ['+33 6 12 34 56 78', 'US', '+33612345678', null, null, ['e:+33612345678', 's:2345678']],
  ['0033 6 12 34 56 78', 'FR', '+33612345678', null, null, ['e:+33612345678', 's:2345678']],
  ['011 33 6 12 34 56 78', 'GB', '+33612345678', null, null, ['e:+33612345678', 's:2345678']],
  ['01 23 45 67 89 poste 12', 'FR', '+33123456789', '12', null, ['e:+33123456789', 's:3456789']],
  ['15', 'FR', null, null, '15', ['r:15']],
  ['**21*0123456789#', 'FR', null, null, '**21*0123456789#', ['r:**21*0123456789#']],
  // Germany (+49)
  ['030 1234567', 'DE', '+49301234567', null, null, ['e:+49301234567', 's:1234567']],
  ['+49 30 1234567', 'US', '+49301234567', null, null, ['e:+49301234567', 's:1234567']],
  ['0151 23456789', 'DE', '+4915123456789', null, null, ['e:+4915123456789', 's:3456789']],
  ['030 901820 Durchwahl 12', 'DE', '+4930901820', '12', null, ['e:+4930901820', 's:0901820']],
  ['112', 'DE', null, null, '112', ['r:112']],
  ['110', 'DE', null, null, '110', ['r:110']],
  // India (+91), also in Devanagari digits
  ['098765 43210', 'IN', '+919876543210', null, null, ['e:+919876543210', 's:6543210']],
  ['+91 98765 43210', 'US', '+919876543210', null, null, ['e:+919876543210', 's:6543210']],
  ['९८७६५ ४३२१०', 'IN', '+919876543210', null, null, ['e:+919876543210', 's:6543210']],
  ['100', 'IN', null, null, '100', ['r:100']],
  // Brazil (+55, carrier codes after the trunk 0)
  ['(11) 98765-4321', 'BR', '+5511987654321', null, null, ['e:+5511987654321', 's:7654321']],
  ['+55 11 98765-4321', 'US', '+5511987654321', null, null, ['e:+5511987654321', 's:7654321']],
  ['(11) 3456-7890 ramal 21', 'BR', '+551134567890', '21', null, ['e:+551134567890', 's:4567890']],
  ['190', 'BR', null, null, '190', ['r:190']],
  // Japan (+81, international prefix 010), also in fullwidth digits with a katakana long-vowel dash
  ['03-1234-5678', 'JP', '+81312345678', null, null, ['e:+81312345678', 's:2345678']],
  ['090-1234-5678', 'JP', '+819012345678', null, null, ['e:+819012345678', 's:2345678']],
  ['010 81 3 1234 5678', 'JP', '+81312345678', null, null, ['e:+81312345678', 's:2345678']],
  ['０９０ー１２３４ー５６７８', 'JP', '+819012345678', null, null, ['e:+819012345678', 's:2345678']],
  ['110', 'JP', null, null, '110', ['r:110']],
  // Australia (+61, international prefix 0011); 13 numbers have 6 digits and no suffix key
  ['(02) 9876 5432', 'AU', '+61298765432', null, null, ['e:+61298765432', 's:8765432']],
  ['0412 345 678', 'AU', '+61412345678', null, null, ['e:+61412345678', 's:2345678']],
  ['0011 61 412 345 678', 'AU', '+61412345678', null, null, ['e:+61412345678', 's:2345678']],
  ['13 12 34', 'AU', '+61131234', null, null, ['e:+61131234']],
  ['000', 'AU', null, null, '000', ['r:000']],
  // Saudi Arabia (+966), also in Arabic-Indic digits; Iran in Persian digits
  ['050 123 4567', 'SA', '+966501234567', null, null, ['e:+966501234567', 's:1234567']],
  ['+966 50 123 4567', 'US', '+966501234567', null, null, ['e:+966501234567', 's:1234567']],
  ['٠٥٠ ١٢٣ ٤٥٦٧', 'SA', '+966501234567', null, null, ['e:+966501234567', 's:1234567']],
  ['997', 'SA', null, null, '997', ['r:997']],
  ['۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR', '+989123456789', null, null, ['e:+989123456789', 's:3456789']],
  // Garbage and numbers read in the wrong region: kept as typed, matched on their digits
  ['call me', 'US', null, null, null, []],
  ['', 'US', null, null, null, []],
  ['+', 'US', null, null, null, []],
  ['12', 'US', null, null, '12', ['r:12']],
  ['12 home', 'US', null, null, '12', ['r:12']],
  ['+1 234', 'US', null, null, null, ['r:1234']],
  ['+999 123 4567', 'US', null, null, null, ['r:9991234567', 's:1234567']],
  ['4155550132', 'GB', null, null, null, ['r:4155550132', 's:5550132']],
  ['0O2O 7946 O958', 'GB', null, null, null, ['r:027946958', 's:7946958']],
];

describe('phoneKeys', () => {
  it('has at least 40 cases over at least 8 regions', () => {
    expect(PHONE_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PHONE_CASES.map((c) => c[1])).size).toBeGreaterThanOrEqual(8);
  });

  it.each(PHONE_CASES)('%j in %s → %s ext %s short code %s', (raw, region, e164, ext, shortCode, lookup) => {
    const keys = phoneKeys(raw, region);
    expect(keys.raw).toBe(raw);
    expect(keys.e164 ?? null).toBe(e164);
    expect(keys.ext ?? null).toBe(ext);
    expect(keys.isShortCode ? (keys.shortCode ?? null) : null).toBe(shortCode);
    expect(phoneLookupKeys(keys)).toEqual(lookup);
  });

  it.each([
    ['06 12 34 56 78', 'FR', 'mobile', '33', 'FR'],
    ['01 23 45 67 89', 'FR', 'fixed-line', '33', 'FR'],
    ['0800 FLOWERS', 'GB', 'toll-free', '44', 'GB'],
    ['13 12 34', 'AU', 'shared-cost', '61', 'AU'],
    ['0151 23456789', 'DE', 'mobile', '49', 'DE'],
    ['+81 90 1234 5678', 'US', 'mobile', '81', 'JP'],
  ])('%j in %s is a %s number of +%s (%s)', (raw, region, type, callingCode, country) => {
    const keys = phoneKeys(raw, region);
    expect(keys.valid).toBe(true);
    expect(keys.type).toBe(type);
    expect(keys.callingCode).toBe(callingCode);
    expect(keys.country).toBe(country);
  });

  it('keeps the digits as typed apart from the parsed number, and marks vanity numbers', () => {
    expect(phoneKeys('0044 20 7946 0958', 'GB')).toMatchObject({
      digits: '00442079460958',
      national: '2079460958',
      defaultRegion: 'GB',
    });
    expect(phoneKeys('1-800-FLOWERS').vanity).toBe(true);
    expect(phoneKeys('1-800-FLOWERS').digits).toBe('18003569377');
    expect(phoneKeys('1 800 356 9377').vanity).toBeUndefined();
  });

  it('keeps an explicit +CC number that is possible but not yet in the metadata', () => {
    const keys = phoneKeys('+44 7700 900123', 'US');
    expect(keys).toMatchObject({ e164: '+447700900123', valid: false, isShortCode: false });
    expect(phoneLookupKeys(keys)).toEqual(['e:+447700900123', 's:0900123']);
  });

  it('reads regions case-insensitively and refuses unknown ones clearly', () => {
    expect(phoneKeys('020 7946 0958', 'gb').e164).toBe('+442079460958');
    expect(phoneRegion(' fr ')).toBe('FR');
    expect(() => phoneKeys('020 7946 0958', 'XX')).toThrow(/"XX" is not a region libphonenumber knows/);
    expect(() => phoneKeys('1', 'England')).toThrow(RangeError);
  });

  it('never throws, and always keeps the raw value, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const keys = phoneKeys(text, 'DE');
        return keys.raw === text && /^[0-9]*$/.test(keys.digits);
      }),
      { numRuns: 500 },
    );
  });
});

/** [a, b, region, how they match (null: they must not)]. */
const MATCH_PAIRS: Array<[string, string, string, PhoneMatchKind | null]> = [
  ['(415) 555-0132', '+1 415 555 0132', 'US', 'e164'],
  ['011 44 20 7946 0958', '+44 20 7946 0958', 'US', 'e164'],
  ['0044 20 7946 0958', '020 7946 0958', 'GB', 'e164'],
  ['1-800-FLOWERS', '+1 800 356 9377', 'US', 'e164'],
  ['٠٥٠ ١٢٣ ٤٥٦٧', '+966 50 123 4567', 'SA', 'e164'],
  ['415 555 0132 x12', '415 555 0132', 'US', 'e164'],
  ['5550132', '+1 415 555 0132', 'US', 'suffix'],
  ['555 0101', '+1 415 555 0101', 'US', 'suffix'],
  ['07700 900123', '+44 7700 900123', 'GB', 'suffix'],
  ['4155550132', '+1 415 555 0132', 'GB', 'suffix'],
  ['555 0132', '555-0132', 'US', 'digits'],
  ['112', '112', 'DE', 'short-code'],
  ['*#06#', '*#06#', 'US', 'short-code'],
  // A short code never matches a number that ends in it.
  ['911', '+1 415 555 0911', 'US', null],
  ['112', '+49 30 1234112', 'DE', null],
  ['*611', '611', 'US', null],
  // Suffixes count only from 7 digits.
  ['55 0101', '+1 415 555 0101', 'US', null],
  ['+1 234', '+1 555 1234', 'US', null],
  // Both parsed: E.164 decides even when the last digits agree.
  ['+44 20 7946 0958', '(212) 946-0958', 'US', null],
  ['020 555 0101', '+1 415 555 0101', 'GB', null],
  ['12345550132', '+1 415 555 0132', 'US', null],
  ['415 555 0132 x12', '415 555 0132 x13', 'US', null],
  ['call me', 'call me', 'US', null],
  ['', '+1 415 555 0132', 'US', null],
];

describe('phonesMatch', () => {
  it.each(MATCH_PAIRS)('%j ~ %j in %s: %s', (a, b, region, kind) => {
    expect(phoneMatchKind(phoneKeys(a, region), phoneKeys(b, region)) ?? null).toBe(kind);
    expect(phoneMatchKind(phoneKeys(b, region), phoneKeys(a, region)) ?? null).toBe(kind);
    expect(phonesMatch(a, b, { defaultRegion: region })).toBe(kind !== null);
  });

  it('needs equal extensions only when asked for exact matching', () => {
    expect(phonesMatch('415 555 0132 x12', '415 555 0132')).toBe(true);
    expect(phonesMatch('415 555 0132 x12', '415 555 0132', { extensions: 'exact' })).toBe(false);
    expect(phonesMatch('415 555 0132 x12', '(415) 555-0132 ext. 12', { extensions: 'exact' })).toBe(true);
  });

  it('takes keys already made as well as strings', () => {
    const keys = phoneKeys('020 7946 0958', 'GB');
    expect(phonesMatch(keys, '+44 20 7946 0958')).toBe(true);
    expect(phonesMatch(keys, '+44 20 7946 0959')).toBe(false);
  });
});

describe('phoneKeys remembers recent numbers', () => {
  it('gives the same keys again, each time a copy of its own, and reads each region apart', () => {
    const first = phoneKeys('(415) 555-0101', 'US');
    first.e164 = '+10000000000';
    first.digits = '';
    const again = phoneKeys('(415) 555-0101', 'US');
    expect(again).toMatchObject({ e164: '+14155550101', digits: '4155550101', defaultRegion: 'US' });
    expect(again).not.toBe(phoneKeys('(415) 555-0101', 'US'));
    expect(phoneKeys('020 7946 0958', 'GB').e164).toBe('+442079460958');
    expect(phoneKeys('020 7946 0958', 'US').e164).toBeUndefined();
  });
});

describe('hasPhoneDigits', () => {
  it('says what phoneKeys says of whether the text holds a number, without parsing it', () => {
    const phoneish = fc.array(fc.constantFrom(...'0123456789+-() .*#xt;ext,pw', '٣', '１', 'Home: ', '++'), {
      maxLength: 16,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          phoneish.map((p) => p.join('')),
        ),
        (text) => {
          expect(hasPhoneDigits(text)).toBe(phoneKeys(text, 'FR').digits !== '');
        },
      ),
      { numRuns: 500 },
    );
    expect(hasPhoneDigits('ext. 12')).toBe(phoneKeys('ext. 12').digits !== '');
    expect(hasPhoneDigits('  ')).toBe(false);
    expect(hasPhoneDigits('+33 6 12')).toBe(true);
  });
});
