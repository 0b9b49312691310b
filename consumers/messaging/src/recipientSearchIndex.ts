import { emailKey, intersectAscending, WordHaystack } from '@gcds/shared';
import { recipientNameWords } from './recipientNameWords';
import type { RecipientQuery } from './recipientQuery';
import type { RecipientPhone, SearchableRecipient } from './recipientRows';
import { type RecipientSuggestion, rankRecipients } from './recipientSearch';

/** The digit strings a number is typed as: as written, international (no `+`), national significant. */
export function typedForms(keys: RecipientPhone['keys']): string[] {
  return [
    ...new Set(
      [keys.digits, keys.e164?.slice(1), keys.national].filter(
        (form): form is string => form !== undefined && form !== '',
      ),
    ),
  ];
}

/** The order every tier ranks people in (`rankRecipients`): named people by folded name, then the nameless. */
function byName(a: SearchableRecipient, b: SearchableRecipient): number {
  const named = Number(a.displayName === '') - Number(b.displayName === '');
  if (named !== 0) return named;
  if (a.nameKey !== b.nameKey) return a.nameKey < b.nameKey ? -1 : 1;
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
}

/** The people as they were when the haystacks were built, in name order, and their words laid out. */
interface Snapshot {
  people: SearchableRecipient[];
  names: WordHaystack;
  /** Each number's `typedForms`. */
  digits: WordHaystack;
  emails: WordHaystack;
}

/** People (by position) in any of the ascending lists, ascending, each once; the first `max`. */
function unionAscending(lists: readonly number[][], max = Number.POSITIVE_INFINITY): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b).slice(0, max);
}

/**
 * Recipient search in memory, so the recipients store needs no name, digit or email-prefix index that
 * every write of a first population would pay for. Everyone's name words, number forms and email keys
 * sit in three long strings (`WordHaystack`) that native `indexOf` scans; only the people found are
 * ranked, by `rankRecipients`, so the answer is the one ranking every row would give.
 *
 * Each tier ranks people in name order, the snapshot's order, and every person in a tier offers at
 * least one suggestion of it: so the first `limit` people of each tier in the snapshot are all a tier
 * can show. A change does not rebuild the haystacks: people changed since are ranked one by one (their
 * stale places skipped) until there are enough of them to make a rebuild worth it.
 */
export class RecipientSearchIndex {
  readonly #people = new Map<string, SearchableRecipient>();
  #snapshot: Snapshot | undefined;
  /** People set or forgotten since the snapshot. */
  readonly #changed = new Set<string>();

  static from(rows: readonly SearchableRecipient[]): RecipientSearchIndex {
    const index = new RecipientSearchIndex();
    for (const row of rows) index.set(row.personId, row);
    return index;
  }

