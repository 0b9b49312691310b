import type { DBSchema, IDBPDatabase } from 'idb';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { SerialQueue } from '../async/serialQueue';
import { statusErrorOf } from '../async/statusError';
import { StatusSubject } from '../async/statusSubject';
import type { DataStoreReader, SyncPoint } from '../dataStore/types';
import type { MergedContact } from '../mergedView/mergedContact';
import type { PersonRecord } from '../person/person';
import { commitRows, readConsumerSyncState } from './consumerRowsCommit';
import { openConsumerDb } from './consumerSchema';
import type {
  ConsumerChange,
  ConsumerSync,
  ConsumerSyncOptions,
  ConsumerSyncStatus,
  ProjectedRows,
} from './consumerSyncTypes';
import { mergedPersonOf, projectPerson } from './personProjection';
import { ProviderRecordReader } from './providerRecordReader';

/** A sync point of no epoch: the GCDS answers it with a reset, as it must a replay stopped half-way. */
const RESTART_POINT: SyncPoint = { epoch: '', revision: 0 };

/**
 * A run's first batch of GCDS tasks when the options do not fix one; each next batch is twice the last.
 * Small, so that an app shows the first people of a first population before its larger batches.
 */
const FIRST_BATCH = 100;
const LARGEST_BATCH = 2_000;

/** Opens the consumer's database, resumes from its saved sync point and starts listening (see `ConsumerSync`). */
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
  /** Each emitted change's rows, while someone holds the change (`committedRows`). */
  readonly #committed = new WeakMap<ConsumerChange, ReadonlyMap<string, ProjectedRows | null>>();
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
    const state = await readConsumerSyncState(this.db);
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

  async composePeople(personIds: readonly string[]): Promise<Array<MergedContact | undefined>> {
    const reader = await this.#gcdsReader();
    if (reader === undefined) return personIds.map(() => undefined);
    const people = await reader.getMany(personIds);
    const visible = people.filter(
      (person): person is PersonRecord => person !== undefined && person.hidden !== true,
    );
    // A reader of its own: providers may have come or gone since the last sync run's.
    const sources = new ProviderRecordReader(this.#options.platform, this.#options.identity);
    const pointed = await sources.read(visible);
    return people.map((person) =>
      person === undefined ? undefined : mergedPersonOf(person, pointed.get(person.id) ?? [], this.#options),
    );
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
          this.#readerSubscription = reader.revisions$.subscribe({
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
    const state = await readConsumerSyncState(this.db);
    const resume = state !== undefined && state.projectionVersion === projectionVersion ? state : undefined;
    let batchSize = this.#options.batchSize ?? FIRST_BATCH;
    const sources = new ProviderRecordReader(this.#options.platform, this.#options.identity);
    const cursor = reader.sync(resume?.point);
    // Without a valid sync point there is nothing to build on: the stores are cleared with the first batch.
    let reset = resume === undefined;
    let pending = new Map<string, PersonRecord | null>();
    let savedRevision = resume?.point.revision;
    /** Everyone written since this run's reset cleared the stores; nobody else can own a row. */
    let sinceReset: Set<string> | undefined;
    const commit = async (point: SyncPoint) => {
      const known = sinceReset;
      const rowless = reset || known === undefined ? undefined : (id: string) => !known.has(id);
      await this.#commit(pending, point, reset, sources, rowless);
      if (reset) sinceReset = new Set();
      for (const id of pending.keys()) sinceReset?.add(id);
    };
    try {
      while (true) {
        const task = await cursor.next();
        if (task.operation === 'done') {
          const point = { epoch: task.epoch, revision: task.revision };
          // Tasks this reader never sees (hidden by the platform) still move the sync point.
          const moved = savedRevision !== point.revision;
          if (reset || pending.size > 0 || moved) await commit(point);
          return;
        }
        if (task.operation === 'clear') {
          // Everything before it is superseded: the stores are cleared with the replay's first batch.
          reset = true;
          pending = new Map();
          continue;
        }
        pending.set(task.id, task.operation === 'remove' ? null : task.data);
        if (pending.size >= batchSize) {
          // Every batch commits, a first population's too, so the app shows people as they come. In the
          // middle of a replay there is no point to resume from: a crash there starts the replay again.
          const point = cursor.resumePoint() ?? RESTART_POINT;
          await commit(point);
          savedRevision = point.revision;
          reset = false;
          pending = new Map();
          if (this.#options.batchSize === undefined) batchSize = Math.min(batchSize * 2, LARGEST_BATCH);
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
    rowless: ((personId: string) => boolean) | undefined,
  ): Promise<void> {
    // A hidden person projects to nothing: its provider records need not be read.
    const people = [...pending.values()].filter(
      (person): person is PersonRecord => person !== null && person.hidden !== true,
    );
    const pointed = await sources.read(people);
    const rows = new Map<string, ProjectedRows | null>();
    for (const [personId, person] of pending) {
      rows.set(
        personId,
        person === null
          ? null
          : projectPerson(person, pointed.get(personId) ?? [], this.#options, this.#storeNames),
      );
    }

    await commitRows(this.db, this.#options.schema, {
      personIds: [...pending.keys()],
      rows,
      point,
      reset,
      rowless,
      projectionVersion: this.#options.projectionVersion ?? '',
      beforeCommit: (label) => this.#options.beforeCommit?.(label),
    });
    this.#update({ revision: point.revision, commits: this.status().commits + 1 });
    const change: ConsumerChange = { personIds: [...pending.keys()], reset, revision: point.revision };
    if (!reset) this.#committed.set(change, rows);
    this.#changes.next(change);
  }

  committedRows(change: ConsumerChange): ReadonlyMap<string, ProjectedRows | null> | undefined {
    return this.#committed.get(change);
  }

  #update(patch: Partial<ConsumerSyncStatus>): void {
    this.#status.update(patch);
  }

  #failed(error: unknown): void {
    this.#update({ lastError: statusErrorOf(error, Date.now()) });
  }
}
