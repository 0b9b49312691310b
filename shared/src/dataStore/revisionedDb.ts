import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { v4 as uuidv4 } from 'uuid';
import { abortOnError } from '../idb/abortOnError';
import { ensureObjectStore } from '../idb/objectStoreSpec';
import { migrateRecordsAndLog } from './recordsAndLogMigration';
import { createEntriesStore, type RevisionedDb, STATE_KEY, type StoreState } from './revisionedSchema';
import type { StoreSchema } from './types';

/**
 * Database versions of the `entries` layout: an owner's schema version N is database version
 * ENTRIES_LAYOUT_BASE + N (the store alone is N = 0). The earlier layout (`records` + `log`) used
 * 1 + N, always below the base, so a version says which layout a database has.
 */
export const ENTRIES_LAYOUT_BASE = 1000;

type AnyDb = IDBPDatabase<unknown>;

/**
 * Opens the store's database in the `entries` layout, migrating a database of the earlier layout in
 * the upgrade transaction, whichever context opens it first: the owner (it knows its schema version, so
 * it opens at its version directly) or a reader (which knows no version: it opens at whatever version
 * the database has and, below the base, opens it again at the base plus the schema version the old
 * version stood for). The upgrade is exclusive, so no one reads or writes a half-migrated store, and
 * no connection is left on the old layout: each context closes its own when another asks for a
 * version change (`blocking`), and only ever keeps one at the new layout. A reader migrating is no
 * write of the owner's: the records, revisions and state come out as they went in.
 */
export async function openRevisionedDb<T>(
  dbName: string,
  schema: StoreSchema | undefined,
  /** Told when another context's version change (not a delete) closed the connection this returned. */
  onVersionChange: () => void = () => undefined,
): Promise<RevisionedDb<T>> {
  const openAt = (version: number | undefined, at: StoreSchema | undefined) =>
    openConnection<T>(dbName, version, at, onVersionChange);
  if (schema !== undefined) return openAt(ENTRIES_LAYOUT_BASE + schema.version, schema);
  const found = await openAt(undefined, undefined);
  if (found.version >= ENTRIES_LAYOUT_BASE) return found;
  found.close();
  // The probe left a new database empty at version 1, which stands for no schema, as 1 did before.
  const version = ENTRIES_LAYOUT_BASE + Math.max(0, found.version - 1);
  try {
    return await openAt(version, undefined);
  } catch (error) {
    // Another context (the owner, at a newer schema) migrated it past that version meanwhile.
    if ((error as { name?: unknown }).name !== 'VersionError') throw error;
    return openAt(undefined, undefined);
  }
}

function openConnection<T>(
  dbName: string,
  version: number | undefined,
  schema: StoreSchema | undefined,
  onVersionChange: () => void,
): Promise<RevisionedDb<T>> {
  const opened = openDB<unknown>(dbName, version, {
    upgrade: (database, _oldVersion, newVersion, tx) => {
      // A probe (no version) of a database that did not exist: it is opened again at the base.
      if ((newVersion ?? 0) < ENTRIES_LAYOUT_BASE) return;
      upgradeToEntries(database, tx, schema);
    },
    // Another connection (a migration, the owner adding its schema, a delete) needs this one out of the way.
    // After a version change the store is still there, at its new version: whoever holds this connection
    // opens it again. After a delete it is not, and opening it would make it anew.
    blocking: (_current, blockedVersion) => {
      void opened.then((db) => {
        db.close();
        if (blockedVersion !== null) onVersionChange();
      });
    },
  });
  return opened as unknown as Promise<RevisionedDb<T>>;
}

function upgradeToEntries(
  database: AnyDb,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  schema: StoreSchema | undefined,
): void {
  if (!database.objectStoreNames.contains('meta')) {
    database.createObjectStore('meta');
    database.createObjectStore('blobs');
    const state: StoreState = { revision: 0, horizon: 0, epoch: uuidv4(), tombstones: 0 };
    void tx.objectStore('meta').put(state, STATE_KEY);
  }
  if (database.objectStoreNames.contains('log')) {
    // A failed migration aborts the upgrade: the database stays as it was, in the earlier layout.
    void abortOnError(tx, () => migrateRecordsAndLog(database, tx)).catch(() => undefined);
  } else if (!database.objectStoreNames.contains('entries')) {
    createEntriesStore(database);
  }
  for (const spec of schema?.stores ?? []) ensureObjectStore(database, tx, spec);
}

/** Whether the open database already has everything the schema asks for. */
export function hasSchema(db: AnyDb, schema: StoreSchema): boolean {
  return (
    db.version >= ENTRIES_LAYOUT_BASE + schema.version &&
    schema.stores.every((spec) => db.objectStoreNames.contains(spec.name))
  );
}
