import type { Contact } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { phoneKeysOfSource, sourceMatchKeys } from './matchKeys';
import { pairEvidence, samePhone } from './mergeRules';
import type { SourceRecord } from './types';

type Draft = Omit<Contact, 'id'>;

function keysOf(draft: Draft, region = 'US') {
  return sourceMatchKeys({ id: 'x', ...draft }, region);
}

function record(provider: string, id: string, draft: Draft, region = 'US'): SourceRecord {
  const key = `${provider}\u001f${id}`;
  return {
    key,
    provider,
    contactId: id,
    accessLevel: 'privileged',
    revision: 1,
    personId: `p-${key}`,
    originPersonId: `p-${key}`,
    ...sourceMatchKeys({ id, ...draft }, region),
  };
}

describe('name keys', () => {
  it.each<[Draft, string[]]>([
    [{ given: 'Ada', family: 'Lovelace' }, ['ada lovelace', 'adalovelace', 'lovelaceada']],
    [{ given: 'José', family: 'Álvarez' }, ['alvarez jose', 'josealvarez', 'alvarezjose']],
    [{ given: 'Bill', family: 'Smith' }, ['smith william', 'bill smith', 'billsmith', 'smithbill']],
    [
      { given: 'Alex', family: 'Stone' },
      ['alexander stone', 'alexandra stone', 'alex stone', 'alexstone', 'stonealex'],
    ],
    [{ formattedName: 'Lovelace Ada' }, ['ada lovelace', 'lovelaceada']],
    [{ formattedName: "Jean-Luc O'Neil" }, ['jean luc neil o', 'jeanluconeil']],
    [{ formattedName: 'Dr. Robert Brown Jr.' }, ['brown robert', 'robertbrown']],
    [{ family: '山田', given: '太郎' }, ['太郎 山田', '太郎山田', '山田太郎']],
    [{ formattedName: '山田太郎' }, ['山田太郎']],
    [{ formattedName: 'Σωκράτης Παππάς' }, ['παππασ σωκρατησ', 'σωκρατησπαππασ']],
    [
      { given: 'Саша', family: 'Иванова' },
      ['александр иванова', 'александра иванова', 'иванова саша', 'сашаиванова', 'ивановасаша'],
    ],
    [{ org: 'Acme Ltd' }, []],
    [{ given: '  ', formattedName: '' }, []],
  ])('%j → %j', (draft, nameKeys) => {
    expect(keysOf(draft).nameKeys).toEqual(nameKeys);
  });

  it('shares the main key across nicknames, accents and name order', () => {
    const main = (draft: Draft) => keysOf(draft).nameKeys[0];
    expect(main({ given: 'Bob', family: 'Stone' })).toBe(main({ given: 'Robert', family: 'Stone' }));
    expect(main({ given: 'Bobby', family: 'Stone' })).toBe(main({ formattedName: 'Stone Robert' }));
    expect(main({ given: 'Zoë', family: 'Müller' })).toBe(main({ given: 'ZOE', family: 'Muller' }));
    expect(main({ given: 'Alexander', family: 'Stone' })).not.toBe(
      main({ given: 'Alexandra', family: 'Stone' }),
    );
  });

  it('keeps generational suffixes apart, from the field or the end of a formatted name', () => {
    expect(keysOf({ given: 'Robert', family: 'Brown', suffix: 'Jr.' }).nameSuffix).toBe('jr');
    expect(keysOf({ given: 'Robert', family: 'Brown', suffix: 'Junior' }).nameSuffix).toBe('jr');
    expect(keysOf({ formattedName: 'Robert Brown Jr' }).nameSuffix).toBe('jr');
    expect(keysOf({ formattedName: 'Robert Brown III' }).nameSuffix).toBe('iii');
    expect(keysOf({ given: 'Robert', family: 'Brown' }).nameSuffix).toBe('');
  });
});

