import { compareRanks, type Rank } from '@gcds/shared';
import { type MatchedTel, matchedTelOf } from './callerIdMatch';
import type { CallerIdRow } from './dialerRows';
import { dialForms } from './dialForms';

/** How the typed digits sit in the number: the whole of one of its forms, its start, or inside it. */
export type DigitMatch = 'exact' | 'prefix' | 'infix';

export interface DialSuggestion {
  personId: string;
  displayName: string;
  matchedTel: MatchedTel;
  match: DigitMatch;
}

/** What ranking suggestions reads of a caller-ID row: its names and each number's shown parts and keys. */
export type DialPerson = Pick<CallerIdRow, 'personId' | 'displayName' | 'nameKey' | 'phones'>;

const TIER: Record<DigitMatch, number> = { exact: 0, prefix: 1, infix: 2 };

function digitMatch(digits: string, forms: readonly string[]): DigitMatch | undefined {
  let found: DigitMatch | undefined;
  for (const form of forms) {
    const match: DigitMatch | undefined =
      form === digits
        ? 'exact'
        : form.startsWith(digits)
          ? 'prefix'
          : form.includes(digits)
            ? 'infix'
            : undefined;
    if (match !== undefined && (found === undefined || TIER[match] < TIER[found])) found = match;
  }
  return found;
}

/**
 * Suggestions while digits are typed: every number containing them in any of its dial forms, one
 * suggestion per number (a person with two matching numbers is offered twice: each can be dialled).
 * Whole number, then prefix (national, international or as written), then inside; then people with a
 * name, by name; then the person's own order of numbers.
 */
export function rankDialSuggestions(
  digits: string,
  rows: Iterable<DialPerson>,
  limit: number,
): DialSuggestion[] {
  const ranked: Array<{ suggestion: DialSuggestion; rank: Rank }> = [];
  for (const row of rows) {
    row.phones.forEach((phone, index) => {
      const match = digitMatch(digits, dialForms(phone.keys));
      if (match === undefined) return;
      ranked.push({
        suggestion: {
          personId: row.personId,
          displayName: row.displayName,
          matchedTel: matchedTelOf(phone),
          match,
        },
        rank: [TIER[match], ...nameOrder(row), index],
      });
    });
  }
  return ranked
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .slice(0, limit)
    .map((entry) => entry.suggestion);
}

/**
 * Where a person ranks among equally good matches: people with a name by folded name, then the
 * nameless; then person id. `DialIndex` keeps people in this order.
 */
export function nameOrder(person: Pick<DialPerson, 'personId' | 'displayName' | 'nameKey'>): Rank {
  return [person.displayName === '' ? 1 : 0, person.nameKey, person.personId];
}
