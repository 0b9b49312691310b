import { compareRanks, nameOrderRanges, prefixRange, type Rank, rareKeys, walkIndex } from '@gcds/shared';
import type { IDBPDatabase, IDBPTransaction, IndexNames } from 'idb';
import type { RecipientQuery } from './recipientQuery';
import {
  EMAIL_KEY_INDEX,
  type MessagingDb,
  NAME_KEY_INDEX,
  NAME_WORD_INDEX,
  PHONE_DIGITS_INDEX,
  PHONE_LOOKUP_INDEX,
  RECIPIENT_STORE,
  type RecipientRow,
} from './recipientRows';
import { type RecipientSuggestion, rankRecipients, suggestionsOf } from './recipientSearch';

type ReadTx = IDBPTransaction<MessagingDb, [typeof RECIPIENT_STORE], 'readonly'>;
type RecipientIndex = IndexNames<MessagingDb, typeof RECIPIENT_STORE>;

/** The order the name index walks in: named people by folded name, then the nameless. */
function nameOrder(row: RecipientRow): Rank {
  return [row.displayName === '' ? 1 : 0, row.nameKey, row.personId];
}

async function readRows(tx: ReadTx, ids: Iterable<string>): Promise<RecipientRow[]> {
  const rows = await Promise.all([...new Set(ids)].map((id) => tx.store.get(id)));
  return rows.filter((row): row is RecipientRow => row !== undefined);
}

/** Walks people in name order over `ranges` of the name key, until `visit` has enough. */
function walkByName(
  tx: ReadTx,
  ranges: readonly IDBKeyRange[],
  visit: (row: RecipientRow) => boolean,
): Promise<void> {
  return walkIndex<RecipientRow>(tx.store.index(NAME_KEY_INDEX), ranges, visit);
}

/**
 * Recipient suggestions, reading as little as the ranking allows, in ONE transaction:
 * 1. the first tier, complete: names that start with the first typed word (walked in name order over
 *    the name key, stopping once the list is full), or numbers typed whole (equality on the forms);
 * 2. if the query is rare (fewer than DENSE_INDEX_ENTRIES index entries for its key ranges: the longest word over
 *    name words, the email prefix, or the digit prefixes), those rows, ranked;
 * 3. if it is common, everyone in name order, the order each later tier ranks in, until the first
 *    tiers fill the list.
 */
export async function searchFromStore(
  db: IDBPDatabase<MessagingDb>,
  query: RecipientQuery,
  limit: number,
): Promise<RecipientSuggestion[]> {
  const tx = db.transaction(RECIPIENT_STORE);
  const first: RecipientSuggestion[] = [];
  const firstIds: string[] = [];
  const ranges: Array<[index: RecipientIndex, range: IDBKeyRange]> = [];
  if (query.kind === 'phone') {
    const whole = await Promise.all(
      query.prefixes.map((prefix) => tx.store.index(PHONE_DIGITS_INDEX).getAllKeys(prefix)),
    );
    firstIds.push(...whole.flat());
    const rows = (await readRows(tx, firstIds)).sort((a, b) => compareRanks(nameOrder(a), nameOrder(b)));
    for (const row of rows) {
      for (const { suggestion, tier } of suggestionsOf(query, row)) if (tier === 0) first.push(suggestion);
    }
    for (const prefix of query.prefixes) ranges.push([PHONE_DIGITS_INDEX, prefixRange(prefix)]);
  } else {
    const [firstWord] = query.words;
    if (firstWord !== undefined) {
      await walkByName(tx, [prefixRange(firstWord)], (row) => {
        for (const { suggestion, tier } of suggestionsOf(query, row)) if (tier === 0) first.push(suggestion);
        firstIds.push(row.personId);
        return first.length >= limit;
      });
      const longest = query.words.reduce((a, b) => (b.length > a.length ? b : a));
      ranges.push([NAME_WORD_INDEX, prefixRange(longest)]);
    }
    if (query.emailPrefix !== undefined) ranges.push([EMAIL_KEY_INDEX, prefixRange(query.emailPrefix)]);
  }
  if (first.length >= limit) return first.slice(0, limit);

  const rare = await rareKeys(ranges.map(([name, range]) => [tx.store.index(name), range] as const));
  if (rare !== undefined) return rankRecipients(query, await readRows(tx, [...firstIds, ...rare]), limit);
  const later: RecipientSuggestion[][] = [[], [], []];
  await walkByName(tx, nameOrderRanges(), (row) => {
    for (const { suggestion, tier } of suggestionsOf(query, row)) if (tier > 0) later[tier]?.push(suggestion);
    // Tier 1 ranks in walk order right after the complete first tier: enough of it ends the walk.
    return first.length + (later[1]?.length ?? 0) >= limit;
  });
  return [...first, ...later.flat()].slice(0, limit);
}

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