  /** Replaces what is known of one person; `undefined` forgets them. */
  set(personId: string, row: SearchableRecipient | undefined): void {
    if (this.#snapshot !== undefined) this.#changed.add(personId);
    if (row === undefined) {
      this.#people.delete(personId);
      return;
    }
    // Only what ranking reads: the thread-naming lookup keys stay in IndexedDB.
    const { displayName, nameKey, phones, emails } = row;
    this.#people.set(personId, {
      personId,
      displayName,
      nameKey,
      nameWords: recipientNameWords(row),
      phones,
      emails,
    });
  }

  /** The `limit` best suggestions, as `rankRecipients` over every person would rank them. */
  search(query: RecipientQuery, limit: number): RecipientSuggestion[] {
    const snapshot = this.#current();
    const slack = this.#changed.size;
    const positions =
      query.kind === 'phone'
        ? this.#phonePositions(snapshot, query.prefixes, limit + slack)
        : this.#textPositions(snapshot, query.words, query.emailPrefix, limit);
    const found: SearchableRecipient[] = [];
    for (const position of positions) {
      const person = snapshot.people[position]!;
      if (!this.#changed.has(person.personId)) found.push(person);
    }
    // People changed since the snapshot, as they are now.
    for (const personId of this.#changed) {
      const person = this.#people.get(personId);
      if (person !== undefined) found.push(person);
    }
    return rankRecipients(query, found, limit);
  }

  /**
   * Whole numbers are tier 0, prefixes tier 1. Everyone with a prefix match and no whole one is in tier
   * 1, so the first `count` of them are among the first `count + wholes` with a prefix match.
   */
  #phonePositions(snapshot: Snapshot, prefixes: readonly string[], count: number): number[] {
    const whole = unionAscending(prefixes.map((prefix) => snapshot.digits.withPrefix(`${prefix} `)));
    const prefixed = unionAscending(
      prefixes.map((prefix) => snapshot.digits.withPrefix(prefix, count + whole.length)),
      count + whole.length,
    );
    return unionAscending([whole.slice(0, count), prefixed]);
  }

  /**
   * Names starting with the first word are tier 0, other name hits tier 1, email hits of anyone else
   * tier 2. A name hit offers every address of the person, so once `limit` people (not changed since)
   * are in tier 0, or in tiers 0 and 1, no later tier can show.
   */
  #textPositions(
    snapshot: Snapshot,
    words: readonly string[],
    emailPrefix: string | undefined,
    limit: number,
  ): number[] {
    const picked: number[] = [];
    let named: number[] = [];
    if (words.length > 0) {
      named = words
        .map((word) => snapshot.names.withPrefix(word))
        .reduce((both, next) => intersectAscending(both, next));
      const lead = words[0]!;
      const taken = [0, 0];
      for (const position of named) {
        const person = snapshot.people[position]!;
        if (this.#changed.has(person.personId)) continue;
        const tier = person.nameKey.startsWith(lead) ? 0 : 1;
        if (taken[tier]! >= limit) continue;
        taken[tier] = taken[tier]! + 1;
        picked.push(position);
        if (taken[0] === limit) return picked;
      }
      if (taken[0]! + taken[1]! >= limit) return picked;
    }
    if (emailPrefix === undefined) return picked;
    // Name hits are among the email hits too; past them and the people changed, `limit` others.
    const count = limit + named.length + this.#changed.size;
    const emailed =
      emailPrefix === '' ? this.#withEmail(snapshot, count) : snapshot.emails.withPrefix(emailPrefix, count);
    return unionAscending([picked, emailed]);
  }

  /** Everyone with an email address, the first `count`: every address starts with an empty prefix. */
  #withEmail(snapshot: Snapshot, count: number): number[] {
    const found: number[] = [];
    for (let position = 0; position < snapshot.people.length && found.length < count; position += 1)
      if (snapshot.people[position]!.emails.length > 0) found.push(position);
    return found;
  }

  /** The snapshot in name order, rebuilt once the people changed since would cost more to rank one by one. */
  #current(): Snapshot {
    if (this.#snapshot === undefined || this.#changed.size > Math.max(256, this.#people.size / 32)) {
      const people = [...this.#people.values()].sort(byName);
      this.#snapshot = {
        people,
        names: new WordHaystack(people.map((person) => recipientNameWords(person))),
        digits: new WordHaystack(people.map((person) => person.phones.flatMap((p) => typedForms(p.keys)))),
        emails: new WordHaystack(people.map((person) => person.emails.map((email) => emailKey(email.value)))),
      };
      this.#changed.clear();
    }
    return this.#snapshot;
  }

  /** What the index holds, for memory reports. */
  stats(): { people: number; approximateBytes: number } {
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
      const names = recipientNameWords(person);
      count(names);
      for (const phone of person.phones) {
        count([phone.value, phone.label, phone.keys.digits, phone.keys.e164, phone.keys.national]);
        count(phone.type ?? []);
        // Its forms, once more in the digits haystack.
        count(typedForms(phone.keys));
      }
      for (const email of person.emails) {
        // Its key, in the emails haystack.
        count([email.value, emailKey(email.value), email.label]);
        count(email.type ?? []);
      }
      // The name words once more in the names haystack.
      count(names);
    }
    // Two bytes a character plus V8's per-string overhead, and per person its objects and arrays.
    return {
      people: this.#people.size,
      approximateBytes: chars * 2 + strings * 16 + this.#people.size * 200,
    };
  }
}
