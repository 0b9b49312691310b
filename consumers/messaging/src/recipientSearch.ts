import { compareRanks, emailKey, type Rank } from '@gcds/shared';
import { emailAddress, phoneAddress, type RecipientAddress } from './recipientAddress';
import { recipientNameWords } from './recipientNameWords';
import type { RecipientQuery } from './recipientQuery';
import type { SearchableRecipient } from './recipientRows';

/** What of the person the query matched. */
export type RecipientMatch = 'name' | 'phone' | 'email';

/** One address to offer: a person with a mobile and an email is offered twice when both fit. */
export interface RecipientSuggestion {
  personId: string;
  displayName: string;
  address: RecipientAddress;
  matched: RecipientMatch;
}

/** A suggestion with its tier (names starting with the first word 0, other names 1, emails 2; whole
 * numbers 0, number prefixes 1) and its rank: within a tier, suggestions rank in name order. */
interface Candidate {
  suggestion: RecipientSuggestion;
  tier: number;
  rank: Rank;
}

/** A person's addresses in the order a messaging app offers them: numbers, then emails; preferred first. */
function addressesOf(row: SearchableRecipient): RecipientAddress[] {
  const preferredFirst = <T extends { pref?: boolean }>(list: readonly T[]) =>
    [...list].sort((a, b) => Number(b.pref === true) - Number(a.pref === true));
  return [...preferredFirst(row.phones).map(phoneAddress), ...preferredFirst(row.emails).map(emailAddress)];
}

function candidate(
  row: SearchableRecipient,
  address: RecipientAddress,
  matched: RecipientMatch,
  tier: number,
  order: number,
): Candidate {
  return {
    suggestion: { personId: row.personId, displayName: row.displayName, address, matched },
    tier,
    // A person's addresses stay together, in the person's order.
    rank: [tier, row.displayName === '' ? 1 : 0, row.nameKey, row.personId, order],
  };
}

function phoneCandidates(row: SearchableRecipient, prefixes: readonly string[]): Candidate[] {
  return row.phones.flatMap((phone, order) => {
    const forms = [phone.keys.digits, phone.keys.e164?.slice(1), phone.keys.national];
    const exact = forms.some((form) => form !== undefined && prefixes.includes(form));
    const prefix = forms.some((form) => form !== undefined && prefixes.some((p) => form.startsWith(p)));
    return prefix ? [candidate(row, phoneAddress(phone), 'phone', exact ? 0 : 1, order)] : [];
  });
}

function textCandidates(row: SearchableRecipient, words: readonly string[], emailPrefix: string | undefined) {
  const found: Candidate[] = [];
  const names = words.length > 0 ? recipientNameWords(row) : [];
  if (words.length > 0 && words.every((word) => names.some((name) => name.startsWith(word)))) {
    // "ada" puts Ada Lovelace above Grace Adams: the shown name starts with what was typed.
    const tier = row.nameKey.startsWith(words[0] ?? '') ? 0 : 1;
    addressesOf(row).forEach((address, order) => {
      found.push(candidate(row, address, 'name', tier, order));
    });
  }
  if (emailPrefix !== undefined) {
    row.emails.forEach((email, order) => {
      if (emailKey(email.value).startsWith(emailPrefix))
        found.push(candidate(row, emailAddress(email), 'email', 2, order));
    });
  }
  return found;
}

function candidatesOf(query: RecipientQuery, row: SearchableRecipient): Candidate[] {
  const found =
    query.kind === 'phone'
      ? phoneCandidates(row, query.prefixes)
      : textCandidates(row, query.words, query.emailPrefix);
  const best = new Map<string, Candidate>();
  for (const hit of found) {
    const key = `${hit.suggestion.address.kind}\u001f${hit.suggestion.address.value}`;
    const kept = best.get(key);
    if (kept === undefined || compareRanks(hit.rank, kept.rank) < 0) best.set(key, hit);
  }
  return [...best.values()].sort((a, b) => compareRanks(a.rank, b.rank));
}

/**
 * Ranks recipient suggestions for a query over candidate rows. Numbers: whole number before prefix.
 * Text: name hits (every typed word starts a word of a name, in any order) before email hits; among
 * names, one that starts with the first typed word first. Then people with a name, by name. Each
 * address once, at its best; at most `limit`.
 */
export function rankRecipients(
  query: RecipientQuery,
  rows: Iterable<SearchableRecipient>,
  limit: number,
): RecipientSuggestion[] {
  const all: Candidate[] = [];
  for (const row of rows) all.push(...candidatesOf(query, row));
  return all
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .slice(0, limit)
    .map((hit) => hit.suggestion);
}
