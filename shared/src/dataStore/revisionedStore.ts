import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { Observable } from 'rxjs';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { AccessError, type AccessLevel } from '../access/accessLevel';
import type { ChangeBus } from './changeBus';
import { SyncTaskCursor } from './syncTaskCursor';
import type {
  BulkOptions,
  ChangeEvent,
  CompactionResult,
  DataStoreReader,
  ExtraObjectStore,
  OwnerTransaction,
  StoredBlob,
  StoreSchema,
  SyncCursor,
  SyncPoint,
  SyncTask,
  TransactionalDataStoreOwner,
  WriteOperation,
} from './types';

/**
 * One entry per record id: the latest operation on it. A newer write replaces the id's entry, so the
 * log is coalesced as it is written and stays bounded by live records plus retained tombstones.
 */
export interface LogEntry {
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
}

interface StoreState {
  revision: number;
  /** A sync from a revision below this cannot be incremental (a clear or dropped tombstones). */
  horizon: number;
  epoch: string;
}

interface RevisionedSchema<T> extends DBSchema {
  records: { key: string; value: T };
  log: { key: number; value: LogEntry; indexes: { byId: string; tombstones: number } };
  meta: { key: string; value: unknown };
  blobs: { key: string; value: StoredBlob };
}

type Db<T> = IDBPDatabase<RevisionedSchema<T>>;

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

const STATE_KEY = 'state';
const OWNER_META_PREFIX = 'owner:';

/** The capability that proves a caller is the owner. Only the platform hands it out, inside the owner handle. */
export interface OwnerKey {
  readonly store: string;
}

/**
 * A named, revisioned key/value store over IndexedDB: the Firefox OS DataStore, with an owner that writes
 * and readers that sync. Writes carry the owner key; calls without it are refused.
 */
export class RevisionedStore<T> {
  readonly #ownerKey: OwnerKey;
  readonly changes$: Observable<ChangeEvent>;
  #db: Promise<Db<T>>;
  /** The last revision listeners in this context were told of; hints below it are stale. */
  #told: Promise<number>;
  #hints: Promise<void> = Promise.resolve();
  readonly #unbridge: () => void;

