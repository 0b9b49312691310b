/** HTTP statuses worth asking again for: the request may succeed later unchanged. */
const RETRYABLE_STATUSES = new Set([0, 408, 429, 500, 502, 503, 504]);

/** What the server answered instead of data (or status 0: the request never reached it). */
export class FacebookApiError extends Error {
  override readonly name = 'FacebookApiError';
  readonly status: number;
  /** A machine-readable reason, e.g. `resync_required` with 410. */
  readonly code: string | undefined;
  /** The server's `Retry-After`, when it gave one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, message: string, options: { code?: string; retryAfterMs?: number } = {}) {
    super(`${status}: ${message}`);
    this.status = status;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.status);
  }

  /** The server no longer knows the client's counter: only a full resync can catch up. */
  get resyncRequired(): boolean {
    return this.status === 410;
  }
}

/** The server answered something that is not a valid response; asking again will not help. */
export class FacebookProtocolError extends Error {
  override readonly name = 'FacebookProtocolError';
}

export function isRetryableError(error: unknown): boolean {
  return error instanceof FacebookApiError && error.retryable;
}
