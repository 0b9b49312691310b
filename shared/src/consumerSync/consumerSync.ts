import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames, StoreValue } from 'idb';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { SerialQueue } from '../async/serialQueue';
import { type StatusError, statusErrorOf } from '../async/statusError';
import { StatusSubject } from '../async/statusSubject';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { DataStoreReader, SyncPoint } from '../dataStore/types';
import { abortOnError } from '../idb/abortOnError';
import { composeMergedContact } from '../mergedView/composeMergedContact';
import type { MergedContact } from '../mergedView/mergedContact';
import type { PersonRecord } from '../person/person';
import type { ConsumerPlatform } from './consumerPlatform';
import {
  type ConsumerSchema,
  isKeyedByPerson,
  openConsumerDb,
  PERSON_INDEX,
  SYNC_STATE_STORE,
} from './consumerSchema';
import { ProviderRecordReader } from './providerRecordReader';

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
  /** Incremental tasks per transaction (default 500). A reset is always one transaction. */
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

interface SyncState {
  point: SyncPoint;
  projectionVersion: string;
}

const STATE_KEY = 'state';

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
 *   ONE transaction. A reset (the GCDS `clear` task, a first sync, a new `projectionVersion`) is
 *   buffered whole and applied in one transaction, so no reader ever sees half of it.
 * - Resume: a new engine over the same `dbName` continues from the saved sync point.
 * - Wake-ups: GCDS change events start a run; events during a run schedule exactly one more.
 */
export interface ConsumerSync<S extends DBSchema | unknown = unknown> extends ConsumerSyncControl {
  /** The consumer's database, typed by its schema, for its queries. Writes belong to the engine. */
  readonly db: IDBPDatabase<S>;
}

/** A consumer sync engine as whoever drives it sees it, whatever its schema: status, changes, lifecycle. */
export interface ConsumerSyncControl {
  readonly status$: Observable<ConsumerSyncStatus>;
  readonly changes$: Observable<ConsumerChange>;
  status(): ConsumerSyncStatus;
  /** Syncs now (or joins the run already scheduled); rejects with that run's error. */
  syncNow(): Promise<void>;
  /** Resolves when no run is running or scheduled. Never rejects: see `status().lastError`. */
  whenIdle(): Promise<void>;
  /** Stops listening, lets the current run finish, closes the database. */
  stop(): Promise<void>;
}

export async function createConsumerSync<S extends DBSchema | unknown = unknown>(
  options: ConsumerSyncOptions<S>,
): Promise<ConsumerSync<S>> {
  if (!options.region) throw new Error('createConsumerSync needs a default phone region');
  // The engine writes whatever stores the schema names, by name: it works on the untyped database.
  const untyped = options as unknown as ConsumerSyncOptions;
  const db = await openConsumerDb(untyped.dbName, untyped.schema);
  const engine = new IdbConsumerSync(untyped, db);
  await engine.start();
  return engine as unknown as ConsumerSync<S>;
}

class IdbConsumerSync implements ConsumerSync {
  readonly db: IDBPDatabase<unknown>;
  readonly status$: Observable<ConsumerSyncStatus>;
  readonly changes$: Observable<ConsumerChange>;
  readonly #options: ConsumerSyncOptions;
  readonly #status: StatusSubject<ConsumerSyncStatus>;
  readonly #changes = new Subject<ConsumerChange>();
  readonly #subscriptions: Subscription[] = [];
  readonly #storeNames: string[];
  readonly #gcds: { name: string; owner: string };
  #reader: Promise<DataStoreReader<PersonRecord> | undefined> | undefined;
  #readerSubscription: Subscription | undefined;
  readonly #runs = new SerialQueue();
  #scheduled: Promise<void> | undefined;
  #stopped = false;

