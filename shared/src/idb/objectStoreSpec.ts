import type { DBSchema, IDBPDatabase, IDBPTransaction, IndexNames, StoreNames } from 'idb';

/** An index as IndexedDB takes it, named as the database's schema names it. */
export interface IndexSpec<Name extends string = string> {
  name: Name;
  keyPath: string | string[];
  unique?: boolean;
  multiEntry?: boolean;
}

/** An object store and its indexes, named as the database's `DBSchema` names them. */
export interface ObjectStoreSpec<
  S extends DBSchema | unknown = unknown,
  Name extends StoreNames<S> = StoreNames<S>,
> {
  name: Name;
  keyPath?: string | string[];
  indexes?: IndexSpec<IndexNames<S, Name>>[];
}

/**
 * Any store of the schema with the indexes of that store: a wrong store name, or an index of another
 * store, fails to compile.
 */
export type AnyObjectStoreSpec<S extends DBSchema | unknown> = {
  [Name in StoreNames<S>]: ObjectStoreSpec<S, Name>;
}[StoreNames<S>];

/**
 * In an upgrade: creates the store unless it exists, and each of its indexes that does not; deletes
 * the indexes the spec no longer lists (a schema version that dropped them). Stores and the indexes
 * listed that are already there are kept as they are, data included.
 */
export function ensureObjectStore(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  spec: { name: string; keyPath?: string | string[]; indexes?: readonly IndexSpec[] | undefined },
): void {
  const store = db.objectStoreNames.contains(spec.name)
    ? tx.objectStore(spec.name)
    : db.createObjectStore(spec.name, spec.keyPath === undefined ? {} : { keyPath: spec.keyPath });
  const listed = new Set((spec.indexes ?? []).map((index) => index.name));
  for (const name of [...store.indexNames]) if (!listed.has(name)) store.deleteIndex(name);
  for (const index of spec.indexes ?? []) {
    if (store.indexNames.contains(index.name)) continue;
    store.createIndex(index.name, index.keyPath, {
      unique: index.unique ?? false,
      multiEntry: index.multiEntry ?? false,
    });
  }
}
