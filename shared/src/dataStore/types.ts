import type { DBSchema, IDBPObjectStore, StoreNames } from 'idb';
import type { Observable } from 'rxjs';
import type { AccessLevel } from '../access/accessLevel';
import type { AnyObjectStoreSpec } from '../idb/objectStoreSpec';

/** What a store's owner declares in its manifest (the `datastores-owned` entry of Firefox OS). */
export interface StoreManifest {
  name: string;
  /** What everyone but the owner may do. Only `readonly` stores are shared in this platform. */
  access: 'readonly';
  /** The lowest app level that may open the store for reading. */
  accessLevel: AccessLevel;
  description?: string;
  /**
   * A row policy registered with the platform (e.g. `readable-pointers`): each reader sees each record
   * as the policy shapes it for that reader's level, or not at all. Unknown policies fail closed.
   */
  rowPolicy?: string;
}

/** One step of a sync cursor (the DataStore `sync()` task). */
export type SyncTask<T> =
  | { operation: 'add'; id: string; data: T; revision: number }
  | { operation: 'update'; id: string; data: T; revision: number }
  | { operation: 'remove'; id: string; revision: number }
  /** Drop everything you hold from this store; a full replay of `add` tasks follows. */
  | { operation: 'clear'; revision: number }
  /** Everything up to `revision` has been delivered; save `{ epoch, revision }` as the next sync point. */
  | { operation: 'done'; revision: number; epoch: string };

/** Where a reader is in a store's history: what it passes to the next `sync`. */
export interface SyncPoint {
  epoch: string;
  revision: number;
}

export type SyncOperation = SyncTask<unknown>['operation'];

/** An async cursor over sync tasks; also usable with `for await`. */
export interface SyncCursor<T> extends AsyncIterable<SyncTask<T>> {
  next(): Promise<SyncTask<T>>;
  /** Stop early; a later `next()` resolves to `done` of the last delivered revision. */
  close(): void;
  /**
   * Where a reader that has applied every task delivered so far may resume, without closing the cursor:
   * undefined while a replay after a `clear` is under way (resuming there would skip the rest of it).
   */
  resumePoint(): SyncPoint | undefined;
}

/** Told to every listener after a write commits. Carries ids only, never record data. */
export interface ChangeEvent {
  store: string;
  owner: string;
  revision: number;
  ids: string[];
  operation: 'put' | 'remove' | 'clear' | 'mixed';
}

export type WriteOperation<T> =
  | { operation: 'put'; id: string; data: T }
  | { operation: 'remove'; id: string }
  | { operation: 'clear' };

/** A stored binary attachment (a photo, a thumbnail): bytes plus their media type. */
export interface StoredBlob {
  bytes: Uint8Array;
  mediaType: string;
}

/** The handle every non-owner gets. It has no write methods; the store refuses their writes regardless. */
export interface DataStoreReader<T> {
  readonly name: string;
  readonly owner: string;
  readonly accessLevel: AccessLevel;
  get(id: string): Promise<T | undefined>;
  /**
   * Records by id, in the ids' order. `seenAt`, when given, is the revision each id was last seen at
   * (a pointer's): records written together are then read by their revision range, in one request.
   */
  getMany(ids: readonly string[], seenAt?: readonly number[]): Promise<Array<T | undefined>>;
  getLength(): Promise<number>;
  getRevision(): Promise<number>;
  /** Ids in key order after `afterId`, at most `limit`; for paging a full read. */
  keys(afterId?: string, limit?: number): Promise<string[]>;
  /**
   * Tasks after `from`. Pass the `{ epoch, revision }` of the last `done` so that a store that was deleted
   * and created again (new epoch) answers with a reset instead of a wrong incremental sync.
   */
  sync(from?: number | SyncPoint): SyncCursor<T>;
  /** A random id fixed when the store's database was created. */
  getEpoch(): Promise<string>;
  getBlob(id: string): Promise<StoredBlob | undefined>;
  readonly changes$: Observable<ChangeEvent>;
  /**
   * The revision of each change, without its ids: the wake-up of a reader that syncs from a cursor and
   * needs no ids. It tells nothing `getRevision` does not, so a row policy has nothing to judge in it and
   * reads nothing for it (a bridged change event costs such a policy a read of every record it names).
   */
  readonly revisions$: Observable<number>;
}

