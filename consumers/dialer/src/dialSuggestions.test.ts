import { type ContactTel, foldName } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { type DialPerson, rankDialSuggestions } from './dialSuggestions';
import { dialerPhoneOf } from './projectCallerId';

function row(personId: string, displayName: string, tels: ContactTel[]): DialPerson {
  const phones = tels.flatMap((tel) => dialerPhoneOf(tel, 'GB') ?? []);
  return { personId, displayName, nameKey: foldName(displayName), phones };
}

const ROWS = [
  row('zoe', 'Zoë', [{ value: '020 7946 0958' }, { value: '+44 7400 120207' }]),
  row('al', 'Al', [{ value: '+44 20 7946 0000' }]),
  row('emp', '', [{ value: '0207 946 1111' }]),
  row('sos', 'SOS', [{ value: '999' }]),
];

const shown = (digits: string, limit = 10) =>
  rankDialSuggestions(digits, ROWS, limit).map((s) => `${s.displayName}|${s.matchedTel.value}|${s.match}`);

describe('rankDialSuggestions', () => {
  it('ranks whole numbers, then prefixes of any form, then digits inside; by name within each', () => {
    expect(shown('0207')).toEqual([
      'Al|+44 20 7946 0000|prefix',
      'Zoë|020 7946 0958|prefix',
      '|0207 946 1111|prefix',
      'Zoë|+44 7400 120207|infix',
    ]);
    expect(shown('999')).toEqual(['SOS|999|exact']);
    expect(shown('7946')).toEqual([
      'Al|+44 20 7946 0000|infix',
      'Zoë|020 7946 0958|infix',
      '|0207 946 1111|infix',
    ]);
  });

  it('finds international forms and honours the limit', () => {
    expect(shown('4420')).toEqual([
      'Al|+44 20 7946 0000|prefix',
      'Zoë|020 7946 0958|prefix',
      '|0207 946 1111|prefix',
    ]);
    expect(shown('0207', 2)).toEqual(['Al|+44 20 7946 0000|prefix', 'Zoë|020 7946 0958|prefix']);
    expect(shown('123456')).toEqual([]);
  });
});
