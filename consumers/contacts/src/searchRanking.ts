import { compareRanks } from '@gcds/shared';
import type { ContactListEntry } from './contactRows';
import type { PhoneDigitMatch } from './phoneDigitIndex';
import { queryWords } from './searchText';

export type SearchField = 'name' | 'phone' | 'email' | 'organisation';

export interface SearchHit {
  entry: ContactListEntry;
  field: SearchField;
  /** The value that matched: the number, the address, the organisation or the name shown. */
  matched: string;
}

interface Ranked extends SearchHit {
  /** Lower is better: field tier first, then how well it matched. */
  rank: number[];
}

const TIER: Record<SearchField, number> = { name: 0, phone: 1, email: 2, organisation: 3 };

function everyWordPrefixes(words: readonly string[], tokens: readonly string[]): boolean {
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

/** A name hit: every query word starts a word of the name, in any order. */
export function rankName(entry: ContactListEntry, words: readonly string[]): Ranked | undefined {
  if (words.length === 0 || !everyWordPrefixes(words, entry.nameTokens)) return undefined;
  const whole = words.filter((word) => entry.nameTokens.includes(word)).length;
  const shown = queryWords(entry.displayName);
  // "ada" ranks Ada Lovelace above Grace Adams: the name starts with what was typed.
  const startsName = shown[0]?.startsWith(words[0] ?? '') === true ? 0 : 1;
  return { entry, field: 'name', matched: entry.displayName, rank: [TIER.name, startsName, -whole] };
}

export function rankPhone(entry: ContactListEntry, match: PhoneDigitMatch): Ranked {
  return { entry, field: 'phone', matched: match.phone.value, rank: [TIER.phone, match.at === 0 ? 0 : 1, 0] };
}

/** An email hit: the typed text starts the address (better) or a word of it. */
export function rankEmail(entry: ContactListEntry, typed: string): Ranked | undefined {
  const folded = typed.trim().toLowerCase();
  if (folded === '') return undefined;
  const full = entry.emails.find((email) => email.toLowerCase().startsWith(folded));
  if (full !== undefined) return { entry, field: 'email', matched: full, rank: [TIER.email, 0, 0] };
  const word = entry.emails.find((email) =>
    email
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((part) => part.startsWith(folded)),
  );
  return word === undefined ? undefined : { entry, field: 'email', matched: word, rank: [TIER.email, 1, 0] };
}

export function rankOrganisation(entry: ContactListEntry, words: readonly string[]): Ranked | undefined {
  if (words.length === 0 || !everyWordPrefixes(words, entry.orgTokens)) return undefined;
  return { entry, field: 'organisation', matched: entry.org ?? '', rank: [TIER.organisation, 0, 0] };
}

/** Each person once, at its best hit; then best first, and in list order among equals. */
export function bestHits(candidates: ReadonlyArray<Ranked | undefined>, limit: number): SearchHit[] {
  const best = new Map<string, Ranked>();
  for (const hit of candidates) {
    if (hit === undefined) continue;
    const kept = best.get(hit.entry.personId);
    if (kept === undefined || compareRanks(hit.rank, kept.rank) < 0) best.set(hit.entry.personId, hit);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        compareRanks(a.rank, b.rank) ||
        (a.entry.sortKey < b.entry.sortKey ? -1 : a.entry.sortKey > b.entry.sortKey ? 1 : 0) ||
        (a.entry.personId < b.entry.personId ? -1 : 1),
    )
    .slice(0, limit)
    .map(({ entry, field, matched }) => ({ entry, field, matched }));
}
