import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { Observable, Subject } from 'rxjs';
import { AccessError, type AccessLevel } from '../access/accessLevel';
import { abortOnError } from '../idb/abortOnError';
import type { ChangeBus } from './changeBus';
import { countRecords, readRecordKeys, readRecords, recordOf } from './entryReads';
import { KnownIdsCache } from './knownIds';
import {
  applyOperations,
  dropExcessTombstones,
  type LogWritePolicy,
  type LogWriteTransaction,
} from './logWrites';
import { hasSchema, openRevisionedDb } from './revisionedDb';
import { OWNER_META_PREFIX, type RevisionedDb, STATE_KEY, type StoreState } from './revisionedSchema';
import { readSyncPage } from './syncPage';
import { SyncTaskCursor } from './syncTaskCursor';
import type {
  BulkOptions,
  ChangeEvent,
  CompactionResult,
  ExtraObjectStore,
  ExtraObjectStores,
  OwnerTransaction,
  StoredBlob,
  StoreSchema,
  SyncCursor,
  SyncPoint,
  WriteOperation,
} from './types';
import { attachWrittenRecords } from './writtenRecords';

type Db<T> = RevisionedDb<T>;

export interface RevisionedStoreOptions {
  dbName: string;
  name: string;
  owner: string;
  accessLevel: AccessLevel;
  bus: ChangeBus;
  now: () => number;
  tombstoneRetentionMs: number;
  /** Past this many tombstones the oldest are dropped on write, whatever their age. */
  maxTombstones: number;
  syncPageSize: number;
}

/** The capability that proves a caller is the owner. Only the platform hands it out, inside the owner handle. */
export interface OwnerKey {
  readonly store: string;
}

/**
 * A named, revisioned key/value store over IndexedDB: the Firefox OS DataStore, with an owner that writes
 * and readers that sync. Writes carry the owner key; calls without it are refused.
 */
export class RevisionedStore<T, S extends DBSchema | unknown = unknown> {
  readonly #ownerKey: OwnerKey;
  readonly changes$: Observable<ChangeEvent>;
  /** Each revision this context learns of, from its own writes and from verified hints. */
  readonly revisions$: Observable<number>;
  readonly #revisions = new Subject<number>();
  #db: Promise<Db<T>>;
  /** The owner's schema once applied: a reopened connection asks for it too. */
  #schema: StoreSchema | undefined;
  #closed = false;
  /** The last revision listeners in this context were told of; hints below it are stale. */
  #told: Promise<number>;
  #hints: Promise<void> = Promise.resolve();
  readonly #unbridge: () => void;
  readonly #writePolicy: LogWritePolicy;
  readonly #knownIds = new KnownIdsCache();