  constructor(options: ConsumerSyncOptions, db: IDBPDatabase<unknown>) {
    this.#options = options;
    this.db = db;
    this.#storeNames = options.schema.stores.map((spec) => spec.name);
    this.#gcds = options.gcdsStore ?? { name: 'gcds', owner: 'gcds' };
    this.#status = new StatusSubject<ConsumerSyncStatus>({
      revision: 0,
      syncing: false,
      events: 0,
      wakeups: 0,
      commits: 0,
      lastError: undefined,
    });
    this.status$ = this.#status.status$;
    this.changes$ = this.#changes.asObservable();
  }

  async start(): Promise<void> {
    const state = await this.#readState();
    if (state !== undefined) this.#update({ revision: state.point.revision });
    this.#subscriptions.push(
      this.#options.platform.announcements$.subscribe({
        next: (announcement) => {
          const { store } = announcement;
          if (store.name !== this.#gcds.name || store.owner !== this.#gcds.owner) return;
          // The GCDS went or came back: reopen it next time (a new store answers with a reset).
          this.#dropReader();
          if (announcement.type === 'installed') this.#wake();
        },
        error: (error: unknown) => this.#failed(error),
      }),
    );
    this.#wake();
  }

  status(): ConsumerSyncStatus {
    return this.#status.value;
  }

  syncNow(): Promise<void> {
    return this.#schedule();
  }

  whenIdle(): Promise<void> {
    return this.#runs.whenIdle();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#dropReader();
    await this.whenIdle();
    this.db.close();
    this.#update({ syncing: false });
    this.#status.complete();
    this.#changes.complete();
  }

  #wake(): void {
    this.#schedule().catch(() => undefined);
  }

  /** At most one run at a time and one waiting: every request made during a run joins the next one. */
  #schedule(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#scheduled !== undefined) return this.#scheduled;
    const run = this.#runs.run(() => {
      this.#scheduled = undefined;
      return this.#run();
    });
    this.#scheduled = run;
    return run;
  }

  #dropReader(): void {
    this.#readerSubscription?.unsubscribe();
    this.#readerSubscription = undefined;
    this.#reader = undefined;
  }

  #gcdsReader(): Promise<DataStoreReader<PersonRecord> | undefined> {
    if (this.#reader === undefined) {
      const { platform, identity } = this.#options;
      this.#reader = platform
        .openStore<PersonRecord>(identity, this.#gcds.name, this.#gcds.owner)
        .then((reader) => {
          if (this.#stopped) return reader;
          this.#readerSubscription = reader.changes$.subscribe({
            next: () => {
              this.#update({ events: this.status().events + 1 });
              this.#wake();
            },
            // The store went away under the feed (closed, uninstalled): reopen it on the next run.
            error: (error: unknown) => {
              this.#dropReader();
              this.#failed(error);
            },
          });
          return reader;
        })
        .catch(async (error: unknown) => {
          this.#reader = undefined;
          const stores = await platform.listStores(this.#gcds.name);
          // Not installed yet: the announcement of its install wakes us.
          if (!stores.some((store) => store.owner === this.#gcds.owner)) return undefined;
          throw error;
        });
    }
    return this.#reader;
  }

  async #run(): Promise<void> {
    if (this.#stopped) return;
    this.#update({ syncing: true, wakeups: this.status().wakeups + 1 });
    try {
      await this.#syncOnce();
      this.#update({ syncing: false, lastError: undefined });
    } catch (error) {
      this.#update({ syncing: false, lastError: statusErrorOf(error, Date.now()) });
      throw error;
    }
  }

  async #syncOnce(): Promise<void> {
    const reader = await this.#gcdsReader();
    if (reader === undefined) return;
    const projectionVersion = this.#options.projectionVersion ?? '';
    const state = await this.#readState();
    const resume = state !== undefined && state.projectionVersion === projectionVersion ? state : undefined;
    const batchSize = this.#options.batchSize ?? 500;
    const sources = new ProviderRecordReader(this.#options.platform, this.#options.identity);
    const cursor = reader.sync(resume?.point);
    // Without a valid sync point there is nothing to build on: the whole sync is one reset.
    let reset = resume === undefined;
    let pending = new Map<string, PersonRecord | null>();
    let lastRevision = resume?.point.revision ?? 0;
    let savedRevision = resume?.point.revision;
    try {
      while (true) {
        const task = await cursor.next();
        if (task.operation === 'done') {
          const point = { epoch: task.epoch, revision: task.revision };
          // Tasks this reader never sees (hidden by the platform) still move the sync point.
          const moved = savedRevision !== point.revision;
          if (reset || pending.size > 0 || moved) await this.#commit(pending, point, reset, sources);
          return;
        }
        if (task.operation === 'clear') {
          // Everything before it is superseded; the replay that follows is applied with the clear.
          reset = true;
          pending = new Map();
          continue;
        }
        pending.set(task.id, task.operation === 'remove' ? null : task.data);
        lastRevision = task.revision;
        if (!reset && resume !== undefined && pending.size >= batchSize) {
          await this.#commit(pending, { epoch: resume.point.epoch, revision: lastRevision }, false, sources);
          savedRevision = lastRevision;
          pending = new Map();
        }
      }
    } finally {
      cursor.close();
    }
  }

  /** Reads and projects outside the transaction, then writes rows and sync point in ONE transaction. */
  async #commit(
    pending: Map<string, PersonRecord | null>,
    point: SyncPoint,
    reset: boolean,
    sources: ProviderRecordReader,
  ): Promise<void> {
    const people = [...pending.values()].filter((person): person is PersonRecord => person !== null);
    const pointed = await sources.read(people);
    const rows = new Map<string, ProjectedRows | null>();
    for (const [personId, person] of pending) {
      rows.set(personId, person === null ? null : this.#project(person, pointed.get(personId) ?? []));
    }

    const tx = this.db.transaction([SYNC_STATE_STORE, ...this.#storeNames], 'readwrite');
    tx.done.catch(() => undefined);
    await abortOnError(tx, async () => {
      const requests: Promise<unknown>[] = [];
      if (reset) {
        for (const name of this.#storeNames) requests.push(tx.objectStore(name).clear());
      } else {
        const stale = await this.#rowKeysOf(tx, [...pending.keys()], rows);
        for (const [name, key] of stale) requests.push(tx.objectStore(name).delete(key));
      }
      for (const projected of rows.values()) {
        if (projected === null) continue;
        for (const [name, storeRows] of Object.entries(projected)) {
          const store = tx.objectStore(name);
          for (const row of storeRows ?? []) requests.push(store.put(row));
        }
      }
      const state: SyncState = { point, projectionVersion: this.#options.projectionVersion ?? '' };
      requests.push(tx.objectStore(SYNC_STATE_STORE).put(state, STATE_KEY));
      await Promise.all(requests);
      this.#options.beforeCommit?.(`${reset ? 'reset' : 'batch'}@${point.revision}`);
      await tx.done;
    });
    this.#update({ revision: point.revision, commits: this.status().commits + 1 });
    this.#changes.next({ personIds: [...pending.keys()], reset, revision: point.revision });
  }

  #project(person: PersonRecord, pointed: Parameters<typeof composeMergedContact>[1]): ProjectedRows | null {
    const projectFrom = (sources: typeof pointed): ProjectedRows | null => {
      const merged = composeMergedContact(person, sources, {
        readerLevel: this.#options.identity.accessLevel,
        region: this.#options.region,
      });
      return merged === undefined ? null : this.#options.project(merged, person);
    };
    let projected: ProjectedRows | null;
    try {
      projected = projectFrom(pointed);
    } catch {
      // A provider record that is not a well-formed contact (a careless provider) must not stop the sync
      // of every person after it: the person is shown from the sources that project on their own.
      const usable = pointed.filter((source) => {
        try {
          return projectFrom([source]) !== null;
        } catch {
          return false;
        }
      });
      projected = usable.length === 0 ? null : projectFrom(usable);
    }
    for (const [name, storeRows] of Object.entries(projected ?? {})) {
      if (!this.#storeNames.includes(name)) {
        throw new Error(`the projection wrote to "${name}", which is not in the consumer schema`);
      }
      for (const row of storeRows ?? []) {
        if (row?.personId !== person.id) {
          throw new Error(`a "${name}" row of person ${person.id} names person ${String(row?.personId)}`);
        }
      }
    }
    return projected;
  }

  /**
   * The primary keys of every row the given people own, store by store, except rows the new rows
   * replace anyway: in a store keyed by person id, the person's new row overwrites the old one, so
   * only a person left without a row there needs a delete (a request less per person and store).
   */
  async #rowKeysOf(
    tx: IDBPTransaction<unknown, string[], 'readwrite'>,
    personIds: readonly string[],
    rows: ReadonlyMap<string, ProjectedRows | null>,
  ): Promise<Array<[string, IDBValidKey]>> {
    const found: Array<[string, IDBValidKey]> = [];
    await Promise.all(
      this.#options.schema.stores.map(async (spec) => {
        const store = tx.objectStore(spec.name);
        if (isKeyedByPerson(spec)) {
          for (const personId of personIds) {
            const replaced = (rows.get(personId)?.[spec.name]?.length ?? 0) > 0;
            if (!replaced) found.push([spec.name, personId]);
          }
          return;
        }
        const index = store.index(PERSON_INDEX);
        const keys = await Promise.all(personIds.map((personId) => index.getAllKeys(personId)));
        for (const list of keys) for (const key of list) found.push([spec.name, key]);
      }),
    );
    return found;
  }

  async #readState(): Promise<SyncState | undefined> {
    return (await this.db.get(SYNC_STATE_STORE, STATE_KEY)) as SyncState | undefined;
  }

  #update(patch: Partial<ConsumerSyncStatus>): void {
    this.#status.update(patch);
  }

  #failed(error: unknown): void {
    this.#update({ lastError: statusErrorOf(error, Date.now()) });
  }
}
