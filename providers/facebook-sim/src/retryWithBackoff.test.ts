import { describe, expect, it } from 'vitest';
import { FacebookApiError } from './facebookErrors';
import { backoffDelay, checkRetryPolicy, DEFAULT_RETRY_POLICY, withRetry } from './retryWithBackoff';
import { createVirtualSleep } from './testing/virtualSleep';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 500, jitter: 0 };

/** An attempt that fails with these errors in turn, then answers 'ok'. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    calls += 1;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return 'ok';
  };
  return {
    attempt,
    get calls() {
      return calls;
    },
  };
}

describe('backoffDelay', () => {
  it('doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([100, 200, 400, 500, 500]);
  });

  it('takes off up to the jitter fraction, and never undercuts Retry-After', () => {
    const jittery = { ...policy, jitter: 0.5 };
    expect(backoffDelay(2, jittery, () => 1)).toBe(100);
    expect(backoffDelay(2, jittery, () => 0.5)).toBe(150);
    expect(backoffDelay(1, policy, () => 0, 7_000)).toBe(7_000);
  });
});

describe('withRetry', () => {
  it('retries retryable failures with growing waits, then returns the answer', async () => {
    const clock = createVirtualSleep();
    const api = failing(new FacebookApiError(503, 'down'), new FacebookApiError(502, 'bad gateway'));
    const notices: number[] = [];
    const result = await withRetry(api.attempt, {
      policy,
      sleep: clock.sleep,
      random: () => 0,
      onRetry: (notice) => notices.push(notice.attempt),
    });
    expect(result).toBe('ok');
    expect(api.calls).toBe(3);
    expect(clock.delays).toEqual([100, 200]);
    expect(notices).toEqual([1, 2]);
  });

  it('does not retry what cannot succeed later', async () => {
    const clock = createVirtualSleep();
    const api = failing(new FacebookApiError(400, 'bad request'));
    await expect(
      withRetry(api.attempt, { policy, sleep: clock.sleep, random: () => 0 }),
    ).rejects.toMatchObject({
      status: 400,
    });
    const programming = failing(new TypeError('oops'));
    await expect(
      withRetry(programming.attempt, { policy, sleep: clock.sleep, random: () => 0 }),
    ).rejects.toThrow('oops');
    expect(api.calls + programming.calls).toBe(2);
    expect(clock.delays).toEqual([]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const clock = createVirtualSleep();
    const errors = [1, 2, 3, 4, 5].map((n) => new FacebookApiError(503, `down ${n}`));
    const api = failing(...errors);
    await expect(withRetry(api.attempt, { policy, sleep: clock.sleep, random: () => 0 })).rejects.toThrow(
      'down 4',
    );
    expect(api.calls).toBe(4);
    expect(clock.delays).toEqual([100, 200, 400]);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const clock = createVirtualSleep(() => controller.abort(new Error('stopped')));
    const api = failing(new FacebookApiError(503, 'down'));
    await expect(
      withRetry(api.attempt, { policy, sleep: clock.sleep, random: () => 0, signal: controller.signal }),
    ).rejects.toThrow('stopped');
    expect(api.calls).toBe(1);
  });

  it('refuses nonsensical policies', () => {
    expect(checkRetryPolicy({ ...DEFAULT_RETRY_POLICY })).toEqual(DEFAULT_RETRY_POLICY);
    expect(() => checkRetryPolicy({ ...policy, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => checkRetryPolicy({ ...policy, maxDelayMs: 10 })).toThrow(/delays/);
    expect(() => checkRetryPolicy({ ...policy, jitter: 2 })).toThrow(/jitter/);
  });
});
