import { type IDBPTransaction, unwrap } from 'idb';
import { requestAll } from '../idb/rawRequests';
import type { RevisionedDb, RevisionedSchema, StoreEntry } from './revisionedSchema';

/** `readRecords` reads a key range whole from this many ids on, when it holds at most SPREAD times as many. */
const RANGE_READ_MIN = 64;
const RANGE_READ_SPREAD = 2;

/** The record an entry holds: a tombstone's (or no entry's) is none. */
export function recordOf<T>(entry: StoreEntry<T> | undefined): T | undefined {
  return entry?.op === 'put' ? entry.data : undefined;
}

/**
 * Many records at once, in a few requests where it can: in a browser each request is a round trip to
 * the IndexedDB backend. Records written together (a first sync reads a provider's records in the order
 * they were written) lie in a narrow range of revisions: given the revision each id was seen at
 * (`seenAt`), that range is read whole from the revision index, and only the ids that changed since are
 * read one by one. Ids that cover most of their key range (every record of a store) are read as that
 * key range. Anything else is a request per id.
 */
export async function readRecords<T>(
  db: RevisionedDb<T>,
  ids: readonly string[],
  seenAt?: readonly number[],
): Promise<Array<T | undefined>> {
  if (seenAt !== undefined && seenAt.length !== ids.length)
    throw new RangeError('getMany: one revision per id, or none');
  const tx = db.transaction('entries');
  if (ids.length >= RANGE_READ_MIN) {
    const byRevision = seenAt === undefined ? undefined : await readRevisionRange(tx, ids, seenAt);
    if (byRevision !== undefined) return byRevision;
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
  return readEach(tx, ids);
}

type EntriesTransaction<T> = IDBPTransaction<RevisionedSchema<T>, ['entries'], 'readonly'>;

async function readEach<T>(tx: EntriesTransaction<T>, ids: readonly string[]): Promise<Array<T | undefined>> {
  const store = unwrap(tx.store);
  const entries = (await requestAll(ids.map((id) => () => store.get(id)))) as Array<
    StoreEntry<T> | undefined
  >;
  return entries.map(recordOf);
}

/**
 * The records by the range of revisions they were seen at, when that range is narrow enough; undefined
 * when it is not. An entry is each id's latest state, so one found in the range is current (a record,
 * or a tombstone: removed since); an id whose entry moved past the range changed since and is read
 * by its id.
 */
async function readRevisionRange<T>(
  tx: EntriesTransaction<T>,
  ids: readonly string[],
  seenAt: readonly number[],
): Promise<Array<T | undefined> | undefined> {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const revision of seenAt) {
    low = Math.min(low, revision);
    high = Math.max(high, revision);
  }
  if (!(high - low + 1 <= RANGE_READ_SPREAD * ids.length)) return undefined;
  const entries = await tx.store.index('byRev').getAll(IDBKeyRange.bound(low, high));
  const wanted = new Set(ids);
  const found = new Map<string, StoreEntry<T>>();
  for (const entry of entries) if (wanted.has(entry.id)) found.set(entry.id, entry);
  const moved = ids.filter((id) => !found.has(id));
  const read = moved.length === 0 ? [] : await readEach(tx, moved);
  const readById = new Map(moved.map((id, i) => [id, read[i]]));
  return ids.map((id) => (found.has(id) ? recordOf(found.get(id)) : readById.get(id)));
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
