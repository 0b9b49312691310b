import { DavHttpError, DavNetworkError, isAuthError, isRetryable } from './davErrors';
import type { AccountState, SyncProblem } from './types';

/** "2 min", "30 s": how long until the next try, as the settings screen says it. */
export function humanDelay(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/** What a failed sync means for the account, and whether trying again later can help. */
export function describeFailure(error: unknown): {
  state: AccountState;
  message: string;
  problem: SyncProblem;
  retry: boolean;
} {
  const message = error instanceof Error ? error.message : String(error);
  if (isAuthError(error)) {
    const status = (error as DavHttpError).status;
    return {
      state: 'auth-failed',
      message: status === 401 ? 'password rejected' : 'access denied to this address book',
      problem: { status, message },
      retry: false,
    };
  }
  if (error instanceof DavNetworkError) {
    return {
      state: 'unreachable',
      message: error.reason === 'timeout' ? 'server not answering' : 'server unreachable',
      problem: { url: error.url, message },
      retry: true,
    };
  }
  if (error instanceof DavHttpError) {
    const retry = isRetryable(error);
    return {
      state: retry ? 'unreachable' : 'failed',
      message: retry
        ? `server error (HTTP ${error.status})`
        : `the server refused the sync (HTTP ${error.status})`,
      problem: { url: error.url, status: error.status, message },
      retry,
    };
  }
  return { state: 'failed', message: `sync failed: ${message}`, problem: { message }, retry: false };
}

/** Exponential back-off for automatic retries: 30 s, 1 min, 2 min… at most 30 min. */
export function retryDelayMs(failures: number, baseMs = 30_000, maxMs = 30 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
