import { describe, expect, it } from 'vitest';
import { describeFailure, humanDelay, retryDelayMs } from './accountStatus';
import { DavHttpError, DavNetworkError } from './davErrors';

describe('account status', () => {
  it('says what a failure means and whether to retry', () => {
    expect(describeFailure(new DavHttpError('REPORT', 'u', 401))).toMatchObject({
      state: 'auth-failed',
      message: 'password rejected',
      retry: false,
    });
    expect(describeFailure(new DavHttpError('REPORT', 'u', 403))).toMatchObject({
      state: 'auth-failed',
      retry: false,
    });
    expect(describeFailure(new DavNetworkError('GET', 'u', 'unreachable'))).toMatchObject({
      state: 'unreachable',
      message: 'server unreachable',
      retry: true,
    });
    expect(describeFailure(new DavNetworkError('GET', 'u', 'timeout')).message).toBe('server not answering');
    expect(describeFailure(new DavHttpError('PUT', 'u', 503))).toMatchObject({
      retry: true,
      message: 'server error (HTTP 503)',
    });
    expect(describeFailure(new DavHttpError('PUT', 'u', 400))).toMatchObject({
      state: 'failed',
      retry: false,
    });
  });

  it('backs off from 30 s, doubling, to at most 30 min, and says it in words', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_800_000,
    ]);
    expect(humanDelay(120_000)).toBe('2 min');
    expect(humanDelay(30_000)).toBe('30 s');
    expect(humanDelay(7_200_000)).toBe('2 h');
  });
});
