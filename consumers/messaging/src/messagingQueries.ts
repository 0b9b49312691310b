import type { IDBPDatabase } from 'idb';
import type { RecipientQuery } from './recipientQuery';
import {
  EMAIL_KEY_INDEX,
  NAME_WORD_INDEX,
  PHONE_DIGITS_INDEX,
  PHONE_LOOKUP_INDEX,
  RECIPIENT_STORE,
  type RecipientRow,
} from './recipientRows';

function startingWith(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/**
 * The rows a recipient query may match, each once, from key ranges in ONE transaction: the digit
 * prefixes over the typed forms of numbers; or the longest typed word over name words (the most
 * selective range; the other words are checked by the ranking) and the email prefix over email keys.
 */
export async function readRecipientCandidates(
  db: IDBPDatabase<unknown>,
  query: RecipientQuery,
): Promise<RecipientRow[]> {
  const tx = db.transaction(RECIPIENT_STORE);
  const ranges: Array<[index: string, range: IDBKeyRange]> = [];
  if (query.kind === 'phone') {
    for (const prefix of query.prefixes) ranges.push([PHONE_DIGITS_INDEX, startingWith(prefix)]);
  } else {
    const longest = query.words.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest !== '') ranges.push([NAME_WORD_INDEX, startingWith(longest)]);
    if (query.emailPrefix !== undefined) ranges.push([EMAIL_KEY_INDEX, startingWith(query.emailPrefix)]);
  }
  const keyLists = await Promise.all(ranges.map(([name, range]) => tx.store.index(name).getAllKeys(range)));
  const ids = new Set(keyLists.flat() as string[]);
  const rows = await Promise.all([...ids].map((id) => tx.store.get(id)));
  return rows.filter((row): row is RecipientRow => row !== undefined);
}

export interface ThreadCandidates {
  byPhoneKey: Map<string, RecipientRow[]>;
  byEmailKey: Map<string, RecipientRow[]>;
}

/** The rows holding each phone lookup key and each email key, all in ONE transaction. */
export async function readThreadCandidates(
  db: IDBPDatabase<unknown>,
  phoneKeys: Iterable<string>,
  emailKeys: Iterable<string>,
): Promise<ThreadCandidates> {
  const phones = [...new Set(phoneKeys)];
  const emails = [...new Set(emailKeys)];
  if (phones.length === 0 && emails.length === 0) return { byPhoneKey: new Map(), byEmailKey: new Map() };
  const store = db.transaction(RECIPIENT_STORE).store;
  const read = async (indexName: string, keys: string[]) => {
    const index = store.index(indexName);
    const found = await Promise.all(keys.map((key) => index.getAll(key)));
    return new Map(keys.map((key, i) => [key, (found[i] ?? []) as RecipientRow[]]));
  };
  const [byPhoneKey, byEmailKey] = await Promise.all([
    read(PHONE_LOOKUP_INDEX, phones),
    read(EMAIL_KEY_INDEX, emails),
  ]);
  return { byPhoneKey, byEmailKey };
}
