import { compareRanks } from '@gcds/shared';
import type { ContactListEntry } from './contactRows';
import { listOrderOf } from './listPosition';
import { type ListWords, listWordsOf } from './listWords';

export type SearchField = 'name' | 'phone' | 'email' | 'organisation';

/** A number as search reads it: as written, and its digits. */
export interface SearchablePhone {
  value: string;
  digits: string;
}

/**
 * What search reads of a list row, every word list whole (`listWordsOf`): the in-memory index holds
 * these, and ranks the rows read the same way.
 */
export interface Searchable extends ListWords {
  personId: string;
  displayName: string;
  org?: string;
  emails: string[];
  phones: SearchablePhone[];
  /** Where the row sorts in the list (`listOrderOf`): hits that rank alike come in list order. */
  listOrder: string;
}

/** Only the fields search reads of a row: its positions and thumbnail stay in IndexedDB. */
export function searchableOf(entry: ContactListEntry): Searchable {
  const { personId, displayName, org, emails } = entry;
  return {
    personId,
    displayName,
    listOrder: listOrderOf(entry.positions),
    ...listWordsOf(entry),
    emails,
    phones: entry.phones.map(({ value }) => ({ value, digits: value.replace(/\D/g, '') })),
    ...(org === undefined ? {} : { org }),
  };
}

export interface SearchHit<E = ContactListEntry> {
  entry: E;
  field: SearchField;
  /** The value that matched: the number, the address, the organisation or the name shown. */
  matched: string;
}

export interface Ranked<E extends Searchable = Searchable> extends SearchHit<E> {
  /** Lower is better: field tier first, then how well it matched. */
  rank: number[];
}

/** A phone number that contains the typed digits. */
export interface PhoneDigitMatch {
  phone: SearchablePhone;
  /** Where the typed digits start in the number's digits: 0 is a prefix match. */
  at: number;
}

/** A typed query, parsed once: digits of a number being typed, or folded words. */
export type SearchQuery =
  | { kind: 'digits'; digits: string }
  | { kind: 'text'; words: readonly string[]; typed: string };

const TIER: Record<SearchField, number> = { name: 0, phone: 1, email: 2, organisation: 3 };

function everyWordPrefixes(words: readonly string[], tokens: readonly string[]): boolean {
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

/** A name hit: every query word starts a word of the name, in any order. */
export function rankName<E extends Searchable>(entry: E, words: readonly string[]): Ranked<E> | undefined {
  if (words.length === 0 || !everyWordPrefixes(words, entry.nameTokens)) return undefined;
  const whole = words.filter((word) => entry.nameTokens.includes(word)).length;
  // "ada" ranks Ada Lovelace above Grace Adams: the name starts with what was typed.
  const startsName = entry.nameLead.startsWith(words[0] ?? '') ? 0 : 1;
  return { entry, field: 'name', matched: entry.displayName, rank: [TIER.name, startsName, -whole] };
}

/** The person's number holding the digits, a prefix match before a match inside the number. */
export function bestPhoneMatch(entry: Searchable, digits: string): PhoneDigitMatch | undefined {
  let best: PhoneDigitMatch | undefined;
  for (const phone of entry.phones) {
    const at = phone.digits.indexOf(digits);
    if (at < 0 || (best !== undefined && (best.at === 0 || at !== 0))) continue;
    best = { phone, at };
  }
  return best;
}

export function rankPhone<E extends Searchable>(entry: E, match: PhoneDigitMatch): Ranked<E> {
  return { entry, field: 'phone', matched: match.phone.value, rank: [TIER.phone, match.at === 0 ? 0 : 1, 0] };
}

/** An email hit: the typed text starts the address (better) or a word of it. */
export function rankEmail<E extends Searchable>(entry: E, typed: string): Ranked<E> | undefined {
  if (typed === '' || !entry.emailTokens.some((token) => token.startsWith(typed))) return undefined;
  const full = entry.emails.find((email) => email.toLowerCase().startsWith(typed));
  if (full !== undefined) return { entry, field: 'email', matched: full, rank: [TIER.email, 0, 0] };
  const word = entry.emails.find((email) =>
    email
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((part) => part.startsWith(typed)),
  );
  return word === undefined ? undefined : { entry, field: 'email', matched: word, rank: [TIER.email, 1, 0] };
}

export function rankOrganisation<E extends Searchable>(
  entry: E,
  words: readonly string[],
): Ranked<E> | undefined {
  if (words.length === 0 || !everyWordPrefixes(words, entry.orgTokens)) return undefined;
  return { entry, field: 'organisation', matched: entry.org ?? '', rank: [TIER.organisation, 0, 0] };
}

/**
 * A person's best hit for a query: a digit query searches numbers; a text query names first, then
 * the email address (when the query is one chunk), then the organisation.
 */
export function rankEntry<E extends Searchable>(entry: E, query: SearchQuery): Ranked<E> | undefined {
  if (query.kind === 'digits') {
    const match = bestPhoneMatch(entry, query.digits);
    return match === undefined ? undefined : rankPhone(entry, match);
  }
  return (
    rankName(entry, query.words) ??
    (/\s/u.test(query.typed) ? undefined : rankEmail(entry, query.typed)) ??
    rankOrganisation(entry, query.words)
  );
}

/** Best first; among equals in list order, then by person id. */
export function compareHits(a: Ranked, b: Ranked): number {
  return (
    compareRanks(a.rank, b.rank) ||
    (a.entry.listOrder < b.entry.listOrder ? -1 : a.entry.listOrder > b.entry.listOrder ? 1 : 0) ||
    (a.entry.personId < b.entry.personId ? -1 : a.entry.personId > b.entry.personId ? 1 : 0)
  );
}

/**
 * The `limit` best of `hits` (one per person), best first. A short query matches most of the book:
 * keeping only the best few as they come costs one comparison for most hits, where sorting them all
 * would cost a dozen.
 */
export function bestHits<E extends Searchable>(
  hits: Iterable<Ranked<E> | undefined>,
  limit: number,
): Ranked<E>[] {
  const best: Ranked<E>[] = [];
  for (const hit of hits) {
    if (hit === undefined) continue;
    if (best.length === limit && compareHits(hit, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareHits(hit, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best;
}
