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
 * id, the digits and the number as written: about 250 bytes a number with uuid person ids, so ~0.5 MB
 * for 2,000 people with one number each (measured by `stats()`; Gaia's all-in-memory search was 1 MB).
 * It is built on the first phone search from the list store and kept current from the change feed.
 */
export class PhoneDigitIndex {
  readonly #phones = new Map<string, readonly ListPhone[]>();

  static from(entries: readonly ContactListEntry[]): PhoneDigitIndex {
    const index = new PhoneDigitIndex();
    for (const entry of entries) index.set(entry.personId, entry);
    return index;
  }

  /** Replaces what is known of one person; `undefined` forgets it. */
  set(personId: string, entry: Pick<ContactListEntry, 'phones'> | undefined): void {
    if (entry === undefined || entry.phones.length === 0) this.#phones.delete(personId);
    else this.#phones.set(personId, entry.phones);
  }

  /** Every number containing `digits`, best (earliest) occurrence per person and number. */
  search(digits: string): PhoneDigitMatch[] {
    if (!/^\d+$/.test(digits)) throw new Error(`phone search takes digits only, got "${digits}"`);
    const matches: PhoneDigitMatch[] = [];
    for (const [personId, phones] of this.#phones) {
      for (const phone of phones) {
        const at = phone.digits.indexOf(digits);
        if (at >= 0) matches.push({ personId, phone, at });
      }
    }
    return matches;
  }

  /** What the index holds, for memory reports. */
  stats(): { people: number; numbers: number; approximateBytes: number } {
    let numbers = 0;
    let chars = 0;
    for (const [personId, phones] of this.#phones) {
      chars += personId.length;
      for (const phone of phones) {
        numbers += 1;
        chars += phone.digits.length + phone.value.length + (phone.label?.length ?? 0);
      }
    }
    // Two bytes a character plus V8's per-string and per-object overhead of a few dozen bytes.
    return {
      people: this.#phones.size,
      numbers,
      approximateBytes: chars * 2 + numbers * 64 + this.#phones.size * 48,
    };
  }
}
