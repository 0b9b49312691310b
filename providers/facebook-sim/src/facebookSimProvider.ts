import {
  DEFAULT_IMPORT_BATCHING,
  defaultThumbnail,
  defineProvider,
  type ImportBatching,
  importBatchSizes,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderManifest,
  SerialQueue,
  type StatusError,
  statusErrorOf,
  type ThumbnailMaker,
} from '@gcds/shared';
import { FacebookApiError } from './facebookErrors';
import { FacebookSync, type FacebookSyncReport } from './facebookSync';
import { checkRetryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryWithBackoff';
import { realSleep, type Sleep } from './sleep';
import type { FacebookSyncState, PassKind, PassReason } from './syncState';
import type { FacebookApi } from './wireFormat';

export const FACEBOOK_SIM_PROVIDER_ID = 'facebook-sim';

/** Certified only: the Gaia seed's legal restriction on Facebook data. Read-only: the user cannot edit it. */
export const FACEBOOK_SIM_MANIFEST: ProviderManifest = Object.freeze({
  displayName: 'Facebook (simulated)',
  accessLevel: 'certified',
  writable: false,
  description: 'Friends synced one way from a simulated social network',
});

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 1000;

/**
 * Pages per store transaction: `batching` (in friends) rounded down to whole pages, at least one. With the
 * defaults, 1 page four times, then 2, 4, 8 and 10 pages (200 to 2,000 friends): the first friends show at once, a large
 * listing takes few transactions, and the server still sees requests of `pageSize`.
 */
export function pagesPerCommit(pageSize: number, batching: ImportBatching): ImportBatching {
  importBatchSizes(batching);
  const pages = (friends: number) => Math.max(1, Math.floor(friends / pageSize));
  return {
    first: pages(batching.first),
    max: pages(batching.max),
    ...(batching.firstBatches === undefined ? {} : { firstBatches: batching.firstBatches }),
  };
}

/** Friends per store transaction of a sync at the provider's defaults (what the bench writes). */
export const DEFAULT_FRIEND_BATCHING: ImportBatching = {
  ...pagesPerCommit(DEFAULT_PAGE_SIZE, DEFAULT_IMPORT_BATCHING),
  first: pagesPerCommit(DEFAULT_PAGE_SIZE, DEFAULT_IMPORT_BATCHING).first * DEFAULT_PAGE_SIZE,
  max: pagesPerCommit(DEFAULT_PAGE_SIZE, DEFAULT_IMPORT_BATCHING).max * DEFAULT_PAGE_SIZE,
};

export interface FacebookSimProviderOptions {
  /** The network: a FacebookServer, or a REST client with the same two endpoints. */
  api: FacebookApi;
  /** Friends per request, 1 to MAX_PAGE_SIZE. Given without `batching`, one page per store transaction. */
  pageSize?: number;
  /**
   * Friends per store transaction, in whole pages (see `pagesPerCommit`), growing from `first` to `max`.
   * Default DEFAULT_IMPORT_BATCHING, unless `pageSize` is given: then one page each, as before.
   */
  batching?: ImportBatching;
  retry?: Partial<RetryPolicy>;
  /** Waits between retries; tests pass a virtual clock. */
  sleep?: Sleep;
  /** For retry jitter. Default Math.random. */
  random?: () => number;
  makeThumbnail?: ThumbnailMaker;
}

export interface FacebookSyncStatus {
  /** `retrying`: a request failed and the next try is waiting out its back-off. */
  state: 'idle' | 'syncing' | 'retrying' | 'failed';
  /** appSync `servercounter_lastsync`: every server change up to it is in the store. */
  lastServerCounter: number;
  /** A first sync or full resync under way (or interrupted, to be resumed by the next sync). */
  listing?: { kind: PassKind; reason: PassReason; position: number };
  retry?: { attempt: number; delayMs: number };
  /** `status` is the HTTP status of a refused request. */
  lastError?: StatusError & { status?: number };
  /** `ctx.now()` when the last sync completed. */
  lastSyncedAt?: number;
}

/** What the provider offers its settings UI and tests. There are no edit methods: the store is read-only. */
export interface FacebookSimApi {
  /** Resumes an interrupted listing, or fetches the changes since the last sync. Calls queue one after another. */
  syncNow(): Promise<FacebookSyncReport>;
  /** Lists everything again from counter 0, then removes local records the server no longer has. */
  fullResync(): Promise<FacebookSyncReport>;
  status(): FacebookSyncStatus;
}

function statusFrom(state: FacebookSyncState, previous: FacebookSyncStatus): FacebookSyncStatus {
  const { listing: _listing, ...rest } = previous;
  return {
    ...rest,
    lastServerCounter: state.servercounter_lastsync,
    ...(state.pass === undefined
      ? {}
      : { listing: { kind: state.pass.kind, reason: state.pass.reason, position: state.pass.position } }),
  };
}

/** The provider of the simulated network's friends, synced one way into a certified, read-only store. */
export function createFacebookSimProvider(
  options: FacebookSimProviderOptions,
): ProviderDefinition<FacebookSimApi> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new Error(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${pageSize}`);
  }
  const batching =
    options.batching ?? (options.pageSize === undefined ? DEFAULT_IMPORT_BATCHING : { first: 1, max: 1 });
  const retry = checkRetryPolicy({ ...DEFAULT_RETRY_POLICY, ...options.retry });
  // One sync at a time, across restarts of the provider: a stop waits for the one under way.
  const syncs = new SerialQueue();

  return defineProvider<FacebookSimApi>({
    id: FACEBOOK_SIM_PROVIDER_ID,
    manifest: FACEBOOK_SIM_MANIFEST,
    async start(ctx: ProviderContext): Promise<FacebookSimApi> {
      let status: FacebookSyncStatus = { state: 'idle', lastServerCounter: 0 };
      const networkSync = new FacebookSync({
        store: ctx.store,
        api: options.api,
        pageSize,
        pagesPerCommit: pagesPerCommit(pageSize, batching),
        retry,
        sleep: options.sleep ?? realSleep,
        random: options.random ?? Math.random,
        makeThumbnail: options.makeThumbnail ?? defaultThumbnail,
        signal: ctx.signal,
        onProgress: (state) => {
          const { retry: _retry, ...rest } = statusFrom(state, status);
          status = { ...rest, state: 'syncing' };
        },
        onRetry: (notice) => {
          status = {
            ...status,
            state: 'retrying',
            retry: { attempt: notice.attempt, delayMs: notice.delayMs },
          };
        },
      });
      status = statusFrom(await networkSync.loadState(), status);

      const queued = (mode: 'sync' | 'full'): Promise<FacebookSyncReport> => {
        return syncs.run(async () => {
          ctx.signal.throwIfAborted();
          status = { ...status, state: 'syncing' };
          try {
            const report = await networkSync.run(mode);
            const { lastError: _cleared, retry: _retry, ...rest } = status;
            status = {
              ...rest,
              state: 'idle',
              lastServerCounter: report.serverCounter,
              lastSyncedAt: ctx.now(),
            };
            return report;
          } catch (error) {
            const { retry: _retry, ...rest } = status;
            status = {
              ...rest,
              state: 'failed',
              lastError: {
                ...statusErrorOf(error, ctx.now()),
                ...(error instanceof FacebookApiError ? { status: error.status } : {}),
              },
            };
            throw error;
          }
        });
      };

      return {
        syncNow: () => queued('sync'),
        fullResync: () => queued('full'),
        status: () => structuredClone(status),
      };
    },
    async stop() {
      // The signal is already aborted: the sync under way stops before its next request or write.
      await syncs.whenIdle();
    },
  });
}
