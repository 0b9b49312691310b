import { type ContactTel, foldName, phoneLookupKeys } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import type { CallerIdRow } from './dialerRows';
import { dialForms } from './dialForms';
import { DialIndex } from './dialIndex';
import { type DialSuggestion, rankDialSuggestions } from './dialSuggestions';
import { dialerPhoneOf } from './projectCallerId';

function row(personId: string, displayName: string, tels: ContactTel[], region = 'GB'): CallerIdRow {
  const phones = tels.flatMap((tel) => dialerPhoneOf(tel, region) ?? []);
  const lookupKeys = phones.flatMap((phone) => phoneLookupKeys(phone.keys));
  return { personId, displayName, nameKey: foldName(displayName), phones, lookupKeys };
}

const shown = (suggestions: DialSuggestion[]) =>
  suggestions.map((s) => `${s.displayName}|${s.matchedTel.value}|${s.match}`);

/** A US book of `size` people: some nameless, some with two numbers, names and digits repeating. */
function book(size: number, seed = 1): CallerIdRow[] {
  let state = seed;
  const next = (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
  const names = ['Ada', 'Bob', 'Cy', 'Dee', ''];
  const areas = ['415', '212', '650', '555'];
  return Array.from({ length: size }, (_, i) => {
    const number = () => `+1 ${areas[next(areas.length)]} 555 ${String(next(10_000)).padStart(4, '0')}`;
    const tels =
      next(4) === 0 ? [{ value: number() }, { value: number(), label: 'Home' }] : [{ value: number() }];
    if (next(10) === 0) tels.push({ value: String(next(1000)) });
    return row(`p${String(i).padStart(4, '0')}`, names[next(names.length)]!, tels, 'US');
  });
}

/** Everyone ranked: what the index must answer, found however it likes. */
function everyoneRanked(rows: Iterable<CallerIdRow>, digits: string, limit: number): string[] {
  return shown(rankDialSuggestions(digits, rows, limit));
}

const DIGITS = ['1', '4', '5', '0', '555', '4155', '1415', '6505550', '55501', '9', '12', '000', '7'];

describe('DialIndex', () => {
  it('finds numbers by their start, digits inside and the whole number, ranked as everyone ranked', () => {
    const index = DialIndex.from([
      row('zoe', 'Zoë', [{ value: '020 7946 0958' }, { value: '+44 7400 120207' }]),
      row('al', 'Al', [{ value: '+44 20 7946 0000', type: ['work'], label: 'Desk', pref: true }]),
      row('emp', '', [{ value: '0207 946 1111' }]),
      row('sos', 'SOS', [{ value: '999' }]),
      row('nine', 'Nina', [{ value: '0199 9999' }]),
    ]);
    expect(shown(index.suggest('0207', 10))).toEqual([
      'Al|+44 20 7946 0000|prefix',
      'Zoë|020 7946 0958|prefix',
      '|0207 946 1111|prefix',
      'Zoë|+44 7400 120207|infix',
    ]);
    expect(shown(index.suggest('0207', 2))).toEqual([
      'Al|+44 20 7946 0000|prefix',
      'Zoë|020 7946 0958|prefix',
    ]);
    // The international form starts with the country code, the national one with the trunk 0.
    expect(shown(index.suggest('447400', 10))).toEqual(['Zoë|+44 7400 120207|prefix']);
    expect(shown(index.suggest('999', 10))).toEqual(['SOS|999|exact', 'Nina|0199 9999|infix']);
    expect(shown(index.suggest('1111', 10))).toEqual(['|0207 946 1111|infix']);
    expect(shown(index.suggest('31', 10))).toEqual([]);
    expect(index.suggest('2079460000', 1)[0]).toEqual({
      personId: 'al',
      displayName: 'Al',
      matchedTel: {
        value: '+44 20 7946 0000',
        e164: '+442079460000',
        type: ['work'],
        label: 'Desk',
        pref: true,
      },
      match: 'exact',
    });
    expect(() => index.suggest('02 07', 10)).toThrow(/digits only/);
  });

  it('answers exactly what ranking the whole book gives, for common and rare digits and any limit', () => {
    const rows = book(400);
    const index = DialIndex.from(rows);
    for (const digits of DIGITS)
      for (const limit of [1, 3, 10, 50, 1000])
        expect({ digits, limit, got: shown(index.suggest(digits, limit)) }).toEqual({
          digits,
          limit,
          got: everyoneRanked(rows, digits, limit),
        });
    // Not vacuous: the book has every kind of match, and more of the common ones than a screen holds.
    const kinds = new Set(
      DIGITS.flatMap((digits) => rankDialSuggestions(digits, rows, 1000).map((s) => s.match)),
    );
    expect(kinds).toEqual(new Set(['exact', 'prefix', 'infix']));
    expect(rankDialSuggestions('5', rows, 1000).length).toBeGreaterThan(400);
  });

  it('follows a person added, changed and removed after the haystack was built', () => {
    const rows = book(200, 7);
    const index = DialIndex.from(rows);
    expect(shown(index.suggest('4155', 5))).toEqual(everyoneRanked(rows, '4155', 5));

    const now = new Map(rows.map((r) => [r.personId, r]));
    const put = (changed: CallerIdRow) => {
      now.set(changed.personId, changed);
      index.set(changed.personId, changed);
    };
    const first = rows[0]!;
    // A new number for the first person, a newcomer who sorts first, and someone gone.
    put(row(first.personId, first.displayName, [{ value: '+1 917 000 1234' }], 'US'));
    put(row('new', 'Aaron', [{ value: '+1 917 000 1299' }, { value: '+1 415 555 0000' }], 'US'));
    const gone = rows[1]!;
    now.delete(gone.personId);
    index.set(gone.personId, undefined);

    expect(shown(index.suggest('70001', 10))).toEqual([
      'Aaron|+1 917 000 1299|infix',
      `${first.displayName}|+1 917 000 1234|infix`,
    ]);
    expect(shown(index.suggest('917000', 10))).toEqual([
      'Aaron|+1 917 000 1299|prefix',
      `${first.displayName}|+1 917 000 1234|prefix`,
    ]);
    const oldNumber = dialForms(first.phones[0]!.keys)[0]!;
    expect(index.suggest(oldNumber, 100).map((s) => s.personId)).not.toContain(first.personId);
    expect(index.suggest(dialForms(gone.phones[0]!.keys)[0]!, 100).map((s) => s.personId)).not.toContain(
      gone.personId,
    );
    for (const digits of DIGITS)
      expect({ digits, got: shown(index.suggest(digits, 12)) }).toEqual({
        digits,
        got: everyoneRanked(now.values(), digits, 12),
      });
    expect(index.stats()).toMatchObject({ people: 200, changedSinceBuild: 3 });
  });

  it('skips the stale places of changed people and still fills the list from the people after them', () => {
    const people = ['Ann', 'Ben', 'Cat', 'Dan'].map((name, i) =>
      row(name.toLowerCase(), name, [{ value: `+1 415 777 010${i}` }], 'US'),
    );
    const index = DialIndex.from(people);
    expect(shown(index.suggest('777', 2))).toEqual([
      'Ann|+1 415 777 0100|infix',
      'Ben|+1 415 777 0101|infix',
    ]);
    // The first two move away from 777: their places in the haystack still hold it.
    index.set('ann', row('ann', 'Ann', [{ value: '+1 212 555 0100' }], 'US'));
    index.set('ben', undefined);
    expect(shown(index.suggest('777', 2))).toEqual([
      'Cat|+1 415 777 0102|infix',
      'Dan|+1 415 777 0103|infix',
    ]);
    expect(shown(index.suggest('4157770', 2))).toEqual([
      'Cat|+1 415 777 0102|prefix',
      'Dan|+1 415 777 0103|prefix',
    ]);
    expect(shown(index.suggest('2125550100', 2))).toEqual(['Ann|+1 212 555 0100|exact']);
  });

  it('rebuilds the haystack once the people changed since outnumber what ranking one by one is worth', () => {
    const rows = book(300, 3);
    const index = DialIndex.from(rows);
    index.suggest('5', 10);
    const now = new Map(rows.map((r) => [r.personId, r]));
    // Everyone moves to a new number: more than 256 changes.
    for (const [i, r] of rows.entries()) {
      const moved = row(
        r.personId,
        r.displayName,
        [{ value: `+1 303 555 ${String(i).padStart(4, '0')}` }],
        'US',
      );
      now.set(r.personId, moved);
      index.set(r.personId, moved);
    }
    expect(index.stats().changedSinceBuild).toBe(300);
    expect(shown(index.suggest('1303555', 10))).toEqual(everyoneRanked(now.values(), '1303555', 10));
    expect(index.stats().changedSinceBuild).toBe(0);
    for (const digits of ['4155', '5', '3035550', '0299'])
      expect(shown(index.suggest(digits, 20))).toEqual(everyoneRanked(now.values(), digits, 20));
  });

  it('estimates the memory it holds', () => {
    const stats = DialIndex.from(book(100)).stats();
    expect(stats.people).toBe(100);
    expect(stats.numbers).toBeGreaterThan(100);
    expect(stats.approximateBytes / stats.people).toBeGreaterThan(200);
    expect(stats.approximateBytes / stats.people).toBeLessThan(2000);
  });
});
