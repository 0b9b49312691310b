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

/** Revisions `low` to `high`, holding `count` of the wanted ones. */
interface RevisionRun {
  low: number;
  high: number;
  count: number;
}

/** A revision range read whole holds at least this many of the wanted ids; fewer are read by id. */
const RUN_MIN = 16;

/**
 * The wanted revisions (sorted) in runs dense enough to read whole: each spans at most SPREAD times as
 * many revisions as it holds ids. A batch of people points mostly at records written together, plus
 * a few older ones (a source merged into someone imported earlier): those fall outside every run.
 */
export function denseRevisionRuns(sorted: readonly number[]): RevisionRun[] {
  const runs: RevisionRun[] = [];
  let run: RevisionRun | undefined;
  for (const revision of sorted) {
    if (run !== undefined && revision - run.low + 1 <= RANGE_READ_SPREAD * (run.count + 1)) {
      run.high = revision;
      run.count += 1;
      continue;
    }
    if (run !== undefined) runs.push(run);
    run = { low: revision, high: revision, count: 1 };
  }
  if (run !== undefined) runs.push(run);
  return runs;
}

/**
 * The records by the ranges of revisions they were seen at, where the ids are dense enough in them;
 * undefined when no run holds enough ids to be worth a range read. An entry is each id's latest state,
 * so one found in any range read is current (a record, or a tombstone: removed since); the ids in no
 * run, and those whose entry moved past the revision they were seen at, are read by id.
 */
async function readRevisionRange<T>(
  tx: EntriesTransaction<T>,
  ids: readonly string[],
  seenAt: readonly number[],
): Promise<Array<T | undefined> | undefined> {
  const runs = denseRevisionRuns([...seenAt].sort((a, b) => a - b)).filter((run) => run.count >= RUN_MIN);
  if (runs.length === 0) return undefined;
  const inRun = (revision: number) => runs.some((run) => run.low <= revision && revision <= run.high);
  // The ids in no run are asked for at once, beside the range reads.
  const loose = ids.filter((_, i) => !inRun(seenAt[i]!));
  const index = unwrap(tx.store.index('byRev'));
  const [ranges, looseRead] = await Promise.all([
    requestAll(runs.map((run) => () => index.getAll(IDBKeyRange.bound(run.low, run.high)))) as Promise<
      Array<Array<StoreEntry<T>>>
    >,
    loose.length === 0 ? [] : readEach(tx, loose),
  ]);
  const records = new Map<string, T | undefined>(loose.map((id, i) => [id, looseRead[i]]));
  const wanted = new Set(ids);
  for (const entries of ranges) {
    for (const entry of entries) if (wanted.has(entry.id)) records.set(entry.id, recordOf(entry));
  }
  // In a run but not found in it: changed since it was seen.
  const moved = ids.filter((id) => !records.has(id));
  const movedRead = moved.length === 0 ? [] : await readEach(tx, moved);
  moved.forEach((id, i) => {
    records.set(id, movedRead[i]);
  });
  return ids.map((id) => records.get(id));
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
