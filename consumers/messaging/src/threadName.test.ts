import { type Contact, emailKey, phoneKeys } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { mergedOf } from '../test/mergedOf';
import { recipientRowOf } from './projectRecipient';
import type { RecipientRow } from './recipientRows';
import { nameForEmail, nameForNumber } from './threadName';

function rows(...people: Array<[string, Omit<Contact, 'id'>]>): RecipientRow[] {
  return people.map(([id, fields]) => recipientRowOf(mergedOf(fields, id), 'GB') as RecipientRow);
}

const who = (number: string, book: RecipientRow[]) => {
  const name = nameForNumber(phoneKeys(number, 'GB'), book);
  return name && `${name.displayName}|${name.address.value}|${name.match}|+${name.others}`;
};

describe('nameForNumber', () => {
  it('follows the caller-ID rules: exact first, preferred entry, then name; counts the others', () => {
    const book = rows(
      ['a', { given: 'Ada', tel: [{ value: '+44 20 7946 0958' }] }],
      ['c', { given: 'Charles', tel: [{ value: '020 7946 0958', pref: true }] }],
      ['d', { given: 'Dora', tel: [{ value: '946 0958' }] }],
    );
    expect(who('+44 20 7946 0958', book)).toBe('Charles|020 7946 0958|e164|+2');
    expect(who('946 0958', book)).toBe('Dora|946 0958|digits|+2');
    expect(who('+44 20 7946 0000', book)).toBeUndefined();
  });

  it('matches short codes only exactly and a bare line to an extension', () => {
    const book = rows(
      ['sos', { given: 'SOS', tel: [{ value: '999' }] }],
      ['end', { given: 'Ends', tel: [{ value: '+44 20 7946 0999' }] }],
      ['desk', { given: 'Desk', tel: [{ value: '+44 20 7946 0100 x23' }] }],
    );
    expect(who('999', book)).toBe('SOS|999|short-code|+0');
    expect(who('+44 20 7946 0999', book)).toBe('Ends|+44 20 7946 0999|e164|+0');
    expect(who('020 7946 0100', book)).toBe('Desk|+44 20 7946 0100 x23|e164|+0');
    expect(who('020 7946 0100 x45', book)).toBeUndefined();
  });
});

describe('nameForEmail', () => {
  it('matches the email key, preferring a preferred entry, then the name', () => {
    const book = rows(
      ['b', { given: 'Bea', email: [{ value: 'Team@Example.org' }] }],
      ['a', { given: 'Al', email: [{ value: 'team@example.org' }] }],
      ['z', { given: 'Zed', email: [{ value: 'TEAM@example.org', pref: true, label: 'Shared' }] }],
    );
    expect(nameForEmail(emailKey('mailto:team@EXAMPLE.org'), book)).toEqual({
      personId: 'z',
      displayName: 'Zed',
      address: { kind: 'email', value: 'TEAM@example.org', label: 'Shared', pref: true },
      match: 'email',
      others: 2,
    });
    expect(nameForEmail('someone@example.org', book)).toBeUndefined();
  });
});
