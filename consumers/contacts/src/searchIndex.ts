import { intersectAscending, WordHaystack } from '@gcds/shared';
import type { ContactListEntry } from './contactRows';
import {
  bestHits,
  type Ranked,
  rankEntry,
  type Searchable,
  type SearchQuery,
  searchableOf,
} from './searchRanking';
import { phoneQueryDigits, queryWords } from './searchText';

/** What a typed query means; undefined when it holds nothing to search for. */
export function parseQuery(query: string): SearchQuery | undefined {
  const digits = phoneQueryDigits(query);
  if (digits !== undefined) return { kind: 'digits', digits };
  const words = queryWords(query);
  return words.length === 0 ? undefined : { kind: 'text', words, typed: query.trim().toLowerCase() };
}

/** The people as they were when the haystacks were last built, and their words laid out to scan. */
interface Snapshot {
  people: Searchable[];
  names: WordHaystack;
  /** Each person's `nameLead` (the first word of the name shown). */
  leads: WordHaystack;
  orgs: WordHaystack;
  emails: WordHaystack;
  digits: WordHaystack;
}

/**
 * What search needs of every person, in memory, ranked there so a search reads only the rows it shows.
 *
 * IndexedDB indexes answer equality and prefix ranges, not "digits anywhere in the number", and a
 * one-letter prefix of a name word matches a sixth of the book: reading those rows to rank them cost
 * tens of milliseconds a keystroke at 10,000 people, and so did walking every person's object. Here the
 * words of everyone sit in a few long strings (`WordHaystack`) that native `indexOf` scans; only the
 * people found are ranked (`rankEntry`). A change does not rebuild the haystacks: the people changed
 * since they were built are ranked one by one (and their stale places skipped) until there are enough of
 * them to make a rebuild worth it. The index holds under a kilobyte a person (Gaia's all-in-memory
 * search was 1 MB for 2,000 contacts; `stats()` estimates ours). It is built on the first search from
 * the list store and kept current from the change feed.
 */
export class SearchIndex {
  readonly #people = new Map<string, Searchable>();
  #snapshot: Snapshot | undefined;
  /** People set or forgotten since the snapshot. */
  readonly #changed = new Set<string>();

  static from(entries: readonly ContactListEntry[]): SearchIndex {
    const index = new SearchIndex();
    for (const entry of entries) index.set(entry.personId, entry);
    return index;
  }

  /** Replaces what is known of one person; `undefined` forgets it. */
  set(personId: string, entry: ContactListEntry | undefined): void {
    if (this.#snapshot !== undefined) this.#changed.add(personId);
    if (entry === undefined) this.#people.delete(personId);
    else this.#people.set(personId, searchableOf(entry));
  }

  /** The `limit` best hits, one per person, best first (see `rankEntry` and `compareHits`). */
  search(query: SearchQuery, limit: number): Ranked[] {
    if (query.kind === 'digits' && !/^\d+$/.test(query.digits))
      throw new Error(`phone search takes digits only, got "${query.digits}"`);
    const snapshot = this.#current();
    // People changed since the snapshot are ranked as they are now; their places in it are stale.
    const changed = [...this.#changed].flatMap((id) => this.#people.get(id) ?? []);
    const rank = (positions: readonly number[]) =>
      positions.flatMap((position) => {
        const entry = snapshot.people[position]!;
        return this.#changed.has(entry.personId) ? [] : [rankEntry(entry, query)];
      });
    const slack = this.#changed.size;
    if (query.kind === 'digits') {
      // The snapshot is in list order, so the hits shown are the first prefix matches, then the first
      // matches inside a number: a digit every number holds costs a few dozen rankings, not the book.
      const prefix = snapshot.digits.withPrefix(query.digits, limit + slack);
      const inside = snapshot.digits.withInfix(query.digits, 2 * limit + slack);
      return bestHits(
        [...rank([...new Set([...prefix, ...inside])]), ...changed.map((e) => rankEntry(e, query))],
        limit,
      );
    }
    const everyWord = (haystack: WordHaystack) =>
      query.words
        .map((word) => haystack.withPrefix(word))
        .reduce((both, next) => intersectAscending(both, next));
    const named = everyWord(snapshot.names);
    const byName = bestHits(
      [
        ...rank(
          query.words.length === 1
            ? firstOfEachClass(snapshot, query.words[0]!, named, limit + slack)
            : named,
        ),
        ...changed.map((e) => rankEntry(e, query)),
      ],
      limit,
    );
    // A name outranks any email or organisation: with a screen of names the rest cannot show.
    if (byName.length === limit && byName.every((hit) => hit.field === 'name')) return byName;
    const others = new Set(everyWord(snapshot.orgs));
    if (!/\s/u.test(query.typed))
      for (const position of snapshot.emails.withPrefix(query.typed)) others.add(position);
    // Ranked already, at their best hit.
    for (const position of named) others.delete(position);
    return bestHits([...byName, ...rank([...others])], limit);
  }

  /** The snapshot in list order, rebuilt once the people changed since would cost more to rank one by one. */
  #current(): Snapshot {
    if (this.#snapshot === undefined || this.#changed.size > Math.max(256, this.#people.size / 32)) {
      const people = [...this.#people.values()].sort(
        (a, b) =>
          (a.listOrder < b.listOrder ? -1 : a.listOrder > b.listOrder ? 1 : 0) ||
          (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
      );
      this.#snapshot = {
        people,
        names: new WordHaystack(people.map((entry) => entry.nameTokens)),
        leads: new WordHaystack(people.map((entry) => [entry.nameLead])),
        orgs: new WordHaystack(people.map((entry) => entry.orgTokens)),
        emails: new WordHaystack(people.map((entry) => entry.emailTokens)),
        digits: new WordHaystack(people.map((entry) => entry.phones.map((phone) => phone.digits))),
      };
      this.#changed.clear();
    }
    return this.#snapshot;
  }

  /** What the index holds, for memory reports. */
  stats(): { people: number; numbers: number; approximateBytes: number } {
    let numbers = 0;
    let chars = 0;
    let strings = 0;
    const count = (texts: readonly string[]) => {
      strings += texts.length;
      for (const text of texts) chars += text.length;
    };
    for (const entry of this.#people.values()) {
      count([entry.personId, entry.displayName, entry.nameLead, entry.listOrder, entry.org ?? '']);
      count(entry.nameTokens);
      count(entry.orgTokens);
      count(entry.emails);
      count(entry.emailTokens);
      for (const phone of entry.phones) {
        numbers += 1;
        count([phone.digits, phone.value]);
      }
    }
    // Two bytes a character plus V8's per-string, per-array and per-object overhead.
    return {
      people: this.#people.size,
      numbers,
      approximateBytes: chars * 2 + strings * 16 + this.#people.size * 160,
    };
  }
}

/**
 * One typed word: a name hit ranks by whether the name shown starts with it, then whether a name word
 * is exactly it (`rankName`). The haystacks answer both for everyone found, so only the first `count`
 * of each of the four classes, in list order, need ranking: a one-letter query matches thousands.
 */
function firstOfEachClass(
  snapshot: Snapshot,
  word: string,
  named: readonly number[],
  count: number,
): number[] {
  const leading = new Set(snapshot.leads.withPrefix(word));
  const whole = new Set(snapshot.names.withPrefix(`${word} `));
  const picked: number[] = [];
  for (const [starts, exact] of [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ] as const) {
    let taken = 0;
    for (const position of named) {
      if (taken === count) break;
      if (leading.has(position) !== starts || whole.has(position) !== exact) continue;
      picked.push(position);
      taken += 1;
    }
  }
  return picked;
}
