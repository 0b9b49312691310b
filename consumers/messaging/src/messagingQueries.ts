import type { IDBPDatabase, IndexNames } from 'idb';
import {
  EMAIL_KEY_INDEX,
  type MessagingDb,
  PHONE_LOOKUP_INDEX,
  RECIPIENT_STORE,
  type RecipientRow,
} from './recipientRows';

type RecipientIndex = IndexNames<MessagingDb, typeof RECIPIENT_STORE>;

export interface ThreadCandidates {
  byPhoneKey: Map<string, RecipientRow[]>;
  byEmailKey: Map<string, RecipientRow[]>;
}

/** The rows holding each phone lookup key and each email key, all in ONE transaction. */
export async function readThreadCandidates(
  db: IDBPDatabase<MessagingDb>,
  phoneKeys: Iterable<string>,
  emailKeys: Iterable<string>,
): Promise<ThreadCandidates> {
  const phones = [...new Set(phoneKeys)];
  const emails = [...new Set(emailKeys)];
  if (phones.length === 0 && emails.length === 0) return { byPhoneKey: new Map(), byEmailKey: new Map() };
  const store = db.transaction(RECIPIENT_STORE).store;
  const read = async (indexName: RecipientIndex, keys: string[]) => {
    const index = store.index(indexName);
    const found = await Promise.all(keys.map((key) => index.getAll(key)));
    return new Map(keys.map((key, i) => [key, found[i] ?? []]));
  };
  const [byPhoneKey, byEmailKey] = await Promise.all([
    read(PHONE_LOOKUP_INDEX, phones),
    read(EMAIL_KEY_INDEX, emails),
  ]);
  return { byPhoneKey, byEmailKey };
}
