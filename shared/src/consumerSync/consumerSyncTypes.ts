import type { DBSchema, IDBPDatabase, StoreNames, StoreValue } from 'idb';
import type { Observable } from 'rxjs';
import type { StatusError } from '../async/statusError';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { MergedContact } from '../mergedView/mergedContact';
import type { PersonRecord } from '../person/person';
import type { ConsumerPlatform } from './consumerPlatform';
import type { ConsumerSchema } from './consumerSchema';

/** Every row a consumer stores names the person it was projected from. */
export interface ConsumerRow {
  personId: string;
}

/**
 * One person's rows, by object store name, typed by the consumer's `DBSchema` `S`. A store left out
 * holds no rows for that person.
 */
export type ProjectedRows<S extends DBSchema | unknown = unknown> = {
  readonly [Name in StoreNames<S>]?: readonly (StoreValue<S, Name> & ConsumerRow)[];
};

export interface ConsumerSyncOptions<S extends DBSchema | unknown = unknown> {
  platform: ConsumerPlatform;
  /** The consumer app's identity, issued by the platform: it decides which providers may be read. */
  identity: AppIdentity;
  /** The consumer's own IndexedDB database. */
  dbName: string;
  schema: ConsumerSchema<S>;
  /** The rows to store for one person, computed outside any transaction. Must not throw for good data. */
  project(merged: MergedContact, person: PersonRecord): ProjectedRows<S>;
  /** Default phone region (ISO 3166 alpha-2) for numbers without a country code. */
  region: string;
  /**
   * What the projection depends on besides the data (e.g. the collation locale of sort keys). When it
   * differs from the one the rows were made with, everything is rebuilt from the GCDS in one transaction.
   */
  projectionVersion?: string;
  /**
   * Called inside every commit, after its writes and before it completes, with a label (`reset@12`,
   * `batch@40`). Throwing aborts that transaction: crash-injection tests kill the engine here.
   */
  beforeCommit?: (label: string) => void;
  /**
   * GCDS tasks per transaction, a reset's too (the first batch clears the stores). Unless told, a run's
   * first batch is 250 tasks and each next one twice the last, up to 2,000: the first people show at
   * once, and a first population is a few large commits, not one per 500 people.
   */
  batchSize?: number;
  /** The GCDS store (default: `gcds` owned by `gcds`). */
  gcdsStore?: { name: string; owner: string };
}

export interface ConsumerSyncStatus {
  /** The GCDS revision the consumer's rows reflect (0 before the first commit). */
  revision: number;
  syncing: boolean;
  /** GCDS change events received. */
  events: number;
  /** Sync runs started: bursts of events coalesce, so this grows far slower than `events`. */
  wakeups: number;
  /** Transactions committed. */
  commits: number;
  /** The error of the last run, cleared by the next run that succeeds. */
  lastError: StatusError | undefined;
}

/** Told after every commit: whose rows changed (and whether everything was rebuilt). */
export interface ConsumerChange {
  personIds: readonly string[];
  /** Every row was replaced: live queries should re-run whatever they show. */
  reset: boolean;
  revision: number;
}

/**
 * The consumer sync engine: keeps a consumer's own IndexedDB in step with the GCDS.
 *
 * Usage: `const sync = await createConsumerSync({ platform, identity, dbName, region, schema, project })`.
 * A consumer supplies only its object stores (with their indexes) and a projection from a merged person
 * to rows; `sync.db` is then its database to query, and `sync.changes$` tells when to re-query.
 *
 * - It opens the GCDS store with the consumer's identity; the platform removes pointers above the
 *   consumer's level and hides people it may read nothing of. It reads pointed provider records with
 *   the same identity: a refused provider (AccessError) or a vanished record is skipped. Access is the
 *   platform's doing, and `composeMergedContact` checks levels again.
 * - Exactly once: a batch of GCDS tasks, the rows they produce and the GCDS sync point are written in
 *   ONE transaction. A reset (the GCDS `clear` task, a first sync, a new `projectionVersion`) clears
 *   the stores with its first batch, and every batch after commits as it comes, so an app shows the
 *   first people of a first population at once. A batch in the middle of a replay after a `clear`
 *   saves a point the GCDS answers with a reset: a crash there starts the replay again.
 * - Resume: a new engine over the same `dbName` continues from the saved sync point.
 * - Wake-ups: GCDS change events start a run; events during a run schedule exactly one more.
 */
export interface ConsumerSync<S extends DBSchema | unknown = unknown> extends ConsumerSyncControl {
  /** The consumer's database, typed by its schema, for its queries. Writes belong to the engine. */
  readonly db: IDBPDatabase<S>;
  /**
   * People composed now, as a sync would project them: their GCDS records read through the engine's
   * own GCDS reader (the consumer's identity, under the row policy), the provider records they point
   * at read with the same identity, merged at the consumer's level. Undefined for whoever the consumer
   * may see nothing of (unknown, hidden, or only in providers above its level). For a view too large
   * to store with every person (a contact's detail), read when the user opens it.
   */
  composePeople(personIds: readonly string[]): Promise<Array<MergedContact | undefined>>;
}

/** A consumer sync engine as whoever drives it sees it, whatever its schema: status, changes, lifecycle. */
export interface ConsumerSyncControl {
  readonly status$: Observable<ConsumerSyncStatus>;
  readonly changes$: Observable<ConsumerChange>;
  /**
   * The rows a change's commit wrote, by person (null: the person has none now), for a change this sync
   * emitted that was not a reset: what an in-memory follower needs, without reading the rows back.
   */
  committedRows(change: ConsumerChange): ReadonlyMap<string, ProjectedRows | null> | undefined;
  status(): ConsumerSyncStatus;
  /** Syncs now (or joins the run already scheduled); rejects with that run's error. */
  syncNow(): Promise<void>;
  /** Resolves when no run is running or scheduled. Never rejects: see `status().lastError`. */
  whenIdle(): Promise<void>;
  /** Stops listening, lets the current run finish, closes the database. */
  stop(): Promise<void>;
}