describe('phone and email keys', () => {
  it('gives national, +CC, 00 and 011 forms of one number the same key', () => {
    const forms = ['(415) 555-0132', '+1 415 555 0132', '001 415 555 0132', '011 1 415 555 0132'];
    for (const value of forms) {
      expect(keysOf({ given: 'A', tel: [{ value }] }).phones[0]?.key).toBe('e:+14155550132');
    }
    expect(keysOf({ given: 'A', tel: [{ value: '0044 20 7946 0958' }] }, 'FR').phoneKeys).toEqual([
      'e:+442079460958',
      's:9460958',
    ]);
  });

  it('keeps the e:/s:/r: index key scheme, short codes without a suffix key', () => {
    const keys = keysOf({
      given: 'A',
      tel: [{ value: '555-0132', type: ['HOME'] }, { value: '112' }, { value: 'none' }, { value: '*611' }],
    });
    expect(keys.phones).toEqual([
      { key: 'r:5550132', indexKeys: ['r:5550132', 's:5550132'], isShortCode: false, types: ['home'] },
      { key: 'r:112', indexKeys: ['r:112'], isShortCode: true, types: [] },
      { key: 'r:*611', indexKeys: ['r:*611'], isShortCode: true, types: [] },
    ]);
    expect(keys.phoneKeys).toEqual(['r:5550132', 's:5550132', 'r:112', 'r:*611']);
  });

  it('folds emails and leaves out values that cannot be addresses', () => {
    const keys = keysOf({
      given: 'A',
      email: [
        { value: ' Ada@Example.COM ' },
        { value: 'mailto:ada@example.com' },
        { value: 'n/a' },
        { value: '' },
      ],
    });
    expect(keys.emails).toEqual(['ada@example.com']);
  });

  it('rebuilds comparable phone keys from a stored source phone', () => {
    const [parsed] = keysOf({ given: 'A', tel: [{ value: '+44 20 7946 0958' }] }).phones;
    const [raw] = keysOf({ given: 'A', tel: [{ value: '7946 0958' }] }, 'US').phones;
    expect(phoneKeysOfSource(parsed!)).toMatchObject({ e164: '+442079460958', national: '2079460958' });
    expect(phoneKeysOfSource(raw!)).toMatchObject({ digits: '79460958', isShortCode: false });
  });
});

describe('samePhone and pairEvidence on real keys', () => {
  const phoneOf = (value: string, region = 'US') =>
    keysOf({ given: 'A', tel: [{ value }] }, region).phones[0]!;

  it.each([
    ['5550132', '+1 415 555 0132', true],
    ['(415) 555-0132', '011 1 415 555 0132', true],
    ['911', '+1 415 555 0911', false],
    ['12345550132', '+1 415 555 0132', false],
    ['+44 20 7946 0958', '(212) 946-0958', false],
  ])('%j ~ %j: %s', (a, b, same) => {
    expect(samePhone(phoneOf(a), phoneOf(b))).toBe(same);
  });

  it('merges a nickname with its full name on a shared mobile, across name order and phone format', () => {
    const bill = record('local', '1', { given: 'Bill', family: 'Smith', tel: [{ value: '(415) 555-0132' }] });
    const william = record('vcard', '2', {
      formattedName: 'Smith William',
      tel: [{ value: '+14155550132' }],
    });
    expect(pairEvidence(bill, william, new Set())).toMatchObject({
      auto: true,
      keys: ['name:smith william', 'phone:+14155550132'],
    });
  });

  it('never merges Alexander and Alexandra, nor a father and son, on a shared number', () => {
    const tel = [{ value: '+1 415 555 0132' }];
    const alexander = record('local', '1', { given: 'Alexander', family: 'Stone', tel });
    const alexandra = record('vcard', '2', { given: 'Alexandra', family: 'Stone', tel });
    expect(pairEvidence(alexander, alexandra, new Set())).toMatchObject({ auto: false });
    const father = record('local', '3', { formattedName: 'Robert Brown', tel });
    const son = record('vcard', '4', { formattedName: 'Bob Brown Jr.', tel });
    expect(pairEvidence(father, son, new Set())).toMatchObject({ auto: false });
  });
});
