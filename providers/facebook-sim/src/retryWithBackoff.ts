import { isRetryableError } from './facebookErrors';
import type { Sleep } from './sleep';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the first retry; it doubles for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0-1: each wait is shortened by up to this fraction, at random, so many clients do not retry in step. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.2,
});

export function checkRetryPolicy(policy: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be an integer >= 1, not ${policy.maxAttempts}`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new Error('retry delays must satisfy 0 <= baseDelayMs <= maxDelayMs');
  }
  if (!(policy.jitter >= 0 && policy.jitter <= 1))
    throw new Error(`retry.jitter must be 0 to 1, not ${policy.jitter}`);
  return policy;
}

/**
 * The wait before retry number `retry` (1 = the first retry): base × 2^(retry-1), capped, less up to
 * `jitter` of it at random, and never shorter than what the server asked for (Retry-After).
 */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs = 0,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = exponential * (1 - policy.jitter * random());
  return Math.round(Math.max(jittered, retryAfterMs));
}

export interface RetryNotice {
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  policy: RetryPolicy;
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * Runs `attempt` until it succeeds, retrying only errors worth retrying (5xx, 429, network) with
 * exponential back-off. Anything else, or the last failure, is thrown as it came; an abort stops waiting.
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n += 1) {
    options.signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableError(error) || n >= options.policy.maxAttempts) throw error;
      const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
      const delayMs = backoffDelay(n, options.policy, options.random, retryAfter);
      options.onRetry?.({ attempt: n, delayMs, error });
      await options.sleep(delayMs, options.signal);
    }
  }
}
