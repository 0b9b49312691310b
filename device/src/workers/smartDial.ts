/**
 * Smart dial: what typed keypad digits find. A name is found by its letters on the keys (T9: 5378 is
 * "jesu", so "Jesús"), accents folded first; a number by its digits. Suggestions rank by how well they
 * match, then by how often the number is called, then by name.
 */
import { foldName } from '@gcds/shared';

const KEY_OF: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['2', 'abc'],
    ['3', 'def'],
    ['4', 'ghi'],
    ['5', 'jkl'],
    ['6', 'mno'],
    ['7', 'pqrs'],
    ['8', 'tuv'],
    ['9', 'wxyz'],
  ].flatMap(([digit, letters]) => [...letters!].map((letter) => [letter, digit!])),
);

/** Each word of a name as the digits its letters are on ("Jesús Martínez" → ["53787", "62784639"]). */
export function keypadWords(name: string): string[] {
  // Accents and letters with no decomposition fold as everywhere else in the product (ß → ss, ł → l).
  return foldName(name)
    .split(/[^a-z0-9]+/u)
    .filter((word) => word !== '')
    .map((word) => [...word].map((char) => KEY_OF[char] ?? char).join(''));
}

/** How typed digits found a suggestion, best first. */
export type DialMatchKind =
  | 'number-exact'
  | 'number-prefix'
  | 'name-first-word'
  | 'name-word'
  | 'name-across-words'
  | 'number-inside';

const TIER: Readonly<Record<DialMatchKind, number>> = {
  'number-exact': 0,
  'number-prefix': 1,
  'name-first-word': 2,
  'name-word': 3,
  'name-across-words': 4,
  'number-inside': 5,
};

/**
 * Whether typed digits spell the start of a word of the name: of the first word, of a later one, or
 * from a word's start on into the next ("jesusm" for "Jesús Martínez"). Undefined when they do not.
 */
export function nameMatch(digits: string, name: string): DialMatchKind | undefined {
  if (!/^[2-9]+$/.test(digits)) return undefined;
  const words = keypadWords(name);
  if (words[0]?.startsWith(digits)) return 'name-first-word';
  if (words.slice(1).some((word) => word.startsWith(digits))) return 'name-word';
  for (let i = 0; i < words.length - 1; i += 1) {
    if (words.slice(i).join('').startsWith(digits)) return 'name-across-words';
  }
  return undefined;
}

export interface DialCandidate {
  personId: string;
  name: string;
  /** The number the suggestion would dial. */
  number: string;
  kind: DialMatchKind;
  /** Calls with this number in the log. */
  calls: number;
}

/**
 * One suggestion per person and number (the best way it was found), ranked: match quality, then the
 * most called, then by name in the locale's order.
 */
export function rankDialCandidates(
  candidates: readonly DialCandidate[],
  limit: number,
  collator: Intl.Collator = new Intl.Collator('en'),
): DialCandidate[] {
  const best = new Map<string, DialCandidate>();
  for (const candidate of candidates) {
    const key = `${candidate.personId}\u0000${candidate.number}`;
    const seen = best.get(key);
    if (seen === undefined || TIER[candidate.kind] < TIER[seen.kind]) best.set(key, candidate);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        TIER[a.kind] - TIER[b.kind] ||
        b.calls - a.calls ||
        collator.compare(a.name, b.name) ||
        a.number.localeCompare(b.number),
    )
    .slice(0, limit);
}

/** The same number however it was written: its last 8 digits (a call log's and a contact's forms differ). */
export function callKey(number: string): string {
  return number.replace(/\D/g, '').slice(-8);
}

/** How many calls each number had, by `callKey`. */
export function callCounts(numbers: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const number of numbers) {
    const key = callKey(number);
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
