import type { ContactListEntry, ListPhone } from './contactRows';

export interface PhoneDigitMatch {
  personId: string;
  phone: ListPhone;
  /** Where the typed digits start in the number's digits: 0 is a prefix match. */
  at: number;
}

/**
 * Phone digits of every person, in memory, for "digits anywhere in the number".
 *
 * IndexedDB indexes answer equality and prefix ranges, not substrings. An n-gram index would answer
 * them from disk, at ten index entries per number and a lookup plus a verify per keystroke; a scan of
 * the digit strings here costs well under a millisecond per thousand numbers and holds only the person
 * id, the digits, the number as written and the row's sort key (so a search ranks in memory and reads
 * only the rows it shows): about 250-350 bytes a number with uuid person ids, so ~0.6 MB for 2,000
 * people with one number each (measured by `stats()`; Gaia's all-in-memory search was 1 MB).
 * It is built on the first phone search from the list store and kept current from the change feed.
 */
export class PhoneDigitIndex {
  readonly #people = new Map<string, { phones: readonly ListPhone[]; sortKey: string }>();

  static from(entries: readonly ContactListEntry[]): PhoneDigitIndex {
    const index = new PhoneDigitIndex();
    for (const entry of entries) index.set(entry.personId, entry);
    return index;
  }

  /** Replaces what is known of one person; `undefined` forgets it. */
  set(personId: string, entry: Pick<ContactListEntry, 'phones' | 'sortKey'> | undefined): void {
    if (entry === undefined || entry.phones.length === 0) this.#people.delete(personId);
    else this.#people.set(personId, { phones: entry.phones, sortKey: entry.sortKey });
  }

  /** Every number containing `digits`, best (earliest) occurrence per person and number. */
  search(digits: string): PhoneDigitMatch[] {
    if (!/^\d+$/.test(digits)) throw new Error(`phone search takes digits only, got "${digits}"`);
    const matches: PhoneDigitMatch[] = [];
    for (const [personId, { phones }] of this.#people) {
      for (const phone of phones) {
        const at = phone.digits.indexOf(digits);
        if (at >= 0) matches.push({ personId, phone, at });
      }
    }
    return matches;
  }

  /**
   * The `limit` people a phone search shows, best first, each with its best number: a prefix match
   * before a match inside the number, then list order (the sort key), as `bestHits` ranks them. A short
   * query matches most of the book; ranking here lets the search read only the rows it shows.
   */
  best(digits: string, limit: number): PhoneDigitMatch[] {
    const byPerson = new Map<string, PhoneDigitMatch>();
    for (const match of this.search(digits)) {
      const kept = byPerson.get(match.personId);
      if (kept === undefined || (match.at === 0 && kept.at !== 0)) byPerson.set(match.personId, match);
    }
    const sortKey = (match: PhoneDigitMatch) => this.#people.get(match.personId)?.sortKey ?? '';
    return [...byPerson.values()]
      .sort(
        (a, b) =>
          Number(a.at !== 0) - Number(b.at !== 0) ||
          (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0) ||
          (a.personId < b.personId ? -1 : 1),
      )
      .slice(0, limit);
  }

  /** What the index holds, for memory reports. */
  stats(): { people: number; numbers: number; approximateBytes: number } {
    let numbers = 0;
    let chars = 0;
    for (const [personId, { phones, sortKey }] of this.#people) {
      chars += personId.length + sortKey.length;
      for (const phone of phones) {
        numbers += 1;
        chars += phone.digits.length + phone.value.length + (phone.label?.length ?? 0);
      }
    }
    // Two bytes a character plus V8's per-string and per-object overhead of a few dozen bytes.
    return {
      people: this.#people.size,
      numbers,
      approximateBytes: chars * 2 + numbers * 64 + this.#people.size * 80,
    };
  }
}
