import { compareRanks, WordHaystack } from '@gcds/shared';
import type { CallerIdRow } from './dialerRows';
import { dialForms } from './dialForms';
import { type DialPerson, type DialSuggestion, nameOrder, rankDialSuggestions } from './dialSuggestions';

/** The people as they were when the haystack was last built, in name order, and their dial forms laid out. */
interface Snapshot {
  people: DialPerson[];
  /** Each person's dial forms (of every number) as words. */
  forms: WordHaystack;
}

/**
 * What dial suggestions need of everyone with a number, in memory: the digits typed are found in one
 * long string of dial forms (`WordHaystack`, native `indexOf`) instead of through an IndexedDB index
 * of every suffix of every form, which cost a first population 13 index entries a record. Only the
 * people found are ranked, with `rankDialSuggestions`, so the answer is the one ranking everyone gives.
 *
 * The haystack is in name order, the order people with equally good matches rank in, so the first
 * people of each kind of match found are the best of that kind. A change does not rebuild it: the
 * people changed since are ranked one by one and their stale places skipped, until there are enough of
 * them to make a rebuild worth it.
 */
export class DialIndex {
  readonly #people = new Map<string, DialPerson>();
  #snapshot: Snapshot | undefined;
  /** People set or forgotten since the snapshot. */
  readonly #changed = new Set<string>();

  static from(rows: readonly CallerIdRow[]): DialIndex {
    const index = new DialIndex();
    for (const row of rows) index.set(row.personId, row);
    return index;
  }

  /** Replaces what is known of one person; `undefined` forgets them. */
  set(personId: string, row: CallerIdRow | undefined): void {
    if (this.#snapshot !== undefined) this.#changed.add(personId);
    if (row === undefined) {
      this.#people.delete(personId);
      return;
    }
    // Only what ranking reads: the lookup keys stay in IndexedDB.
    const { displayName, nameKey, phones } = row;
    this.#people.set(personId, { personId, displayName, nameKey, phones });
  }

  /**
   * The `limit` best suggestions for typed digits (see `rankDialSuggestions`). Whole-number matches
   * outrank starts, which outrank digits inside, so each kind is looked for only while the better ones
   * leave room, and only among the first `limit` people holding it (plus one for each stale place):
   * a person found there without a match of that kind has a better one, which takes a place too.
   */
  suggest(digits: string, limit: number): DialSuggestion[] {
    if (!/^\d+$/.test(digits)) throw new Error(`dial suggestions take digits only, got "${digits}"`);
    const snapshot = this.#current();
    const enough = limit + this.#changed.size;
    const found = snapshot.forms.withPrefix(`${digits} `, enough);
    if (found.length < enough) {
      const starting = snapshot.forms.withPrefix(digits, enough);
      found.push(...starting);
      if (starting.length < enough) found.push(...snapshot.forms.withInfix(digits, enough));
    }
    // People changed since the snapshot are ranked as they are now; their places in it are stale.
    const candidates = new Map<string, DialPerson>();
    for (const position of found) {
      const person = snapshot.people[position]!;
      if (!this.#changed.has(person.personId)) candidates.set(person.personId, person);
    }
    for (const personId of this.#changed) {
      const person = this.#people.get(personId);
      if (person !== undefined) candidates.set(personId, person);
    }
    return rankDialSuggestions(digits, candidates.values(), limit);
  }

  /** The snapshot in name order, rebuilt once the people changed since would cost more to rank one by one. */
  #current(): Snapshot {
    if (this.#snapshot === undefined || this.#changed.size > Math.max(256, this.#people.size / 32)) {
      const people = [...this.#people.values()].sort((a, b) => compareRanks(nameOrder(a), nameOrder(b)));
      this.#snapshot = {
        people,
        forms: new WordHaystack(
          people.map((person) => [...new Set(person.phones.flatMap((phone) => dialForms(phone.keys)))]),
        ),
      };
      this.#changed.clear();
    }
    return this.#snapshot;
  }

  /** What the index holds, for memory reports, and how many people changed since the haystack was built. */
  stats(): { people: number; numbers: number; approximateBytes: number; changedSinceBuild: number } {
    let numbers = 0;
    let chars = 0;
    let strings = 0;
    const count = (texts: readonly (string | undefined)[]) => {
      for (const text of texts) {
        if (text === undefined) continue;
        strings += 1;
        chars += text.length;
      }
    };
    for (const person of this.#people.values()) {
      count([person.personId, person.displayName, person.nameKey]);
      for (const phone of person.phones) {
        numbers += 1;
        const { digits, e164, national, ext, shortCode, trunk } = phone.keys;
        count([phone.value, phone.label, digits, e164, national, ext, shortCode, trunk]);
        count(phone.type ?? []);
        // Its dial forms, once more in the haystack.
        count(dialForms(phone.keys));
      }
    }
    // Two bytes a character plus V8's per-string, per-array and per-object overhead.
    return {
      people: this.#people.size,
      numbers,
      approximateBytes: chars * 2 + strings * 16 + this.#people.size * 120 + numbers * 120,
      changedSinceBuild: this.#changed.size,
    };
  }
}
