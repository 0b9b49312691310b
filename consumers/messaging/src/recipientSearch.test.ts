import type { Contact } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { mergedOf } from '../test/mergedOf';
import { recipientRowOf } from './projectRecipient';
import { parseRecipientQuery } from './recipientQuery';
import type { RecipientRow } from './recipientRows';
import { rankRecipients } from './recipientSearch';

const people: Array<[string, Omit<Contact, 'id'>]> = [
  [
    'ada',
    {
      given: 'Ada',
      family: 'Lovelace',
      tel: [{ value: '+44 20 7946 0958' }, { value: '07400 123456', type: ['cell'], pref: true }],
      email: [{ value: 'countess@analytical.example' }],
    },
  ],
  ['grace', { given: 'Grace', family: 'Adams', email: [{ value: 'grace.adams@navy.example' }] }],
  ['emile', { given: 'Émile', family: 'Ådahl', tel: [{ value: '+33 6 12 34 56 78' }] }],
  ['ann', { email: [{ value: 'ada@nameless.example' }] }],
];
const ROWS = people.map(([id, fields]) => recipientRowOf(mergedOf(fields, id), 'GB') as RecipientRow);

function shown(query: string, limit = 10): string[] {
  const parsed = parseRecipientQuery(query);
  if (parsed === undefined) return [];
  return rankRecipients(parsed, ROWS, limit).map((s) => `${s.displayName}|${s.address.value}|${s.matched}`);
}

describe('rankRecipients', () => {
  it('offers every address of a name hit, numbers first and preferred first, best name start first', () => {
    expect(shown('ada')).toEqual([
      'Ada Lovelace|07400 123456|name',
      'Ada Lovelace|+44 20 7946 0958|name',
      'Ada Lovelace|countess@analytical.example|name',
      'Émile Ådahl|+33 6 12 34 56 78|name',
      'Grace Adams|grace.adams@navy.example|name',
      '|ada@nameless.example|email',
    ]);
  });

  it('takes name words in any order, folded, and needs every one', () => {
    expect(shown('adahl EMILE')).toEqual(['Émile Ådahl|+33 6 12 34 56 78|name']);
    expect(shown('lovelace a')).toEqual([
      'Ada Lovelace|07400 123456|name',
      'Ada Lovelace|+44 20 7946 0958|name',
      'Ada Lovelace|countess@analytical.example|name',
    ]);
    expect(shown('ada turing')).toEqual([]);
  });

  it('finds numbers by any typed form, whole numbers first', () => {
    expect(shown('07400')).toEqual(['Ada Lovelace|07400 123456|phone']);
    expect(shown('+44 7400 123456')).toEqual(['Ada Lovelace|07400 123456|phone']);
    expect(shown('0033 6 12')).toEqual(['Émile Ådahl|+33 6 12 34 56 78|phone']);
    expect(shown('44')).toEqual(['Ada Lovelace|+44 20 7946 0958|phone', 'Ada Lovelace|07400 123456|phone']);
    expect(shown('7946')).toEqual([]);
  });

  it('finds email addresses by prefix, and limits', () => {
    expect(shown('grace.ad')).toEqual(['Grace Adams|grace.adams@navy.example|email']);
    expect(shown('COUNTESS@')).toEqual(['Ada Lovelace|countess@analytical.example|email']);
    expect(shown('ada', 2)).toEqual(['Ada Lovelace|07400 123456|name', 'Ada Lovelace|+44 20 7946 0958|name']);
  });
});