  private constructor(readonly options: RevisionedStoreOptions) {
    this.#ownerKey = Object.freeze({ store: options.dbName });
    const db = this.#connect(undefined);
    this.#db = db;
    this.changes$ = options.bus.channel(options.dbName);
    // Not asObservable(): its `source` is the Subject, which a reader could call next on.
    this.revisions$ = new Observable<number>((subscriber) => this.#revisions.subscribe(subscriber));
    this.#told = db.then(
      async (opened) => ((await opened.get('meta', STATE_KEY)) as StoreState).revision,
      () => 0,
    );
    // Another context's write reaches us as a hint only: what listeners hear is read from this store.
    this.#writePolicy = {
      now: options.now,
      storeLabel: `${options.owner}/${options.name}`,
      knownIds: (tx, lookups) => this.#knownIds.for(tx, lookups),
    };
    this.#unbridge = options.bus.verifyBridged(options.dbName, (_hint, deliver, listening) => {
      this.#hints = this.#hints.then(() => this.#checkHint(deliver, listening)).catch(() => undefined);
    });
  }

  /** Ownership was (re)taken: another context may have written since the known ids were read. */
  forgetKnownIds(): void {
    this.#knownIds.forget();
  }

  /**
   * Resolves once the store knows the revision it was opened at: a reader handed out after this hears
   * of every write that commits later, in whatever context.
   */
  async ready(): Promise<void> {
    await this.#told;
  }

  /**
   * A bridged change event said the store moved: read its real revision, and if it did move past what
   * this context was told, tell listeners the ids its entries have after that (or a clear, when they no
   * longer reach back that far). A forged hint thus costs one read and emits nothing false.
   */
  async #checkHint(deliver: (event: ChangeEvent) => void, listening: boolean): Promise<void> {
    const told = await this.#told;
    const db = await this.#db;
    const tx = db.transaction(['entries', 'meta']);
    const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
    if (state.revision <= told) return;
    this.#told = Promise.resolve(state.revision);
    this.#revisions.next(state.revision);
    // Nobody in this context listens for ids (a store opened for its blobs, or read by a sync that
    // wakes on revisions): the revision is noted, and the keys of the commit are not read for no one.
    if (!listening) return;
    const base = { store: this.options.name, owner: this.options.owner, revision: state.revision };
    if (state.horizon > told) {
      deliver({ ...base, ids: [], operation: 'clear' });
      return;
    }
    // Keys only (the indexes' primary keys are ids; the ids in revision order): the records stay where
    // they are for whoever is told to read them, and a first population's page is not cloned into every
    // context. The tombstones' ids tell removals from puts.
    const [ids, tombstones] = await Promise.all([
      tx.objectStore('entries').index('byRev').getAllKeys(IDBKeyRange.lowerBound(told, true)),
      tx.objectStore('entries').index('tombstones').getAllKeys(),
    ]);
    const removed = new Set(tombstones);
    const kinds = new Set(ids.map((id) => (removed.has(id) ? 'remove' : 'put')));
    const [only] = kinds;
    deliver({ ...base, ids, operation: kinds.size === 1 && only !== undefined ? only : 'mixed' });
  }

  static open<T, S extends DBSchema | unknown = unknown>(
    options: RevisionedStoreOptions,
  ): { store: RevisionedStore<T, S>; ownerKey: OwnerKey } {
    const store = new RevisionedStore<T, S>(options);
    return { store, ownerKey: store.#ownerKey };
  }

  /** Reopens the database with the owner's extra object stores, creating what is missing. */
  async applySchema(key: OwnerKey, schema: StoreSchema): Promise<void> {
    this.assertOwner(key);
    const db = await this.#db;
    if (hasSchema(db as unknown as Parameters<typeof hasSchema>[0], schema)) return;
    db.close();
    this.#schema = schema;
    this.#db = this.#connect(schema);
    await this.#db;
  }

  /**
   * Opens the database. A connection closed for another context's version change (the owner adding
   * its schema after this reader opened the store, a reader migrating an old layout) is opened again
   * at once, at the version that change made: without it every later read here would fail with "the
   * database connection is closing".
   */
  #connect(schema: StoreSchema | undefined): Promise<Db<T>> {
    const db: Promise<Db<T>> = openRevisionedDb<T>(this.options.dbName, schema, () => {
      if (this.#db === db && !this.#closed) this.#db = this.#connect(this.#schema);
    });
    return db;
  }

  get name(): string {
    return this.options.name;
  }
  get owner(): string {
    return this.options.owner;
  }
  get accessLevel(): AccessLevel {
    return this.options.accessLevel;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#unbridge();
    this.#revisions.complete();
    (await this.#db).close();
  }

  /** Closes and deletes the database. Only the platform calls this, on uninstall. */
  async destroy(key: OwnerKey): Promise<void> {
    this.assertOwner(key);
    await this.close();
    this.forgetKnownIds();
    await deleteDB(this.options.dbName);
    this.#db = Promise.reject(new Error(`store "${this.options.name}" of ${this.options.owner} was removed`));
    this.#db.catch(() => undefined);
  }

  async get(id: string): Promise<T | undefined> {
    return recordOf(await (await this.#db).get('entries', id));
  }

  async getMany(ids: readonly string[], seenAt?: readonly number[]): Promise<Array<T | undefined>> {
    return readRecords(await this.#db, ids, seenAt);
  }

  async getLength(): Promise<number> {
    return countRecords(await this.#db);
  }

  async getRevision(): Promise<number> {
    return (await this.#readState()).revision;
  }

  async getEpoch(): Promise<string> {
    return (await this.#readState()).epoch;
  }

  async keys(afterId?: string, limit = 500): Promise<string[]> {
    return readRecordKeys(await this.#db, afterId, limit);
  }

  async getBlob(id: string): Promise<StoredBlob | undefined> {
    return (await this.#db).get('blobs', id);
  }

  /** Which of the blob ids are stored, in ONE read of their keys (no blob is read). */
  async hasBlobs(key: OwnerKey, ids: readonly string[]): Promise<boolean[]> {
    this.assertOwner(key);
    if (ids.length === 0) return [];
    const tx = (await this.#db).transaction('blobs');
    const found = await Promise.all(ids.map((id) => tx.store.getKey(id)));
    return found.map((stored) => stored !== undefined);
  }

  async getMeta(key: OwnerKey, metaKey: string): Promise<unknown> {
    this.assertOwner(key);
    return (await this.#db).get('meta', OWNER_META_PREFIX + metaKey);
  }

  async putBlob(key: OwnerKey, id: string, blob: StoredBlob): Promise<void> {
    this.assertOwner(key);
    await (await this.#db).put('blobs', { bytes: blob.bytes, mediaType: blob.mediaType }, id);
  }

  async putBlobs(key: OwnerKey, blobs: ReadonlyArray<{ id: string; blob: StoredBlob }>): Promise<void> {
    this.assertOwner(key);
    const tx = (await this.#db).transaction('blobs', 'readwrite');
    await Promise.all([
      ...blobs.map(({ id, blob }) => tx.store.put({ bytes: blob.bytes, mediaType: blob.mediaType }, id)),
      tx.done,
    ]);
  }

  async removeBlob(key: OwnerKey, id: string): Promise<void> {
    this.assertOwner(key);
    await (await this.#db).delete('blobs', id);
  }

  async #readState(): Promise<StoreState> {
    return (await (await this.#db).get('meta', STATE_KEY)) as StoreState;
  }

  /** Throws unless `key` is this store's owner key. */
  assertOwner(key: OwnerKey | undefined): void {
    if (key !== this.#ownerKey) {
      throw new AccessError(`only ${this.options.owner} may write its "${this.options.name}" store`);
    }
  }

  /** Applies the operations in one readwrite transaction; returns the revision after them. */
  async write(
    key: OwnerKey,
    operations: readonly WriteOperation<T>[],
    options: BulkOptions & { addOnly?: boolean } = {},
  ): Promise<number> {
    return this.transact(key, [], async (tx) => {
      await tx.bulk(operations, options.addOnly === true);
      for (const [metaKey, value] of Object.entries(options.meta ?? {})) await tx.setMeta(metaKey, value);
      return tx.revision;
    });
  }

  /**
   * Runs `body` in ONE readwrite transaction over the entries, the state and the owner's extra object
   * stores, then announces the change. `body` must await only IndexedDB requests of this transaction:
   * awaiting anything else lets IndexedDB commit early. A throw aborts everything the body did.
   */
  async transact<R, const Scope extends StoreNames<S> = never>(
    key: OwnerKey,
    extraStores: readonly Scope[],
    body: (tx: OwnerTransaction<T, S, Scope>) => Promise<R>,
  ): Promise<R> {
    this.assertOwner(key);
    const db = await this.#db;
    const names = ['entries', 'meta', ...extraStores] as ('entries' | 'meta')[];
    const tx: LogWriteTransaction<T> = db.transaction(names, 'readwrite');
    // The extra stores are the owner's schema's, beside the store's own: one cast joins the two.
    const extra = tx as unknown as IDBPTransaction<S, Scope[], 'readwrite'>;
    tx.done.catch(() => undefined);
    const changedIds: string[] = [];
    const kinds = new Set<ChangeEvent['operation']>();
    const records = new Map<string, T | undefined>();
    const track = (operations: readonly WriteOperation<T>[]) => {
      for (const operation of operations) {
        if (operation.operation === 'clear') records.clear();
        else records.set(operation.id, operation.operation === 'put' ? operation.data : undefined);
      }
      return operations;
    };
    const { result, state } = await abortOnError(tx, async () => {
      const current = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
      const note = (operation: ChangeEvent['operation'], id?: string) => {
        kinds.add(operation);
        if (id !== undefined) changedIds.push(id);
      };
      const ownerTx: OwnerTransaction<T, S, Scope> = {
        get revision() {
          return current.revision;
        },
        get: async (id) => recordOf(await tx.objectStore('entries').get(id)),
        put: (id, data, addOnly = false) =>
          applyOperations(
            this.#writePolicy,
            tx,
            current,
            track([{ operation: 'put', id, data }]),
            addOnly,
            note,
          ),
        remove: (id) =>
          applyOperations(this.#writePolicy, tx, current, track([{ operation: 'remove', id }]), false, note),
        clear: () =>
          applyOperations(this.#writePolicy, tx, current, track([{ operation: 'clear' }]), false, note),
        bulk: (operations, addOnly = false) =>
          applyOperations(this.#writePolicy, tx, current, track(operations), addOnly, note),
        getMeta: (metaKey) => tx.objectStore('meta').get(OWNER_META_PREFIX + metaKey),
        setMeta: async (metaKey, value) => {
          await tx.objectStore('meta').put(value, OWNER_META_PREFIX + metaKey);
        },
        objectStore: <Name extends Scope>(name: Name) => {
          if (!extraStores.includes(name)) throw new Error(`"${name}" is not in this transaction's scope`);
          return extra.objectStore(name) as ExtraObjectStore<S, Name, 'readwrite'>;
        },
      };
      const result = await body(ownerTx);
      await dropExcessTombstones(this.options.maxTombstones, tx, current);
      await tx.objectStore('meta').put(current, STATE_KEY);
      await tx.done;
      return { result, state: current };
    });
    if (kinds.size > 0) {
      const revision = state.revision;
      this.#told = this.#told.then((told) => Math.max(told, revision));
      const [only] = kinds;
      const event: ChangeEvent = {
        store: this.options.name,
        owner: this.options.owner,
        revision: state.revision,
        ids: changedIds,
        operation: kinds.size === 1 && only !== undefined ? only : 'mixed',
      };
      attachWrittenRecords(event, records);
      this.options.bus.publish(this.options.dbName, event);
      this.#revisions.next(revision);
    }
    return result;
  }

  async compact(key: OwnerKey, now = this.options.now()): Promise<CompactionResult> {
    this.assertOwner(key);
    const db = await this.#db;
    const tx = db.transaction(['entries', 'meta'], 'readwrite');
    const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
    let dropped = 0;
    let cursor = await tx
      .objectStore('entries')
      .index('tombstones')
      .openCursor(IDBKeyRange.upperBound(now - this.options.tombstoneRetentionMs));
    while (cursor) {
      state.horizon = Math.max(state.horizon, cursor.value.rev);
      await cursor.delete();
      dropped += 1;
      cursor = await cursor.continue();
    }
    if (state.tombstones !== undefined) state.tombstones -= dropped;
    await tx.objectStore('meta').put(state, STATE_KEY);
    await tx.done;
    return { tombstonesDropped: dropped, horizon: state.horizon };
  }

  sync(from?: number | SyncPoint): SyncCursor<T> {
    return new SyncTaskCursor<T>(
      async (position) => readSyncPage(await this.#db, this.options.syncPageSize, position),
      from,
    );
  }

  async readExtra<R, const Names extends readonly StoreNames<S>[]>(
    key: OwnerKey,
    extraStores: Names,
    body: (stores: ExtraObjectStores<S, Names, 'readonly'>) => Promise<R>,
  ): Promise<R> {
    this.assertOwner(key);
    // The extra stores are the owner's schema's, beside the store's own: one cast joins the two.
    const db = (await this.#db) as unknown as IDBPDatabase<S>;
    const tx = db.transaction([...extraStores], 'readonly');
    return body(extraStores.map((name) => tx.objectStore(name)) as ExtraObjectStores<S, Names, 'readonly'>);
  }
}
