import type { CollationTable, GroupKind, NameOrder, RowIndex } from '@gcds/shared';
import type { ContactListEntry } from './contactRows';
import { groupStart, orderOf, sectionOf, sectionStart } from './listPosition';

/** ICE and favourites first, then the letter groups in the order's list order, each with its count. */
export interface LetterGroup {
  /** `ice`, `favorites`, or the letter group's key. */
  id: string;
  label: string;
  kind: 'ice' | 'favorites' | GroupKind;
  count: number;
  /** The group's first place in the list (inclusive): `pageFrom(start)` jumps there. */
  start: string;
}

const ORDERS: readonly NameOrder[] = ['givenFirst', 'familyFirst'];

/**
 * How many places each section and letter group of the list holds, in both name orders, kept in memory
 * row by row. Counting them in IndexedDB took a count per group over the position index on every
 * refresh of the list, and a count walks its range: during a 30,000-person import, refreshed on every
 * commit, those walks were a backend's worth of work the import waited behind. A place is counted where
 * a count over the position index would count it: in the group whose range (its start up to the next
 * group's) holds the position.
 */
export class ListSectionCounts implements RowIndex<ContactListEntry> {
  readonly #collation: CollationTable;
  /** Each order's group starts, ascending, with the groups they start. */
  readonly #starts: ReadonlyMap<NameOrder, ReadonlyArray<{ start: string; key: string }>>;
  readonly #counts = new Map<string, number>();
  /** The counters each person's places are counted in now. */
  readonly #countedIn = new Map<string, readonly string[]>();

  constructor(collation: CollationTable) {
    this.#collation = collation;
    this.#starts = new Map(
      ORDERS.map((order) => [
        order,
        collation.groups
          .map((group) => ({ start: groupStart(order, group.key), key: group.key }))
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
      ]),
    );
  }

  static from(collation: CollationTable, rows: readonly ContactListEntry[]): ListSectionCounts {
    const counts = new ListSectionCounts(collation);
    for (const row of rows) counts.set(row.personId, row);
    return counts;
  }

  set(personId: string, row: ContactListEntry | undefined): void {
    for (const counter of this.#countedIn.get(personId) ?? []) this.#add(counter, -1);
    if (row === undefined) {
      this.#countedIn.delete(personId);
      return;
    }
    const counters = [...new Set(row.positions)].flatMap((position) => this.#counterOf(position) ?? []);
    for (const counter of counters) this.#add(counter, 1);
    this.#countedIn.set(personId, counters);
  }

  /** The sections and letter groups of an order that hold anyone, in list order. */
  groups(order: NameOrder): LetterGroup[] {
    return letterGroupsOf(order, this.#collation, (id) => this.#counts.get(counterKey(order, id)) ?? 0);
  }

  stats() {
    return { people: this.#countedIn.size, counters: this.#counts.size };
  }

  #add(counter: string, delta: number): void {
    const n = (this.#counts.get(counter) ?? 0) + delta;
    if (n === 0) this.#counts.delete(counter);
    else this.#counts.set(counter, n);
  }

  /** The counter a place is counted in: its section's, or under everyone the group its range holds. */
  #counterOf(position: string): string | undefined {
    const order = orderOf(position);
    const section = sectionOf(position);
    if (section !== 'all') return counterKey(order, section);
    const starts = this.#starts.get(order)!;
    // The last group starting at or before the position (a binary search over the sorted starts).
    let low = 0;
    let high = starts.length - 1;
    let found: string | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = starts[middle]!;
      if (at.start <= position) {
        found = at.key;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found === undefined ? undefined : counterKey(order, found);
  }
}

/**
 * ICE, favourites, then the collation's letter groups, each with its count (`ice`, `favorites` or the
 * group's key), leaving out those that hold nobody: the list's index however the counts were taken.
 */
export function letterGroupsOf(
  order: NameOrder,
  collation: CollationTable,
  count: (id: string) => number,
): LetterGroup[] {
  const sections: LetterGroup[] = [
    { id: 'ice', label: 'ICE', kind: 'ice', count: count('ice'), start: sectionStart(order, 'ice') },
    {
      id: 'favorites',
      label: '★',
      kind: 'favorites',
      count: count('favorites'),
      start: sectionStart(order, 'favorites'),
    },
  ];
  const letters = collation.groups.map(
    (group): LetterGroup => ({
      id: group.key,
      label: group.label,
      kind: group.kind,
      count: count(group.key),
      start: groupStart(order, group.key),
    }),
  );
  return [...sections, ...letters].filter((group) => group.count > 0);
}

function counterKey(order: NameOrder, id: string): string {
  return `${order}\u0000${id}`;
}
