/** The server answered, but not as asked. `conditions` are the DAV:error preconditions it named. */
export class DavHttpError extends Error {
  override readonly name = 'DavHttpError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly conditions: readonly string[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(`${method} ${url}: HTTP ${status}${conditions.length > 0 ? ` (${conditions.join(', ')})` : ''}`);
  }

  has(condition: string): boolean {
    return this.conditions.includes(condition);
  }
}

/** The server could not be reached, stopped answering, or took longer than the timeout. */
export class DavNetworkError extends Error {
  override readonly name = 'DavNetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly reason: 'unreachable' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(`${method} ${url}: ${reason === 'timeout' ? 'no answer in time' : 'server unreachable'}`, options);
  }
}

/** The answer was not what the protocol promises (no ETag anywhere, a multistatus without a token…). */
export class DavProtocolError extends Error {
  override readonly name = 'DavProtocolError';
}

/** RFC 6578 §3.2: the server no longer knows our token; a full listing follows. */
export function isInvalidSyncToken(error: unknown): boolean {
  return (
    error instanceof DavHttpError &&
    (error.status === 403 || error.status === 409 || error.status === 400) &&
    error.has('valid-sync-token')
  );
}

export function isAuthError(error: unknown): boolean {
  return (
    error instanceof DavHttpError &&
    (error.status === 401 || (error.status === 403 && error.conditions.length === 0))
  );
}

/** Worth another try later: the network, a timeout, 5xx (but 507 on a card is its size) and 429. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof DavNetworkError) return true;
  if (!(error instanceof DavHttpError)) return false;
  return (
    error.status === 429 ||
    error.status === 408 ||
    (error.status >= 500 && error.status !== 507 && error.status !== 501)
  );
}
