import { serialize } from 'node:v8';
import { phoneKeys } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { mergedOf } from '../test/mergedOf';
import { recipientRowOf } from './projectRecipient';
import { recipientNameWords } from './recipientNameWords';
import { parseRecipientQuery } from './recipientQuery';
import { RecipientSearchIndex } from './recipientSearchIndex';
import { nameForEmail, nameForNumber } from './threadName';

describe('recipientRowOf', () => {
  it('keeps name words, numbers with their keys, lookup keys and email keys (typed forms: the search index)', () => {
    const row = recipientRowOf(
      mergedOf({
        given: 'Seán',
        family: "O'Neil",
        nickname: ['Jean-Luc'],
        tel: [{ value: '020 7946 0958', type: ['work'], pref: true }],
        email: [{ value: ' Sean.ONeil@Example.ORG ', label: 'Work' }],
      }),
      'GB',
    );
    expect(row).toMatchObject({
      personId: 'p1',
      displayName: "Seán O'Neil",
      nameKey: "sean o'neil",
      phoneLookupKeys: ['e:+442079460958', 's:9460958'],
      emailKeys: ['sean.oneil@example.org'],
    });
    expect(row?.nameWords?.sort()).toEqual(['jean', 'jeanluc', 'luc', 'neil', 'o', 'oneil', 'sean']);
    expect(row?.phones[0]).toMatchObject({ value: '020 7946 0958', type: ['work'], pref: true });
    expect(row?.emails).toEqual([{ value: 'Sean.ONeil@Example.ORG', label: 'Work' }]);
  });

  it('stores nobody who cannot be messaged, and drops addresses no message can go to', () => {
    expect(recipientRowOf(mergedOf({ given: 'Ada' }), 'GB')).toBeUndefined();
    expect(
      recipientRowOf(mergedOf({ given: 'Ada', email: [{ value: 'not an address' }] }), 'GB'),
    ).toBeUndefined();
    const row = recipientRowOf(
      mergedOf({ given: 'Ada', tel: [{ value: 'ask at desk' }], email: [{ value: 'a@b' }, { value: 'x@' }] }),
      'GB',
    );
    expect(row?.phones).toEqual([]);
    expect(row?.emails.map((e) => e.value)).toEqual(['a@b']);
  });

  it('names a person as the Contacts app does: organisation before nickname', () => {
    const tel = [{ value: '+44 20 7946 0000' }];
    expect(recipientRowOf(mergedOf({ nickname: ['Ace'], org: 'Acme', tel }), 'GB')?.displayName).toBe('Acme');
    expect(recipientRowOf(mergedOf({ nickname: ['Ace'], tel }), 'GB')?.displayName).toBe('Ace');
    expect(
      recipientRowOf(mergedOf({ prefix: 'Dr', given: 'Ada', suffix: 'PhD', tel }), 'GB')?.displayName,
    ).toBe('Dr Ada PhD');
  });

  it('finds a person known only by organisation by that name, and names nobody by an address', () => {
    const org = recipientRowOf(
      mergedOf({ org: 'Analytical Engines', tel: [{ value: '+44 20 7946 0000' }] }),
      'GB',
    );
    expect(org?.displayName).toBe('Analytical Engines');
    expect(org && recipientNameWords(org)).toEqual(['analytical', 'engines']);
    const bare = recipientRowOf(mergedOf({ email: [{ value: 'who@example.org' }] }), 'GB');
    expect(bare?.displayName).toBe('');
    expect(bare && recipientNameWords(bare)).toEqual([]);
  });

  it('stores a typical person compactly: matching keys only, each address once, no name words the name key gives', () => {
    const row = recipientRowOf(
      mergedOf({
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '(415) 555-0101', type: ['cell'] }, { value: '+1 212 555 0199 x12' }],
        email: [{ value: 'Ada@Example.org' }],
      }),
      'US',
    );
    expect(row).toEqual({
      personId: 'p1',
      displayName: 'Ada Lovelace',
      nameKey: 'ada lovelace',
      phones: [
        {
          value: '(415) 555-0101',
          keys: { digits: '4155550101', e164: '+14155550101', national: '4155550101' },
          type: ['cell'],
        },
        {
          value: '+1 212 555 0199 x12',
          keys: { digits: '12125550199', e164: '+12125550199', national: '2125550199', ext: '12' },
        },
      ],
      emails: [{ value: 'Ada@Example.org' }],
      phoneLookupKeys: ['e:+14155550101', 's:5550101', 'e:+12125550199', 's:5550199'],
      emailKeys: ['ada@example.org'],
    });
    expect(recipientNameWords(row!)).toEqual(['ada', 'lovelace']);
    // What IndexedDB clones: 759 bytes for this row while it held the whole parsed keys, email keys twice
    // and the name words.
    expect(serialize(row).length).toBeLessThan(480);
  });

  it('names threads and finds recipients from the stored row as from the typed entries', () => {
    const row = recipientRowOf(
      mergedOf({
        given: 'Seán',
        nickname: ['Jean-Luc'],
        tel: [{ value: '020 7946 0958 ext. 4' }, { value: '112' }],
        email: [{ value: ' Sean@Example.ORG ' }],
      }),
      'GB',
    );
    // As read back from IndexedDB.
    const stored = structuredClone(row!);
    const byNumber = (number: string) => {
      const name = nameForNumber(phoneKeys(number, 'GB'), [stored]);
      return name && [name.displayName, name.address.value, name.match];
    };
    expect(byNumber('+44 20 7946 0958')).toEqual(['Seán', '020 7946 0958 ext. 4', 'e164']);
    expect(byNumber('020 7946 0958 ext. 5')).toBeUndefined();
    expect(byNumber('112')).toEqual(['Seán', '112', 'short-code']);
    expect(nameForEmail('sean@example.org', [stored])?.address.value).toBe('Sean@Example.ORG');
    const index = RecipientSearchIndex.from([stored]);
    const found = (query: string) =>
      index.search(parseRecipientQuery(query)!, 10).map((s) => `${s.address.value}|${s.matched}`);
    expect(found('jean')).toEqual(['020 7946 0958 ext. 4|name', '112|name', 'Sean@Example.ORG|name']);
    expect(found('sea')).toEqual(['020 7946 0958 ext. 4|name', '112|name', 'Sean@Example.ORG|name']);
    expect(found('sean@ex')).toEqual(['Sean@Example.ORG|email']);
    expect(found('4420794')).toEqual(['020 7946 0958 ext. 4|phone']);
    expect(found('020 7946')).toEqual(['020 7946 0958 ext. 4|phone']);
  });
});
