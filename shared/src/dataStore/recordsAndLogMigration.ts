import { type IDBPDatabase, type IDBPTransaction, unwrap } from 'idb';
import { createEntriesStore, type StoreEntry } from './revisionedSchema';

/** A log entry of the earlier layout, keyed by `rev`, whose record sat in `records` under `id`. */
export interface EarlierLogEntry {
  rev: number;
  id: string;
  op: 'put' | 'remove';
  born: number;
  tomb?: number;
  /** Only on puts written after the log began to carry records. */
  data?: unknown;
}

/** The entries of so many ids are moved per step of the migration. */
const MIGRATION_PAGE = 500;

/** The id's entry in the `entries` layout: its log entry, with the record a reader's `get` returned. */
function entryFromEarlier(
  logEntry: EarlierLogEntry,
  record: { found: boolean; value?: unknown },
): StoreEntry {
  const { rev, id, op, born, tomb } = logEntry;
  if (op === 'remove') return tomb === undefined ? { id, rev, op, born } : { id, rev, op, born, tomb };
  return { id, rev, op, born, data: record.found ? record.value : logEntry.data };
}

/**
 * In an upgrade: moves the `records` + `log` layout into `entries`, a page of ids at a time (the log's
 * `byId` index and the records are both in id order), then deletes the two stores. Revisions, born,
 * tombstones and their ages are kept as they are; `meta` (revision, horizon, epoch), blobs and the
 * owner's stores are not touched.
 */
export async function migrateRecordsAndLog(
  database: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  createEntriesStore(database);
  const entries = unwrap(tx.objectStore('entries'));
  const byId = tx.objectStore('log').index('byId');
  const records = tx.objectStore('records');
  let after: string | undefined;
  while (true) {
    const page = (await byId.getAll(
      after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
      MIGRATION_PAGE,
    )) as EarlierLogEntry[];
    const last = page.at(-1)?.id;
    if (last === undefined) break;
    const range =
      after === undefined ? IDBKeyRange.upperBound(last) : IDBKeyRange.bound(after, last, true, false);
    const [keys, values] = await Promise.all([records.getAllKeys(range), records.getAll(range)]);
    const recordOf = new Map(keys.map((key, i) => [key, values[i]]));
    for (const logEntry of page) {
      const found = recordOf.has(logEntry.id);
      entries.put(entryFromEarlier(logEntry, { found, value: recordOf.get(logEntry.id) }));
    }
    if (page.length < MIGRATION_PAGE) break;
    after = last;
  }
  database.deleteObjectStore('log');
  database.deleteObjectStore('records');
}