/** The owner's handle: reads plus writes. Each call is one IndexedDB transaction and one revision step. */
export interface DataStoreOwner<T> extends DataStoreReader<T> {
  put(id: string, data: T): Promise<number>;
  /** Stores `data` under a new time-ordered id (uuid v7) unless `id` is given; fails if the id exists. */
  add(data: T, id?: string): Promise<string>;
  remove(id: string): Promise<number>;
  clear(): Promise<number>;
  /**
   * Applies every operation in ONE transaction; returns the revision after the last one.
   * `meta` entries (owner-private, never synced) are written in the same transaction: a sync cursor
   * saved here moves atomically with the data it covers.
   */
  bulk(operations: readonly WriteOperation<T>[], options?: BulkOptions): Promise<number>;
  /** Owner-private metadata written by `bulk({ meta })`. */
  getMeta(key: string): Promise<unknown>;
  putBlob(id: string, blob: StoredBlob): Promise<void>;
  /** Which of the blob ids are stored, in the ids' order, in one transaction (a getBlob each is one each). */
  hasBlobs(ids: readonly string[]): Promise<boolean[]>;
  /** Many blobs in ONE transaction (a put per blob would be a transaction, a round trip, each). */
  putBlobs(blobs: ReadonlyArray<{ id: string; blob: StoredBlob }>): Promise<void>;
  removeBlob(id: string): Promise<void>;
  /** Drops removal tombstones older than the retention window. Syncs from before them get a reset. */
  compact(now?: number): Promise<CompactionResult>;
}

export interface BulkOptions {
  meta?: Record<string, unknown>;
}

export interface CompactionResult {
  tombstonesDropped: number;
  /** Revisions at or below this can no longer be synced incrementally. */
  horizon: number;
}

/**
 * The owner's extra object stores, created in the same database as the records (e.g. match indexes),
 * described for the `DBSchema` `S` that types them: a store or index the schema does not name fails to
 * compile. Bump `version` whenever `stores` changes.
 */
export interface StoreSchema<S extends DBSchema | unknown = unknown> {
  version: number;
  stores: AnyObjectStoreSpec<S>[];
}

/** One of the owner's extra object stores in a transaction, typed by the owner's `DBSchema`. */
export type ExtraObjectStore<
  S extends DBSchema | unknown,
  Name extends StoreNames<S>,
  Mode extends IDBTransactionMode,
> = IDBPObjectStore<S, ArrayLike<StoreNames<S>>, Name, Mode>;

/** The extra object stores `readExtra` hands over, in the order their names were given. */
export type ExtraObjectStores<
  S extends DBSchema | unknown,
  Names extends readonly StoreNames<S>[],
  Mode extends IDBTransactionMode,
> = { -readonly [I in keyof Names]: ExtraObjectStore<S, Names[I] & StoreNames<S>, Mode> };

/**
 * What the body of `transact` may do: every call joins the one transaction. `S` types the owner's
 * extra stores, `Scope` the ones this transaction was opened over.
 */
export interface OwnerTransaction<
  T,
  S extends DBSchema | unknown = unknown,
  Scope extends StoreNames<S> = StoreNames<S>,
> {
  /** The store revision after the writes made so far. */
  readonly revision: number;
  get(id: string): Promise<T | undefined>;
  put(id: string, data: T, addOnly?: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  /**
   * The operations in order, as awaiting `put`/`remove`/`clear` one by one would apply them, with their
   * IndexedDB requests pipelined (a few round trips for the whole batch, not four per record).
   */
  bulk(operations: readonly WriteOperation<T>[], addOnly?: boolean): Promise<void>;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  objectStore<Name extends Scope>(name: Name): ExtraObjectStore<S, Name, 'readwrite'>;
}

/**
 * An owner handle over a store with extra object stores (typed by the `DBSchema` `S`), written together
 * with the records.
 */
export interface TransactionalDataStoreOwner<T, S extends DBSchema | unknown = unknown>
  extends DataStoreOwner<T> {
  transact<R, const Scope extends StoreNames<S> = never>(
    extraStores: readonly Scope[],
    body: (tx: OwnerTransaction<T, S, Scope>) => Promise<R>,
  ): Promise<R>;
  /** A readonly transaction over extra stores (and nothing else), handed over in the order named. */
  readExtra<R, const Names extends readonly StoreNames<S>[]>(
    extraStores: Names,
    body: (stores: ExtraObjectStores<S, Names, 'readonly'>) => Promise<R>,
  ): Promise<R>;
}
