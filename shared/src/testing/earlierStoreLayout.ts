import { openDB } from 'idb';
import type { EarlierLogEntry } from '../dataStore/recordsAndLogMigration';
import type { StoredBlob, StoreSchema } from '../dataStore/types';
import { ensureObjectStore } from '../idb/objectStoreSpec';

/** What a revisioned store held in the `records` + `log` layout. */
export interface EarlierStoreContents {
  log: EarlierLogEntry[];
  records: Record<string, unknown>;
  state: { revision: number; horizon: number; epoch: string };
  /** Owner metadata, by the key the owner used (stored under `owner:`). */
  ownerMeta?: Record<string, unknown>;
  blobs?: Record<string, StoredBlob>;
  /** The owner's schema then (version N was database version N + 1) and rows of its stores. */
  schema?: StoreSchema;
  extraRows?: Record<string, unknown[]>;
}

/**
 * Writes a store's database exactly as the `records` + `log` layout created and filled it: records
 * keyed out of line by id, the log keyed by `rev` with a unique `byId` and a sparse `tombstones` index.
 */
export async function writeEarlierStoreLayout(dbName: string, contents: EarlierStoreContents): Promise<void> {
  const version = contents.schema === undefined ? 1 : contents.schema.version + 1;
  const db = await openDB<unknown>(dbName, version, {
    upgrade(database, _oldVersion, _newVersion, tx) {
      database.createObjectStore('records');
      const log = database.createObjectStore('log', { keyPath: 'rev' });
      log.createIndex('byId', 'id', { unique: true });
      log.createIndex('tombstones', 'tomb');
      database.createObjectStore('meta');
      database.createObjectStore('blobs');
      for (const spec of contents.schema?.stores ?? []) ensureObjectStore(database, tx, spec);
    },
  });
  const extraNames = Object.keys(contents.extraRows ?? {});
  const tx = db.transaction(['records', 'log', 'meta', 'blobs', ...extraNames], 'readwrite');
  for (const entry of contents.log) void tx.objectStore('log').put(entry);
  for (const [id, record] of Object.entries(contents.records)) void tx.objectStore('records').put(record, id);
  void tx.objectStore('meta').put(contents.state, 'state');
  for (const [key, value] of Object.entries(contents.ownerMeta ?? {})) {
    void tx.objectStore('meta').put(value, `owner:${key}`);
  }
  for (const [id, blob] of Object.entries(contents.blobs ?? {})) void tx.objectStore('blobs').put(blob, id);
  for (const [name, rows] of Object.entries(contents.extraRows ?? {})) {
    for (const row of rows) void tx.objectStore(name).put(row);
  }
  await tx.done;
  db.close();
}
