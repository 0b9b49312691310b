export interface SyncSchedulerOptions {
  /** What to run: the provider's `sync()`. Its failures are the provider's status, not the scheduler's. */
  sync: () => Promise<unknown>;
  /** Wait this long after the last local change before syncing (a burst of edits is one sync). */
  debounceMs?: number;
  /** Sync every so often regardless; 0 or absent: never on a timer. */
  intervalMs?: number;
  /** Where `online` events come from (a window or worker scope); a sync follows each. */
  onlineEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Stops everything. */
  signal?: AbortSignal;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface SyncScheduler {
  /** Tell it the user changed something: a sync follows after the debounce. */
  localChange(): void;
  /** Sync now (the user pulled to refresh). */
  now(): Promise<void>;
  stop(): void;
}

/**
 * When to sync, for the device to use: debounced after local changes, on a timer, when the network comes
 * back. It never runs two syncs at once (a request during one runs once, after it).
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const set = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const clear = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const debounceMs = options.debounceMs ?? 2_000;
  let debounce: unknown;
  let interval: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await options.sync().catch(() => undefined);
      } while (again && !stopped);
      running = undefined;
    })();
    return running;
  };

  const arm = () => {
    if (options.intervalMs === undefined || options.intervalMs <= 0 || stopped) return;
    interval = set(() => {
      void run().then(arm);
    }, options.intervalMs);
  };
  const online = () => void run();

  const stop = () => {
    stopped = true;
    if (debounce !== undefined) clear(debounce);
    if (interval !== undefined) clear(interval);
    options.onlineEvents?.removeEventListener('online', online);
  };

  options.onlineEvents?.addEventListener('online', online);
  options.signal?.addEventListener('abort', stop);
  arm();

  return {
    localChange() {
      if (stopped) return;
      if (debounce !== undefined) clear(debounce);
      debounce = set(() => {
        debounce = undefined;
        void run();
      }, debounceMs);
    },
    now: run,
    stop,
  };
}
