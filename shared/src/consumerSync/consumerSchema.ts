import { type DBSchema, type IDBPDatabase, type IndexNames, openDB, type StoreNames } from 'idb';
import { ensureObjectStore, type IndexSpec } from '../idb/objectStoreSpec';

/** An index of a consumer object store, as IndexedDB takes it. */
export type ConsumerIndexSpec<Name extends string = string> = IndexSpec<Name>;

/**
 * One object store of a consumer database, named as the consumer's `DBSchema` `S` names it. Every row
 * carries the `personId` it was projected from; the engine indexes it (`byPerson`) unless `personId` is
 * the key, so it can drop a person's rows: that index is the engine's, never in `indexes`.
 */
export interface ConsumerStoreSpec<
  S extends DBSchema | unknown = unknown,
  Name extends StoreNames<S> = StoreNames<S>,
> {
  name: Name;
  keyPath: string | string[];
  indexes?: ConsumerIndexSpec<Exclude<IndexNames<S, Name>, typeof PERSON_INDEX>>[];
}

/**
 * The consumer's object stores, described for the `DBSchema` its queries are typed by: a store or index
 * the schema does not name fails to compile. Bump `version` whenever they change: the database is then
 * rebuilt.
 */
export interface ConsumerSchema<S extends DBSchema | unknown = unknown> {
  version: number;
  stores: { [Name in StoreNames<S>]: ConsumerStoreSpec<S, Name> }[StoreNames<S>][];
}

/** Where the engine keeps its GCDS sync point, in the consumer's own database. */
export const SYNC_STATE_STORE = 'consumerSync';
/** The index the engine adds on `personId` to every store not keyed by it. */
export const PERSON_INDEX = 'byPerson';

export function isKeyedByPerson(spec: ConsumerStoreSpec): boolean {
  return spec.keyPath === 'personId';
}

/** Refuses a schema the engine cannot keep: it runs on untyped input too (JavaScript callers, tests). */
export function validateConsumerSchema<S extends DBSchema | unknown>(typed: ConsumerSchema<S>): void {
  const schema = typed as unknown as ConsumerSchema;
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
    upgrade(db, _oldVersion, _newVersion, tx) {
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      db.createObjectStore(SYNC_STATE_STORE);
      for (const spec of schema.stores) {
        const personIndex = isKeyedByPerson(spec) ? [] : [{ name: PERSON_INDEX, keyPath: 'personId' }];
        ensureObjectStore(db, tx, { ...spec, indexes: [...personIndex, ...(spec.indexes ?? [])] });
      }
    },
    // A newer version of the consumer (another tab, an update) needs this connection out of the way.
    blocking() {
      void opened.then((db) => db.close());
    },
  });
  return opened;
}
