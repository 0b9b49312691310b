import { unwrap } from 'idb';
import { requestAll } from '../idb/rawRequests';
import type { RevisionedDb, StoreEntry } from './revisionedSchema';

/** `readRecords` reads a key range whole from this many ids on, when it holds at most SPREAD times as many. */
const RANGE_READ_MIN = 64;
const RANGE_READ_SPREAD = 2;

/** The record an entry holds: a tombstone's (or no entry's) is none. */
export function recordOf<T>(entry: StoreEntry<T> | undefined): T | undefined {
  return entry?.op === 'put' ? entry.data : undefined;
}

/**
 * Many records at once. When the ids cover most of their key range (a first sync reads every record
 * of a store), the range is read with one `getAll` instead of a request per id: in a browser each
 * request is a round trip to the IndexedDB backend.
 */
export async function readRecords<T>(
  db: RevisionedDb<T>,
  ids: readonly string[],
): Promise<Array<T | undefined>> {
  const tx = db.transaction('entries');
  if (ids.length >= RANGE_READ_MIN) {
    // Code-unit order, which is how IndexedDB orders string keys.
    const sorted = [...ids].sort();
    const range = IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!);
    // At most one key past the spread is read (a count would walk every key of a wide range).
    const spread = RANGE_READ_SPREAD * ids.length;
    const keys = await tx.store.getAllKeys(range, spread + 1);
    if (keys.length <= spread) {
      const entries = await tx.store.getAll(range);
      const byId = new Map(entries.map((entry) => [entry.id, recordOf(entry)]));
      return ids.map((id) => byId.get(id));
    }
  }
  const store = unwrap(tx.store);
  const entries = (await requestAll(ids.map((id) => () => store.get(id)))) as Array<
    StoreEntry<T> | undefined
  >;
  return entries.map(recordOf);
}

/** The live records: every entry but the tombstones, counted without a walk. */
export async function countRecords<T>(db: RevisionedDb<T>): Promise<number> {
  const tx = db.transaction('entries');
  const [all, tombstones] = await Promise.all([tx.store.count(), tx.store.index('tombstones').count()]);
  return all - tombstones;
}

/** The live records' ids in key order: the entries' keys, less the tombstones' (read only if any). */
export async function readRecordKeys<T>(
  db: RevisionedDb<T>,
  afterId: string | undefined,
  limit: number,
): Promise<string[]> {
  const tx = db.transaction('entries');
  const tombstones = tx.store.index('tombstones');
  const keysAfter = (after: string | undefined) =>
    tx.store.getAllKeys(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), limit);
  const [tombstoneCount, first] = await Promise.all([tombstones.count(), keysAfter(afterId)]);
  if (tombstoneCount === 0) return first;
  const removed = new Set(await tombstones.getAllKeys());
  const live: string[] = [];
  let page = first;
  while (true) {
    for (const key of page) if (live.length < limit && !removed.has(key)) live.push(key);
    if (live.length >= limit || page.length < limit) return live;
    page = await keysAfter(page.at(-1));
  }
}
