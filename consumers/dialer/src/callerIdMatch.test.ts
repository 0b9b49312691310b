import { type ContactTel, foldName, phoneKeys, phoneLookupKeys } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { rankCallerId } from './callerIdMatch';
import type { CallerIdRow } from './dialerRows';
import { dialerPhoneOf } from './projectCallerId';

function row(personId: string, displayName: string, tels: ContactTel[]): CallerIdRow {
  const phones = tels.flatMap((tel) => dialerPhoneOf(tel, 'US') ?? []);
  const lookupKeys = phones.flatMap((phone) => phoneLookupKeys(phone.keys));
  return { personId, displayName, nameKey: foldName(displayName), phones, lookupKeys };
}

const shown = (number: string, rows: CallerIdRow[]) =>
  rankCallerId(phoneKeys(number, 'US'), rows).map((m) => `${m.personId}:${m.matchedTel.value}:${m.match}`);

describe('rankCallerId', () => {
  it('gives each person once, at their best entry', () => {
    const rows = [row('a', 'Ada', [{ value: '555 0101' }, { value: '+1 415 555 0101' }])];
    expect(shown('(415) 555-0101', rows)).toEqual(['a:+1 415 555 0101:e164']);
  });

  it('puts exact matches before suffixes, then the preferred entry, then names, nameless last', () => {
    const rows = [
      row('zed', 'Zed', [{ value: '+1 415 555 0101', pref: true }]),
      row('nameless', '', [{ value: '+1 415 555 0101' }]),
      row('bea', 'Béa', [{ value: '+1 415 555 0101' }]),
      row('al', 'Al', [{ value: '555-0101' }]),
      row('ann', 'ann', [{ value: '+1 415 555 0101' }]),
    ];
    expect(shown('+1 415 555 0101', rows)).toEqual([
      'zed:+1 415 555 0101:e164',
      'ann:+1 415 555 0101:e164',
      'bea:+1 415 555 0101:e164',
      'nameless:+1 415 555 0101:e164',
      'al:555-0101:suffix',
    ]);
  });

  it('prefers the longer suffix (Android: the longest match wins)', () => {
    const rows = [
      row('seven', 'Aaron', [{ value: '555 0101' }]),
      row('nine', 'Zoe', [{ value: '15 555 0101' }]),
    ];
    expect(shown('+1 415 555 0101', rows)).toEqual(['nine:15 555 0101:suffix', 'seven:555 0101:suffix']);
  });

  it('matches a bare line to an entry with an extension, but not two different extensions', () => {
    const rows = [
      row('desk', 'Desk', [{ value: '+1 212 555 0100 x23' }]),
      row('board', 'Switchboard', [{ value: '+1 212 555 0100' }]),
    ];
    expect(shown('+1 212 555 0100', rows)).toEqual([
      'board:+1 212 555 0100:e164',
      'desk:+1 212 555 0100 x23:e164',
    ]);
    expect(shown('+1 212 555 0100 x23', rows)).toEqual([
      'desk:+1 212 555 0100 x23:e164',
      'board:+1 212 555 0100:e164',
    ]);
    expect(shown('+1 212 555 0100 x45', rows)).toEqual(['board:+1 212 555 0100:e164']);
  });

  it('matches short codes only exactly', () => {
    const rows = [
      row('sos', 'SOS', [{ value: '112' }]),
      row('end', 'Ends In 112', [{ value: '+33 1 23 45 61 12' }]),
    ];
    expect(shown('112', rows)).toEqual(['sos:112:short-code']);
    expect(shown('+33 1 23 45 61 12', rows)).toEqual(['end:+33 1 23 45 61 12:e164']);
    expect(shown('6112', rows)).toEqual([]);
  });

  it('reports the entry with its label, type and E.164', () => {
    const rows = [
      row('a', 'Ada', [{ value: '(415) 555-0101 ext. 9', type: ['work'], label: 'Lab', pref: true }]),
    ];
    expect(rankCallerId(phoneKeys('4155550101', 'US'), rows)).toEqual([
      {
        personId: 'a',
        displayName: 'Ada',
        matchedTel: {
          value: '(415) 555-0101 ext. 9',
          e164: '+14155550101',
          ext: '9',
          type: ['work'],
          label: 'Lab',
          pref: true,
        },
        match: 'e164',
      },
    ]);
  });
});
