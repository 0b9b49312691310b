import { nameWords } from '@gcds/shared';
import type { ContactListEntry } from './contactRows';
import { emailWords, queryWords } from './searchText';

/**
 * The search words of a list row, whether stored or derived. A row stores a word list only when it is
 * not what these derive from the fields beside it (the usual person's name words are the words of the
 * name shown, its organisation's the words of `org`, its email words those of its addresses), so the
 * projection and search agree by construction: the projection keeps exactly what derivation would miss.
 */
export interface ListWords {
  nameTokens: string[];
  nameLead: string;
  orgTokens: string[];
  emailTokens: string[];
}

export function derivedNameTokens(displayName: string): string[] {
  return nameWords(displayName);
}

export function derivedNameLead(nameTokens: readonly string[]): string {
  return nameTokens[0] ?? '';
}

export function derivedOrgTokens(org: string | undefined): string[] {
  return org === undefined ? [] : [...new Set(nameWords(org))];
}

/** Every form an email is found by: the address, then each word of it, once. */
export function emailTokensOf(emails: readonly string[]): string[] {
  return [...new Set(emails.flatMap(emailWords))];
}

/** The first word of the name shown, folded: a name search ranks names starting with the query first. */
export function nameLeadOf(displayName: string): string {
  return queryWords(displayName)[0] ?? '';
}

export function listWordsOf(
  entry: Pick<ContactListEntry, 'displayName' | 'org' | 'emails' | 'nameTokens' | 'nameLead' | 'orgTokens'>,
): ListWords {
  const nameTokens = entry.nameTokens ?? derivedNameTokens(entry.displayName);
  return {
    nameTokens,
    nameLead: entry.nameLead ?? derivedNameLead(nameTokens),
    orgTokens: entry.orgTokens ?? derivedOrgTokens(entry.org),
    emailTokens: emailTokensOf(entry.emails),
  };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** The word lists a row must store: those `listWordsOf` would not derive as they are. */
export function storedWords(
  fields: Pick<ContactListEntry, 'displayName' | 'org'>,
  words: Omit<ListWords, 'emailTokens'>,
): Pick<ContactListEntry, 'nameTokens' | 'nameLead' | 'orgTokens'> {
  const stored: Pick<ContactListEntry, 'nameTokens' | 'nameLead' | 'orgTokens'> = {};
  if (!sameWords(words.nameTokens, derivedNameTokens(fields.displayName)))
    stored.nameTokens = words.nameTokens;
  if (words.nameLead !== derivedNameLead(words.nameTokens)) stored.nameLead = words.nameLead;
  if (!sameWords(words.orgTokens, derivedOrgTokens(fields.org))) stored.orgTokens = words.orgTokens;
  return stored;
}
