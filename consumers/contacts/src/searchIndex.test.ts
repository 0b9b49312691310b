import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactListEntry } from './contactRows';
import { listPosition } from './listPosition';
import { parseQuery, SearchIndex } from './searchIndex';
import { compareHits, rankEntry, searchableOf } from './searchRanking';
import { queryWords } from './searchText';

interface Person {
  personId: string;
  name?: string;
  numbers?: string[];
  emails?: string[];
  org?: string;
  sortKey?: string;
}

function entry({ personId, name = personId, numbers = [], emails = [], org, sortKey = name }: Person) {
  const row: ContactListEntry = {
    personId,
    displayName: name,
    positions: [listPosition('givenFirst', 'all', '1', sortKey)],
    nameTokens: queryWords(name),
    nameLead: queryWords(name)[0] ?? '',
    orgTokens: org === undefined ? [] : queryWords(org),
    emails,
    phones: numbers.map((value) => ({ value })),
  };
  if (org !== undefined) row.org = org;
  return row;
}

function search(index: SearchIndex, query: string, limit = 20): string[] {
  const parsed = parseQuery(query);
  if (parsed === undefined) return [];
  return index.search(parsed, limit).map((hit) => `${hit.entry.personId}|${hit.field}|${hit.matched}`);
}

describe('search index', () => {
  const sample = () =>
    SearchIndex.from([
      entry({ personId: 'ada', name: 'Ada Lovelace', numbers: ['+1 415 555 0101', '020 7946 0000'] }),
      entry({
        personId: 'bob',
        name: 'Bob Adams',
        numbers: ['+1 212 555 0199'],
        emails: ['bob@navy.example'],
      }),
      entry({ personId: 'tim', name: 'Tim Berners-Lee', org: 'Adams Institute' }),
    ]);

  it('finds digits anywhere in any number, a prefix match first, naming the number', () => {
    const index = sample();
    expect(search(index, '5550')).toEqual(['ada|phone|+1 415 555 0101', 'bob|phone|+1 212 555 0199']);
    expect(search(index, '020')).toEqual(['ada|phone|020 7946 0000']);
    expect(search(index, '2')).toEqual(['ada|phone|020 7946 0000', 'bob|phone|+1 212 555 0199']);
    expect(search(index, '999')).toEqual([]);
  });

  it('ranks names that start with the query, then later name words, then email, then organisation', () => {
    const index = sample();
    expect(search(index, 'ad')).toEqual([
      'ada|name|Ada Lovelace',
      'bob|name|Bob Adams',
      'tim|organisation|Adams Institute',
    ]);
    expect(search(index, 'navy')).toEqual(['bob|email|bob@navy.example']);
    expect(search(index, 'bob@navy')).toEqual(['bob|email|bob@navy.example']);
    expect(search(index, 'lovelace ada')).toEqual(['ada|name|Ada Lovelace']);
    expect(search(index, 'ada turing')).toEqual([]);
  });

  it('follows changes: a person replaced, one forgotten', () => {
    const index = sample();
    index.set('ada', entry({ personId: 'ada', name: 'Ada King', numbers: ['+44 20 7946 0000'] }));
    index.set('bob', undefined);
    expect(search(index, '555')).toEqual([]);
    expect(search(index, 'lovelace')).toEqual([]);
    expect(search(index, 'king')).toEqual(['ada|name|Ada King']);
    expect(index.stats()).toMatchObject({ people: 2, numbers: 1 });
  });

  it('refuses a digit query with anything but digits', () => {
    expect(() => new SearchIndex().search({ kind: 'digits', digits: '12a' }, 5)).toThrow(/digits only/);
  });

  it('holds well under a kilobyte a person', () => {
    const index = SearchIndex.from(
      Array.from({ length: 2000 }, (_, i) =>
        entry({
          personId: `0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`,
          name: `Given${i} Family${i}`,
          numbers: [`+1 415 555 ${String(i).padStart(4, '0')}`],
          emails: [`given${i}.family@example.org`],
        }),
      ),
    );
    const { people, approximateBytes } = index.stats();
    expect(people).toBe(2000);
    expect(approximateBytes / people).toBeLessThan(1000);
  });

  const word = fc.constantFrom('ada', 'adams', 'bo', 'bob', 'lee', 'tim', 'ann', 'anna');
  const person = fc.record({
    personId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'),
    name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
    numbers: fc.array(fc.stringMatching(/^[0-9]{1,6}$/), { maxLength: 3 }),
    emails: fc.array(
      word.map((w) => `${w}@example.org`),
      { maxLength: 2 },
    ),
    org: fc.option(word, { nil: undefined }),
    sortKey: fc.constantFrom('a', 'b', 'c', 'd'),
  });
  const book = fc.uniqueArray(person, { selector: (p) => p.personId, maxLength: 12 });
  const query = fc.oneof(
    fc.stringMatching(/^[0-9]{1,3}$/),
    word.map((w) => w.slice(0, 2)),
    word,
  );

  /** The reference: every person ranked, all hits sorted. */
  function everyoneRanked(entries: readonly ContactListEntry[], typed: string, limit: number) {
    const parsed = parseQuery(typed)!;
    return entries
      .map((e) => rankEntry(searchableOf(e), parsed))
      .filter((hit) => hit !== undefined)
      .sort(compareHits)
      .slice(0, limit)
      .map((hit) => [hit.entry.personId, hit.field, hit.matched]);
  }

  function shown(index: SearchIndex, typed: string, limit: number) {
    return index.search(parseQuery(typed)!, limit).map((hit) => [hit.entry.personId, hit.field, hit.matched]);
  }

  it('shows the same hits as ranking every person and sorting them all', () => {
    fc.assert(
      fc.property(book, query, fc.integer({ min: 1, max: 8 }), (people, typed, limit) => {
        const entries = people.map((p) => entry(p));
        expect(shown(SearchIndex.from(entries), typed, limit)).toEqual(everyoneRanked(entries, typed, limit));
      }),
    );
  });

  it('still does after people are changed, added and forgotten since its last search', () => {
    fc.assert(
      fc.property(
        book,
        fc.array(fc.tuple(person, fc.boolean()), { maxLength: 8 }),
        query,
        fc.integer({ min: 1, max: 8 }),
        (people, changes, typed, limit) => {
          const index = SearchIndex.from(people.map((p) => entry(p)));
          index.search(parseQuery(typed)!, limit);
          const now = new Map(people.map((p) => [p.personId, entry(p)]));
          for (const [changed, forget] of changes) {
            if (forget) now.delete(changed.personId);
            else now.set(changed.personId, entry(changed));
            index.set(changed.personId, now.get(changed.personId));
          }
          expect(shown(index, typed, limit)).toEqual(everyoneRanked([...now.values()], typed, limit));
        },
      ),
    );
  });
});
