import type { DBSchema } from 'idb';
import type { Observable } from 'rxjs';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { ConsumerPlatform } from './consumerPlatform';
import {
  type ConsumerChange,
  type ConsumerSync,
  type ConsumerSyncOptions,
  type ConsumerSyncStatus,
  createConsumerSync,
} from './consumerSync';
import { liveQuery } from './liveQuery';

/** What every consumer app's engine is created with; an app adds its own settings. */
export interface ConsumerEngineOptions {
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

/** What an app's engine adds to its options: its rows, how it projects them, and its default database. */
export type EngineProjection<S extends DBSchema | unknown = unknown> = Pick<
  ConsumerSyncOptions<S>,
  'schema' | 'project' | 'region' | 'projectionVersion'
> & {
  defaultDbName: string;
};

/** The sync engine under a consumer app's engine, from the options the app was created with. */
export function createEngineSync<S extends DBSchema | unknown = unknown>(
  options: ConsumerEngineOptions,
  engine: EngineProjection<S>,
): Promise<ConsumerSync<S>> {
  return createConsumerSync<S>({
    platform: options.platform,
    identity: options.identity,
    dbName: options.dbName ?? engine.defaultDbName,
    region: engine.region,
    schema: engine.schema,
    project: engine.project,
    ...(engine.projectionVersion === undefined ? {} : { projectionVersion: engine.projectionVersion }),
    ...(options.beforeCommit === undefined ? {} : { beforeCommit: options.beforeCommit }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
}

/** What a consumer app's engine has besides its queries: the sync engine under it, and its lifecycle. */
export interface ConsumerEngine<S extends DBSchema | unknown = unknown>
  extends Pick<ConsumerSync<S>, 'status$' | 'status' | 'syncNow' | 'whenIdle' | 'stop'> {
  readonly sync: ConsumerSync<S>;
  /** After each commit: whose rows changed. Live queries re-run on it. */
  readonly changes$: Observable<ConsumerChange>;
}

/** A consumer app's engine over its sync engine: the lifecycle is the sync engine's; apps add queries. */
export abstract class ConsumerEngineBase<S extends DBSchema | unknown = unknown>
  implements ConsumerEngine<S>
{
  readonly sync: ConsumerSync<S>;
  readonly status$: Observable<ConsumerSyncStatus>;
  readonly changes$: Observable<ConsumerChange>;

  constructor(sync: ConsumerSync<S>) {
    this.sync = sync;
    this.status$ = sync.status$;
    this.changes$ = sync.changes$;
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
