import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactListEntry } from './contactRows';
import { PhoneDigitIndex } from './phoneDigitIndex';
import { bestHits, rankPhone } from './searchRanking';

function entry(personId: string, numbers: string[], sortKey = personId): ContactListEntry {
  return {
    personId,
    displayName: personId,
    sortKey,
    groupKey: '1',
    groupLabel: 'A',
    groupKind: 'latin',
    positions: [],
    favorite: false,
    ice: false,
    nameTokens: [],
    orgTokens: [],
    emailTokens: [],
    emails: [],
    phones: numbers.map((value) => ({ value, digits: value.replace(/\D/g, '') })),
  };
}

describe('phone digit index', () => {
  it('finds digits anywhere in any number, saying where', () => {
    const index = PhoneDigitIndex.from([
      entry('ada', ['+1 415 555 0101', '020 7946 0000']),
      entry('bob', ['+1 212 555 0199']),
    ]);
    expect(index.search('5550').map((m) => [m.personId, m.phone.value, m.at])).toEqual([
      ['ada', '+1 415 555 0101', 4],
      ['bob', '+1 212 555 0199', 4],
    ]);
    expect(index.search('020').map((m) => [m.personId, m.at])).toEqual([['ada', 0]]);
    expect(index.search('999')).toEqual([]);
  });

  it('follows changes: a person replaced, one forgotten', () => {
    const index = PhoneDigitIndex.from([
      entry('ada', ['+1 415 555 0101']),
      entry('bob', ['+1 212 555 0199']),
    ]);
    index.set('ada', entry('ada', ['+44 20 7946 0000']));
    index.set('bob', undefined);
    expect(index.search('555')).toEqual([]);
    expect(index.search('7946').map((m) => m.personId)).toEqual(['ada']);
    expect(index.stats()).toMatchObject({ people: 1, numbers: 1 });
  });

  it('refuses anything but digits', () => {
    expect(() => new PhoneDigitIndex().search('12a')).toThrow(/digits only/);
  });

  it('holds a few hundred bytes a number at most', () => {
    const index = PhoneDigitIndex.from(
      Array.from({ length: 2000 }, (_, i) =>
        entry(`0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`, [
          `+1 415 555 ${String(i).padStart(4, '0')}`,
        ]),
      ),
    );
    const { numbers, approximateBytes } = index.stats();
    expect(numbers).toBe(2000);
    // The person id, the number as written and its digits, and the row's sort key (for ranking).
    expect(approximateBytes / numbers).toBeLessThan(400);
  });

  it('ranks the people a search shows as the search ranks their rows: prefix first, then list order', () => {
    const book = fc.uniqueArray(
      fc.record({
        personId: fc.string({ minLength: 1, maxLength: 4 }),
        sortKey: fc.constantFrom('a', 'b', 'c', 'd'),
        numbers: fc.array(fc.stringMatching(/^[0-9]{1,6}$/), { minLength: 1, maxLength: 3 }),
      }),
      { selector: (person) => person.personId, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        book,
        fc.stringMatching(/^[0-9]{1,3}$/),
        fc.integer({ min: 1, max: 8 }),
        (people, digits, limit) => {
          const entries = people.map((person) => entry(person.personId, person.numbers, person.sortKey));
          const index = PhoneDigitIndex.from(entries);
          const byId = new Map(entries.map((e) => [e.personId, e]));
          const everyRow = bestHits(
            index.search(digits).map((match) => rankPhone(byId.get(match.personId)!, match)),
            limit,
          );
          const shown = index.best(digits, limit);
          expect(shown.map((match) => [match.personId, match.phone.value])).toEqual(
            everyRow.map((hit) => [hit.entry.personId, hit.matched]),
          );
        },
      ),
    );
  });
});
