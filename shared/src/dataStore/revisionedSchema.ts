import type { DBSchema, IDBPDatabase } from 'idb';
import type { StoredBlob } from './types';

/**
 * The latest operation on one record id, which is also the record: one write a put. A newer write
 * replaces the id's entry, so the log (the entries by revision) is coalesced as it is written and stays
 * bounded by live records plus retained tombstones.
 */
export interface StoreEntry<T = unknown> {
  id: string;
  rev: number;
  op: 'put' | 'remove';
  /**
   * The revision at which the id's earliest lifetime still in the store began: a reader synced since
   * then may hold the id, even if it was removed and written again while the reader was away.
   */
  born: number;
  /** Set on removals only, so the sparse `tombstones` index lists them by age. */
  tomb?: number;
  /** A put's record as written; a removal (a tombstone) has none. */
  data?: T;
}

export interface StoreState {
  revision: number;
  /** A sync from a revision below this cannot be incremental (a clear or dropped tombstones). */
  horizon: number;
  epoch: string;
  /**
   * How many tombstones the entries hold, kept by every write so none has to count them. Absent from
   * states written before it was kept: the first write counts them once.
   */
  tombstones?: number;
}

/** The revisioned store's own object stores; an owner's extra stores sit beside them. */
export interface RevisionedSchema<T> extends DBSchema {
  entries: { key: string; value: StoreEntry<T>; indexes: { byRev: number; tombstones: number } };
  meta: { key: string; value: unknown };
  blobs: { key: string; value: StoredBlob };
}

/** The store names the revisioned store keeps for itself: no extra store may take one. */
export type RevisionedStoreName = 'entries' | 'meta' | 'blobs';

export type RevisionedDb<T> = IDBPDatabase<RevisionedSchema<T>>;

/** Where the store's state lives in `meta`; owner metadata is prefixed so it never collides with it. */
export const STATE_KEY = 'state';
export const OWNER_META_PREFIX = 'owner:';

/** The `entries` store: keyed by id, its log order in `byRev`, its tombstones by age. */
export function createEntriesStore(database: IDBPDatabase<unknown>): void {
  const entries = database.createObjectStore('entries', { keyPath: 'id' });
  entries.createIndex('byRev', 'rev', { unique: true });
  entries.createIndex('tombstones', 'tomb');
}
