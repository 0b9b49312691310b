import type { ContactListEntry } from './contactRows';
import { emailWords } from './searchText';

/**
 * The search words of a list row, whether stored or derived. Deriving must be cheap, since search
 * derives them for every row when it loads the book: a row leaves out its email words (a lower-casing
 * and a split of each address) and its name's lead word when it is the first name word, but stores its
 * name and organisation words, which would cost a name fold each (about 10 µs, 0.2 s for 10,000 rows),
 * and leaves out only the empty organisation list. `storedWords` keeps exactly what this cannot derive.
 */
export interface ListWords {
  nameTokens: string[];
  nameLead: string;
  orgTokens: string[];
  emailTokens: string[];
}

/** Every form an email is found by: the address, then each word of it, once. */
export function emailTokensOf(emails: readonly string[]): string[] {
  return [...new Set(emails.flatMap(emailWords))];
}

export function listWordsOf(
  entry: Pick<ContactListEntry, 'emails' | 'nameTokens' | 'nameLead' | 'orgTokens'>,
): ListWords {
  return {
    nameTokens: entry.nameTokens,
    nameLead: entry.nameLead ?? entry.nameTokens[0] ?? '',
    orgTokens: entry.orgTokens ?? [],
    emailTokens: emailTokensOf(entry.emails),
  };
}

/** The word lists a row stores: those `listWordsOf` would not derive as they are. */
export function storedWords(
  words: Omit<ListWords, 'emailTokens'>,
): Pick<ContactListEntry, 'nameTokens' | 'nameLead' | 'orgTokens'> {
  const stored: Pick<ContactListEntry, 'nameTokens' | 'nameLead' | 'orgTokens'> = {
    nameTokens: words.nameTokens,
  };
  if (words.nameLead !== (words.nameTokens[0] ?? '')) stored.nameLead = words.nameLead;
  if (words.orgTokens.length > 0) stored.orgTokens = words.orgTokens;
  return stored;
}
