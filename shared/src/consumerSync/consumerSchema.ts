import { type IDBPDatabase, openDB } from 'idb';

/** An index of a consumer object store, as IndexedDB takes it. */
export interface ConsumerIndexSpec {
  name: string;
  keyPath: string | string[];
  unique?: boolean;
  multiEntry?: boolean;
}

/**
 * One object store of a consumer database. Every row carries the `personId` it was projected from;
 * the engine indexes it (`byPerson`) unless `personId` is the key, so it can drop a person's rows.
 */
export interface ConsumerStoreSpec {
  name: string;
  keyPath: string | string[];
  indexes?: ConsumerIndexSpec[];
}

/** The consumer's object stores. Bump `version` whenever they change: the database is then rebuilt. */
export interface ConsumerSchema {
  version: number;
  stores: ConsumerStoreSpec[];
}

/** Where the engine keeps its GCDS sync point, in the consumer's own database. */
export const SYNC_STATE_STORE = 'consumerSync';
/** The index the engine adds on `personId` to every store not keyed by it. */
export const PERSON_INDEX = 'byPerson';

export function isKeyedByPerson(spec: ConsumerStoreSpec): boolean {
  return spec.keyPath === 'personId';
}

export function validateConsumerSchema(schema: ConsumerSchema): void {
  if (!Number.isInteger(schema.version) || schema.version < 1) {
    throw new Error(`consumer schema version must be a positive integer, got ${String(schema.version)}`);
  }
  const names = new Set<string>();
  for (const spec of schema.stores) {
    if (typeof spec.name !== 'string' || spec.name === '') throw new Error('a consumer store needs a name');
    if (spec.name === SYNC_STATE_STORE) throw new Error(`"${SYNC_STATE_STORE}" is the engine's own store`);
    if (names.has(spec.name)) throw new Error(`consumer store "${spec.name}" is declared twice`);
    names.add(spec.name);
    if (spec.indexes?.some((index) => index.name === PERSON_INDEX) && !isKeyedByPerson(spec)) {
      throw new Error(`"${PERSON_INDEX}" is the engine's index on "${spec.name}"; name yours differently`);
    }
  }
}

/**
 * Opens the consumer database. A consumer database is a cache of the GCDS and the providers, so a
 * new schema version does not migrate: it drops every store, the sync point with them, and the next
 * sync rebuilds it all from the GCDS.
 */
export function openConsumerDb(dbName: string, schema: ConsumerSchema): Promise<IDBPDatabase<unknown>> {
  validateConsumerSchema(schema);
  const opened = openDB<unknown>(dbName, schema.version, {
    upgrade(db) {
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      db.createObjectStore(SYNC_STATE_STORE);
      for (const spec of schema.stores) {
        const store = db.createObjectStore(spec.name, { keyPath: spec.keyPath });
        if (!isKeyedByPerson(spec)) store.createIndex(PERSON_INDEX, 'personId');
        for (const index of spec.indexes ?? []) {
          store.createIndex(index.name, index.keyPath, {
            unique: index.unique ?? false,
            multiEntry: index.multiEntry ?? false,
          });
        }
      }
    },
    // A newer version of the consumer (another tab, an update) needs this connection out of the way.
    blocking() {
      void opened.then((db) => db.close());
    },
  });
  return opened;
}