  private constructor(
    readonly options: RevisionedStoreOptions,
    db: Promise<Db<T>>,
  ) {
    this.#ownerKey = Object.freeze({ store: options.dbName });
    this.#db = db;
    this.changes$ = options.bus.channel(options.dbName);
    this.#told = db.then(
      async (opened) => ((await opened.get('meta', STATE_KEY)) as StoreState).revision,
      () => 0,
    );
    // Another context's write reaches us as a hint only: what listeners hear is read from this store.
    this.#unbridge = options.bus.verifyBridged(options.dbName, (_hint, deliver) => {
      this.#hints = this.#hints.then(() => this.#checkHint(deliver)).catch(() => undefined);
    });
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
   * this context was told, tell listeners the ids its log has after that (or a clear, when the log no
   * longer reaches back that far). A forged hint thus costs one read and emits nothing false.
   */
  async #checkHint(deliver: (event: ChangeEvent) => void): Promise<void> {
    const told = await this.#told;
    const db = await this.#db;
    const tx = db.transaction(['log', 'meta']);
    const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
    if (state.revision <= told) return;
    this.#told = Promise.resolve(state.revision);
    const base = { store: this.options.name, owner: this.options.owner, revision: state.revision };
    if (state.horizon > told) {
      deliver({ ...base, ids: [], operation: 'clear' });
      return;
    }
    const entries = await tx.objectStore('log').getAll(IDBKeyRange.lowerBound(told, true));
    const kinds = new Set(entries.map((entry) => entry.op));
    const [only] = kinds;
    deliver({
      ...base,
      ids: entries.map((entry) => entry.id),
      operation: kinds.size === 1 && only !== undefined ? only : 'mixed',
    });
  }

  static open<T>(options: RevisionedStoreOptions): { store: RevisionedStore<T>; ownerKey: OwnerKey } {
    const store = new RevisionedStore<T>(options, openRevisionedDb<T>(options.dbName, undefined));
    return { store, ownerKey: store.#ownerKey };
  }

  /** Reopens the database with the owner's extra object stores, creating what is missing. */
  async applySchema(key: OwnerKey, schema: StoreSchema): Promise<void> {
    this.#assertOwner(key);
    const db = await this.#db;
    if (
      db.version >= schema.version + 1 &&
      schema.stores.every((spec) => (db.objectStoreNames as DOMStringList).contains(spec.name))
    ) {
      return;
    }
    db.close();
    this.#db = openRevisionedDb<T>(this.options.dbName, schema);
    await this.#db;
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
    this.#unbridge();
    (await this.#db).close();
  }

  /** Closes and deletes the database. Only the platform calls this, on uninstall. */
  async destroy(key: OwnerKey): Promise<void> {
    this.#assertOwner(key);
    await this.close();
    await deleteDB(this.options.dbName);
    this.#db = Promise.reject(new Error(`store "${this.options.name}" of ${this.options.owner} was removed`));
    this.#db.catch(() => undefined);
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.#db).get('records', id);
  }

  /**
   * Many records at once. When the ids cover most of their key range (a first sync reads every record
   * of a store), the range is read with one `getAll` instead of a request per id: in a browser each
   * request is a round trip to the IndexedDB backend.
   */
  async getMany(ids: readonly string[]): Promise<Array<T | undefined>> {
    const tx = (await this.#db).transaction('records');
    if (ids.length >= RANGE_READ_MIN) {
      // Code-unit order, which is how IndexedDB orders string keys.
      const sorted = [...ids].sort();
      const range = IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!);
      if ((await tx.store.count(range)) <= RANGE_READ_SPREAD * ids.length) {
        const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
        const byId = new Map(keys.map((key, i) => [key as string, values[i] as T]));
        return ids.map((id) => byId.get(id));
      }
    }
    return Promise.all(ids.map((id) => tx.store.get(id)));
  }

  async getLength(): Promise<number> {
    return (await this.#db).count('records');
  }

  async getRevision(): Promise<number> {
    return (await this.#readState()).revision;
  }

  async getEpoch(): Promise<string> {
    return (await this.#readState()).epoch;
  }

  async keys(afterId?: string, limit = 500): Promise<string[]> {
    const range = afterId === undefined ? undefined : IDBKeyRange.lowerBound(afterId, true);
    return (await this.#db).getAllKeys('records', range, limit);
  }

  async getBlob(id: string): Promise<StoredBlob | undefined> {
    return (await this.#db).get('blobs', id);
  }

  async getMeta(key: OwnerKey, metaKey: string): Promise<unknown> {
    this.#assertOwner(key);
    return (await this.#db).get('meta', OWNER_META_PREFIX + metaKey);
  }

  async putBlob(key: OwnerKey, id: string, blob: StoredBlob): Promise<void> {
    this.#assertOwner(key);
    await (await this.#db).put('blobs', { bytes: blob.bytes, mediaType: blob.mediaType }, id);
  }

  async removeBlob(key: OwnerKey, id: string): Promise<void> {
    this.#assertOwner(key);
    await (await this.#db).delete('blobs', id);
  }

  async #readState(): Promise<StoreState> {
    return (await (await this.#db).get('meta', STATE_KEY)) as StoreState;
  }

  #assertOwner(key: OwnerKey | undefined): void {
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
   * Runs `body` in ONE readwrite transaction over the records, the log and the owner's extra object
   * stores, then announces the change. `body` must await only IndexedDB requests of this transaction:
   * awaiting anything else lets IndexedDB commit early. A throw aborts everything the body did.
   */
  async transact<R>(
    key: OwnerKey,
    extraStores: readonly string[],
    body: (tx: OwnerTransaction<T>) => Promise<R>,
  ) {
    this.#assertOwner(key);
    const db = await this.#db;
    const names = ['records', 'log', 'meta', ...extraStores] as ('records' | 'log' | 'meta')[];
    const tx = db.transaction(names, 'readwrite');
    tx.done.catch(() => undefined);
    const changedIds: string[] = [];
    const kinds = new Set<ChangeEvent['operation']>();
    let result: R;
    let state: StoreState;
    try {
      state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
      const current = state;
      const note = (operation: ChangeEvent['operation'], id?: string) => {
        kinds.add(operation);
        if (id !== undefined) changedIds.push(id);
      };
      const ownerTx: OwnerTransaction<T> = {
        get revision() {
          return current.revision;
        },
        get: (id) => tx.objectStore('records').get(id),
        put: (id, data, addOnly = false) =>
          this.#applyMany(tx, current, [{ operation: 'put', id, data }], addOnly, note),
        remove: (id) => this.#applyMany(tx, current, [{ operation: 'remove', id }], false, note),
        clear: () => this.#applyMany(tx, current, [{ operation: 'clear' }], false, note),
        bulk: (operations, addOnly = false) => this.#applyMany(tx, current, operations, addOnly, note),
        getMeta: (metaKey) => tx.objectStore('meta').get(OWNER_META_PREFIX + metaKey),
        setMeta: async (metaKey, value) => {
          await tx.objectStore('meta').put(value, OWNER_META_PREFIX + metaKey);
        },
        objectStore: (name) => {
          if (!extraStores.includes(name)) throw new Error(`"${name}" is not in this transaction's scope`);
          return (tx as unknown as IDBPTransaction<unknown, string[], 'readwrite'>).objectStore(name);
        },
      };
      result = await body(ownerTx);
      await this.#dropExcessTombstones(tx, state);
      await tx.objectStore('meta').put(state, STATE_KEY);
      await tx.done;
    } catch (error) {
      // An error inside the transaction aborts it; make sure nothing half-applied survives.
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      throw error;
    }
    if (kinds.size > 0) {
      const revision = state.revision;
      this.#told = this.#told.then((told) => Math.max(told, revision));
      const [only] = kinds;
      this.options.bus.publish(this.options.dbName, {
        store: this.options.name,
        owner: this.options.owner,
        revision: state.revision,
        ids: changedIds,
        operation: kinds.size === 1 && only !== undefined ? only : 'mixed',
      });
    }
    return result;
  }

  /**
   * Applies the operations in order, as one `put`/`remove`/`clear` after another would, but with the
   * requests pipelined: the log entries of every id between two clears are looked up together, the
   * outcome of each operation is worked out in memory, and the writes are issued together and awaited
   * once. IndexedDB runs a transaction's requests in the order they were made, so the store ends up
   * exactly as with sequential awaits, in two round trips instead of four per operation (what bulk
   * imports and the GCDS's regroups spend their time on with a real, out-of-process IndexedDB).
   */
  async #applyMany(
    tx: IDBPTransaction<RevisionedSchema<T>, ('records' | 'log' | 'meta')[], 'readwrite'>,
    state: StoreState,
    operations: readonly WriteOperation<T>[],
    addOnly: boolean,
    note: (operation: ChangeEvent['operation'], id?: string) => void,
  ): Promise<void> {
    const log = tx.objectStore('log');
    const records = tx.objectStore('records');
    let start = 0;
    while (start < operations.length) {
      const first = operations[start]!;
      if (first.operation === 'clear') {
        state.revision += 1;
        await Promise.all([records.clear(), log.clear()]);
        state.horizon = state.revision;
        note('clear');
        start += 1;
        continue;
      }
      let end = start;
      while (end < operations.length && operations[end]!.operation !== 'clear') end += 1;
      const segment = operations.slice(start, end) as Exclude<WriteOperation<T>, { operation: 'clear' }>[];
      const ids = [...new Set(segment.map((operation) => operation.id))];
      const found = await Promise.all(ids.map((id) => log.index('byId').get(id)));
      const latest = new Map<string, LogEntry | undefined>(ids.map((id, i) => [id, found[i]]));
      // Everything is decided before the first write goes out, so a refusal leaves no request behind.
      const writes: Array<() => Promise<unknown>> = [];
      const notes: Array<['put' | 'remove', string]> = [];
      let revision = state.revision;
      for (const operation of segment) {
        const previous = latest.get(operation.id);
        const exists = previous !== undefined && previous.op === 'put';
        if (operation.operation === 'remove') {
          if (!exists) continue;
          revision += 1;
          const entry: LogEntry = {
            rev: revision,
            id: operation.id,
            op: 'remove',
            born: previous.born,
            tomb: this.options.now(),
          };
          writes.push(
            () => log.delete(previous.rev),
            () => log.put(entry),
            () => records.delete(operation.id),
          );
          latest.set(operation.id, entry);
          notes.push(['remove', operation.id]);
          continue;
        }
        if (addOnly && exists) {
          throw new Error(`"${operation.id}" already exists in ${this.options.owner}/${this.options.name}`);
        }
        revision += 1;
        const entry: LogEntry = {
          rev: revision,
          id: operation.id,
          op: 'put',
          // Written again after a removal: a reader that held the earlier lifetime must still hear of it.
          born: previous !== undefined ? previous.born : revision,
        };
        if (previous !== undefined) writes.push(() => log.delete(previous.rev));
        writes.push(
          () => log.put(entry),
          () => records.put(operation.data, operation.id),
        );
        latest.set(operation.id, entry);
        notes.push(['put', operation.id]);
      }
      state.revision = revision;
      await issueAll(writes);
      for (const [operation, id] of notes) note(operation, id);
      start = end;
    }
  }

  async #dropExcessTombstones(
    tx: IDBPTransaction<RevisionedSchema<T>, ('records' | 'log' | 'meta')[], 'readwrite'>,
    state: StoreState,
  ): Promise<void> {
    const index = tx.objectStore('log').index('tombstones');
    let excess = (await index.count()) - this.options.maxTombstones;
    if (excess <= 0) return;
    let cursor = await index.openCursor();
    while (cursor && excess > 0) {
      state.horizon = Math.max(state.horizon, cursor.value.rev);
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
  }

  async compact(key: OwnerKey, now = this.options.now()): Promise<CompactionResult> {
    this.#assertOwner(key);
    const db = await this.#db;
    const tx = db.transaction(['log', 'meta'], 'readwrite');
    const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
    let dropped = 0;
    let cursor = await tx
      .objectStore('log')
      .index('tombstones')
      .openCursor(IDBKeyRange.upperBound(now - this.options.tombstoneRetentionMs));
    while (cursor) {
      state.horizon = Math.max(state.horizon, cursor.value.rev);
      await cursor.delete();
      dropped += 1;
      cursor = await cursor.continue();
    }
    await tx.objectStore('meta').put(state, STATE_KEY);
    await tx.done;
    return { tombstonesDropped: dropped, horizon: state.horizon };
  }

  sync(from?: number | SyncPoint): SyncCursor<T> {
    return new SyncTaskCursor<T>((position) => this.#readSyncPage(position), from);
  }

  /**
   * One page of sync tasks, read in one readonly transaction so a page is a consistent snapshot.
   * Incremental pages walk the log by revision; a reset replays the records by key, then goes on
   * incrementally from the revision the replay started at.
   */
  async #readSyncPage(position: SyncPagePosition): Promise<SyncPage<T>> {
    const db = await this.#db;
    const tx = db.transaction(['records', 'log', 'meta']);
    const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
    const pageSize = this.options.syncPageSize;
    if (position.kind === 'incremental') {
      const { from } = position;
      const stale =
        from < state.horizon ||
        from > state.revision ||
        (position.epoch !== undefined && position.epoch !== state.epoch);
      if (stale) {
        return {
          epoch: state.epoch,
          tasks: [{ operation: 'clear', revision: state.revision }],
          next: replayStart(state),
        };
      }
      const entries = await tx
        .objectStore('log')
        .getAll(IDBKeyRange.lowerBound(position.after, true), pageSize);
      const tasks: SyncTask<T>[] = [];
      const values = await Promise.all(
        entries.map((entry) => (entry.op === 'put' ? tx.objectStore('records').get(entry.id) : undefined)),
      );
      entries.forEach((entry, i) => {
        const seenByReader = entry.born <= from;
        if (entry.op === 'remove') {
          if (seenByReader) tasks.push({ operation: 'remove', id: entry.id, revision: entry.rev });
          return;
        }
        const data = values[i] as T;
        tasks.push({ operation: seenByReader ? 'update' : 'add', id: entry.id, data, revision: entry.rev });
      });
      const last = entries.at(-1);
      if (entries.length < pageSize || last === undefined) {
        return {
          epoch: state.epoch,
          tasks,
          next: null,
          done: { operation: 'done', revision: state.revision, epoch: state.epoch },
        };
      }
      return { epoch: state.epoch, tasks, next: { ...position, after: last.rev } };
    }
    // Replay: every record as an add, by key, then incremental from the revision the replay began at.
    if (state.epoch !== position.epoch || state.horizon > position.snapshot) {
      return {
        epoch: state.epoch,
        tasks: [{ operation: 'clear', revision: state.revision }],
        next: replayStart(state),
      };
    }
    const range =
      position.afterKey === undefined ? undefined : IDBKeyRange.lowerBound(position.afterKey, true);
    const records = tx.objectStore('records');
    const [keys, values] = await Promise.all([
      records.getAllKeys(range, pageSize),
      records.getAll(range, pageSize),
    ]);
    const tasks: SyncTask<T>[] = keys.map((id, i) => ({
      operation: 'add',
      id,
      data: values[i] as T,
      revision: position.snapshot,
    }));
    const lastKey = keys.at(-1);
    if (keys.length < pageSize || lastKey === undefined) {
      return {
        epoch: state.epoch,
        tasks,
        next: { kind: 'incremental', from: position.snapshot, after: position.snapshot, epoch: state.epoch },
      };
    }
    return { epoch: state.epoch, tasks, next: { ...position, afterKey: lastKey } };
  }

  async readExtra<R>(
    key: OwnerKey,
    extraStores: readonly string[],
    body: (stores: ExtraObjectStore<'readonly'>[]) => Promise<R>,
  ): Promise<R> {
    this.#assertOwner(key);
    const db = (await this.#db) as unknown as IDBPDatabase<unknown>;
    const tx = db.transaction(extraStores as string[], 'readonly');
    return body(extraStores.map((name) => tx.objectStore(name)));
  }

  /** Handles that expose only what their holder may do. */
  ownerHandle(key: OwnerKey): TransactionalDataStoreOwner<T> {
    this.#assertOwner(key);
    return ownerHandleOf(this, key);
  }

  readerHandle(): DataStoreReader<T> {
    return readerHandleOf(this);
  }
}

export type SyncPagePosition =
  | { kind: 'incremental'; from: number; after: number; epoch?: string }
  | { kind: 'replay'; snapshot: number; epoch: string; afterKey?: string };

export interface SyncPage<T> {
  epoch: string;
  tasks: SyncTask<T>[];
  next: SyncPagePosition | null;
  done?: Extract<SyncTask<T>, { operation: 'done' }>;
}

function openRevisionedDb<T>(dbName: string, schema: StoreSchema | undefined): Promise<Db<T>> {
  const upgrade = (
    database: IDBPDatabase<unknown>,
    oldVersion: number,
    tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  ) => {
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
    for (const spec of schema?.stores ?? []) {
      const objectStore = database.objectStoreNames.contains(spec.name)
        ? tx.objectStore(spec.name)
        : database.createObjectStore(spec.name, spec.keyPath === undefined ? {} : { keyPath: spec.keyPath });
      for (const index of spec.indexes ?? []) {
        if (!objectStore.indexNames.contains(index.name)) {
          objectStore.createIndex(index.name, index.keyPath, {
            unique: index.unique ?? false,
            multiEntry: index.multiEntry ?? false,
          });
        }
      }
    }
  };
  const version = schema === undefined ? undefined : schema.version + 1;
  const opened = openDB<unknown>(dbName, version, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
    // Another connection (the owner adding its schema, or a delete) needs this one out of the way.
    blocking: () => {
      void opened.then((db) => db.close());
    },
  });
  return opened as unknown as Promise<Db<T>>;
}

/**
 * Issues every request, then awaits them together. A request that throws as it is made (a value that
 * cannot be cloned) aborts the transaction: the ones already made then reject, and are caught here.
 */
async function issueAll(writes: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const write of writes) pending.push(write());
  } catch (error) {
    for (const request of pending) request.catch(() => undefined);
    throw error;
  }
  await Promise.all(pending);
}

/** `getMany` reads a key range whole from this many ids on, when it holds at most SPREAD times as many. */
const RANGE_READ_MIN = 64;
const RANGE_READ_SPREAD = 2;

function replayStart(state: StoreState): SyncPagePosition {
  return { kind: 'replay', snapshot: state.revision, epoch: state.epoch };
}

function readerHandleOf<T>(store: RevisionedStore<T>): DataStoreReader<T> {
  return Object.freeze({
    name: store.name,
    owner: store.owner,
    accessLevel: store.accessLevel,
    changes$: store.changes$,
    get: (id: string) => store.get(id),
    getMany: (ids: readonly string[]) => store.getMany(ids),
    getLength: () => store.getLength(),
    getRevision: () => store.getRevision(),
    getEpoch: () => store.getEpoch(),
    keys: (afterId?: string, limit?: number) => store.keys(afterId, limit),
    sync: (from?: number | SyncPoint) => store.sync(from),
    getBlob: (id: string) => store.getBlob(id),
  });
}

function ownerHandleOf<T>(store: RevisionedStore<T>, key: OwnerKey): TransactionalDataStoreOwner<T> {
  return Object.freeze({
    ...readerHandleOf(store),
    put: (id: string, data: T) => store.write(key, [{ operation: 'put', id, data }]),
    add: async (data: T, id: string = uuidv7()) => {
      await store.write(key, [{ operation: 'put', id, data }], { addOnly: true });
      return id;
    },
    remove: (id: string) => store.write(key, [{ operation: 'remove', id }]),
    clear: () => store.write(key, [{ operation: 'clear' }]),
    bulk: (operations: readonly WriteOperation<T>[], options?: BulkOptions) =>
      store.write(key, operations, options),
    getMeta: (metaKey: string) => store.getMeta(key, metaKey),
    putBlob: (id: string, blob: StoredBlob) => store.putBlob(key, id, blob),
    removeBlob: (id: string) => store.removeBlob(key, id),
    compact: (now?: number) => store.compact(key, now),
    transact: <R>(extraStores: readonly string[], body: (tx: OwnerTransaction<T>) => Promise<R>) =>
      store.transact(key, extraStores, body),
    readExtra: <R>(
      extraStores: readonly string[],
      body: (stores: ExtraObjectStore<'readonly'>[]) => Promise<R>,
    ) => store.readExtra(key, extraStores, body),
  });
}
