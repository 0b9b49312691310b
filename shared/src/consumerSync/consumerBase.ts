import type { DBSchema } from 'idb';
import type { Observable } from 'rxjs';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { ConsumerPlatform } from './consumerPlatform';
import { createConsumerSync } from './consumerSync';
import type {
  ConsumerChange,
  ConsumerSync,
  ConsumerSyncOptions,
  ConsumerSyncStatus,
} from './consumerSyncTypes';
import { liveQuery } from './liveQuery';

/** What every consumer (an app's data over its own IndexedDB) is created with; an app adds its own settings. */
export interface ConsumerOptions {
  platform: ConsumerPlatform;
  /** The app's identity, issued by the shell: it decides which providers the app may read. */
  identity: AppIdentity;
  /** Default phone region (ISO 3166, `US`): numbers written without a country code are read in it. */
  region: string;
  /** The app's own database (each app has a default name). */
  dbName?: string;
  /** Called inside every commit with its label; throwing aborts it (crash-injection tests). */
  beforeCommit?: (label: string) => void;
  batchSize?: number;
}

/** What a consumer adds to its options: its rows, how it projects them, and its default database. */
export type ConsumerProjection<S extends DBSchema | unknown = unknown> = Pick<
  ConsumerSyncOptions<S>,
  'schema' | 'project' | 'region' | 'projectionVersion'
> & {
  defaultDbName: string;
};

/** The consumer sync under a consumer, from the options the app was created with. */
export function syncForConsumer<S extends DBSchema | unknown = unknown>(
  options: ConsumerOptions,
  projection: ConsumerProjection<S>,
): Promise<ConsumerSync<S>> {
  return createConsumerSync<S>({
    platform: options.platform,
    identity: options.identity,
    dbName: options.dbName ?? projection.defaultDbName,
    region: projection.region,
    schema: projection.schema,
    project: projection.project,
    ...(projection.projectionVersion === undefined
      ? {}
      : { projectionVersion: projection.projectionVersion }),
    ...(options.beforeCommit === undefined ? {} : { beforeCommit: options.beforeCommit }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
}

/** What every consumer has besides its queries: the consumer sync under it, and its lifecycle. */
export interface Consumer<S extends DBSchema | unknown = unknown>
  extends Pick<ConsumerSync<S>, 'status$' | 'status' | 'syncNow' | 'whenIdle' | 'stop'> {
  readonly sync: ConsumerSync<S>;
  /** After each commit: whose rows changed. Live queries re-run on it. */
  readonly changes$: Observable<ConsumerChange>;
}

/** A consumer over its consumer sync: the lifecycle is the sync's; apps add queries. */
export abstract class ConsumerBase<S extends DBSchema | unknown = unknown> implements Consumer<S> {
  readonly sync: ConsumerSync<S>;
  readonly status$: Observable<ConsumerSyncStatus>;
  readonly changes$: Observable<ConsumerChange>;

  /**
   * `changes$` defaults to the sync's; an app that keeps something in memory beside its store
   * passes the changes it announces once that has followed a commit.
   */
  constructor(sync: ConsumerSync<S>, changes$: Observable<ConsumerChange> = sync.changes$) {
    this.sync = sync;
    this.status$ = sync.status$;
    this.changes$ = changes$;
  }

  status(): ConsumerSyncStatus {
    return this.sync.status();
  }

  syncNow(): Promise<void> {
    return this.sync.syncNow();
  }

  whenIdle(): Promise<void> {
    return this.sync.whenIdle();
  }

  stop(): Promise<void> {
    return this.sync.stop();
  }

  /** The query now, then again after every commit (see `liveQuery`). */
  protected live<T>(query: () => Promise<T>): Observable<T> {
    return liveQuery(this.changes$, query);
  }
}
