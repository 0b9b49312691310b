import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { v4 as uuidv4 } from 'uuid';
import { ensureObjectStore } from '../idb/objectStoreSpec';
import type { StoredBlob, StoreSchema } from './types';

/**
 * One entry per record id: the latest operation on it. A newer write replaces the id's entry, so the
 * log is coalesced as it is written and stays bounded by live records plus retained tombstones.
 */
export interface LogEntry<T = unknown> {
  rev: number;
  id: string;
  op: 'put' | 'remove';
  /**
   * The revision at which the id's earliest lifetime still in the log began: a reader synced since then
   * may hold the id, even if it was removed and written again while the reader was away.
   */
  born: number;
  /** Set on removals only, so the sparse `tombstones` index lists them by age. */
  tomb?: number;
  /**
   * A put's record as written, so a sync page is one range read of the log instead of a read per
   * record (in a browser each read is a round trip to the IndexedDB backend, as costly as a write).
   * Entries written before the log carried records have none: their record is read from `records`.
   */
  data?: T;
}

export interface StoreState {
  revision: number;
  /** A sync from a revision below this cannot be incremental (a clear or dropped tombstones). */
  horizon: number;
  epoch: string;
}

/** The revisioned store's own object stores; an owner's extra stores sit beside them. */
export interface RevisionedSchema<T> extends DBSchema {
  records: { key: string; value: T };
  log: { key: number; value: LogEntry<T>; indexes: { byId: string; tombstones: number } };
  meta: { key: string; value: unknown };
  blobs: { key: string; value: StoredBlob };
}

/** The store names the revisioned store keeps for itself: no extra store may take one. */
export type RevisionedStoreName = 'records' | 'log' | 'meta' | 'blobs';

export type RevisionedDb<T> = IDBPDatabase<RevisionedSchema<T>>;

/** Where the store's state lives in `meta`; owner metadata is prefixed so it never collides with it. */
export const STATE_KEY = 'state';
export const OWNER_META_PREFIX = 'owner:';

/**
 * Opens the store's database: version 1 is the revisioned store alone; an owner's schema version N is
 * database version N + 1, and opening at it creates whatever extra stores and indexes are missing.
 */
export function openRevisionedDb<T>(
  dbName: string,
  schema: StoreSchema | undefined,
): Promise<RevisionedDb<T>> {
  const version = schema === undefined ? undefined : schema.version + 1;
  const opened = openDB<unknown>(dbName, version, {
    upgrade: (database, oldVersion, _newVersion, tx) => {
      if (oldVersion < 1) {
        database.createObjectStore('records');
        const log = database.createObjectStore('log', { keyPath: 'rev' });
        log.createIndex('byId', 'id', { unique: true });
        log.createIndex('tombstones', 'tomb');
        database.createObjectStore('meta');
        database.createObjectStore('blobs');
        const state: StoreState = { revision: 0, horizon: 0, epoch: uuidv4() };
        void tx.objectStore('meta').put(state, STATE_KEY);
      }
      for (const spec of schema?.stores ?? []) ensureObjectStore(database, tx, spec);
    },
    // Another connection (the owner adding its schema, or a delete) needs this one out of the way.
    blocking: () => {
      void opened.then((db) => db.close());
    },
  });
  return opened as unknown as Promise<RevisionedDb<T>>;
}

/** Whether the open database already has everything the schema asks for. */
export function hasSchema(db: IDBPDatabase<unknown>, schema: StoreSchema): boolean {
  return (
    db.version >= schema.version + 1 && schema.stores.every((spec) => db.objectStoreNames.contains(spec.name))
  );
}
