import { describe, expect, it } from 'vitest';
import { mergedOf } from '../test/mergedOf';
import { recipientRowOf } from './projectRecipient';

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
    expect(row?.nameWords.sort()).toEqual(['jean', 'jeanluc', 'luc', 'neil', 'o', 'oneil', 'sean']);
    expect(row?.phones[0]).toMatchObject({ value: '020 7946 0958', type: ['work'], pref: true });
    expect(row?.emails).toEqual([
      { value: 'Sean.ONeil@Example.ORG', key: 'sean.oneil@example.org', label: 'Work' },
    ]);
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
    expect(org?.nameWords).toEqual(['analytical', 'engines']);
    const bare = recipientRowOf(mergedOf({ email: [{ value: 'who@example.org' }] }), 'GB');
    expect(bare?.displayName).toBe('');
    expect(bare?.nameWords).toEqual([]);
  });
});
