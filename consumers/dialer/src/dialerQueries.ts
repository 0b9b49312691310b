import { nameOrderRanges, prefixRange, rareKeys, walkIndex } from '@gcds/shared';
import type { IDBPDatabase } from 'idb';
import {
  CALLER_ID_STORE,
  type CallerIdRow,
  DIAL_FORM_INDEX,
  DIAL_KEYS_STORE,
  DIGIT_SUFFIX_INDEX,
  type DialerDb,
  LOOKUP_KEY_INDEX,
  NAME_INDEX,
} from './dialerRows';
import { type DialSuggestion, rankDialSuggestions } from './dialSuggestions';

const STORES = [CALLER_ID_STORE, DIAL_KEYS_STORE] as const;

/** The rows holding each lookup key, all read in ONE transaction (a call log asks for many at once). */
export async function readByLookupKeys(
  db: IDBPDatabase<DialerDb>,
  lookupKeys: Iterable<string>,
): Promise<Map<string, CallerIdRow[]>> {
  const keys = [...new Set(lookupKeys)];
  if (keys.length === 0) return new Map();
  const tx = db.transaction(STORES);
  const index = tx.objectStore(DIAL_KEYS_STORE).index(LOOKUP_KEY_INDEX);
  const idsByKey = await Promise.all(keys.map((key) => index.getAllKeys(key)));
  const ids = [...new Set(idsByKey.flat())];
  const rows = await Promise.all(ids.map((id) => tx.objectStore(CALLER_ID_STORE).get(id)));
  const byId = new Map(ids.map((id, i) => [id, rows[i]]));
  return new Map(keys.map((key, i) => [key, (idsByKey[i] ?? []).flatMap((id) => byId.get(id) ?? [])]));
}

/**
 * Suggestions for typed digits, reading as little as the ranking allows:
 * 1. numbers the digits start (whole dial forms by key range): they outrank all others, so when they
 *    fill the list nothing else is read;
 * 2. if the digits are rare (fewer than DENSE_INDEX_ENTRIES suffix entries), the rows holding them anywhere;
 * 3. if they are common, the people in name order (the order the rest ranks in) until the list is full,
 *    instead of every row that happens to contain a `5`.
 */
export async function suggestFromStore(
  db: IDBPDatabase<DialerDb>,
  digits: string,
  limit: number,
): Promise<DialSuggestion[]> {
  const tx = db.transaction(STORES);
  const keys = tx.objectStore(DIAL_KEYS_STORE);
  const rows = tx.objectStore(CALLER_ID_STORE);
  const read = async (ids: Iterable<string>) =>
    (await Promise.all([...new Set(ids)].map((id) => rows.get(id)))).filter(
      (row): row is CallerIdRow => row !== undefined,
    );

  const startingIds = await keys.index(DIAL_FORM_INDEX).getAllKeys(prefixRange(digits));
  const first = rankDialSuggestions(digits, await read(startingIds), limit);
  if (first.length === limit && first.at(-1)?.match !== 'infix') return first;

  const rare = await rareKeys([[keys.index(DIGIT_SUFFIX_INDEX), prefixRange(digits)]]);
  if (rare !== undefined) return rankDialSuggestions(digits, await read([...startingIds, ...rare]), limit);

  const found = first.filter((suggestion) => suggestion.match !== 'infix');
  // Named people in name order, then the nameless: the order infix suggestions rank in.
  await walkIndex<CallerIdRow>(rows.index(NAME_INDEX), nameOrderRanges(), (row) => {
    const inside = rankDialSuggestions(digits, [row], Number.POSITIVE_INFINITY);
    found.push(...inside.filter((suggestion) => suggestion.match === 'infix'));
    return found.length >= limit;
  });
  return found.slice(0, limit);
}
