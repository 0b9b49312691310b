import { describe, expect, it, vi } from 'vitest';
import { withAccountLock } from './accountLock';
import { createSyncScheduler } from './syncScheduler';

describe('the sync scheduler', () => {
  it('debounces local changes into one sync, syncs on a timer and when the network comes back', async () => {
    vi.useFakeTimers();
    try {
      const sync = vi.fn(async () => undefined);
      const online = new EventTarget();
      const controller = new AbortController();
      const scheduler = createSyncScheduler({
        sync,
        debounceMs: 1_000,
        intervalMs: 60_000,
        onlineEvents: online,
        signal: controller.signal,
      });
      scheduler.localChange();
      await vi.advanceTimersByTimeAsync(500);
      scheduler.localChange();
      await vi.advanceTimersByTimeAsync(999);
      expect(sync).toHaveBeenCalledTimes(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(sync).toHaveBeenCalledTimes(1);
      online.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
      expect(sync).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sync).toHaveBeenCalledTimes(3);
      controller.abort();
      scheduler.localChange();
      online.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(120_000);
      expect(sync).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never runs two syncs at once: a request during one runs once after it', async () => {
    let release!: () => void;
    let running = 0;
    let most = 0;
    const sync = vi.fn(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running -= 1;
    });
    const scheduler = createSyncScheduler({ sync });
    const first = scheduler.now();
    void scheduler.now();
    void scheduler.now();
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await first;
    expect(sync).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
    scheduler.stop();
  });
});

describe('the account lock', () => {
  it('runs one body at a time per account, in call order, and others freely', async () => {
    const order: string[] = [];
    const slow = (name: string, label: string, ms: number) =>
      withAccountLock(name, async () => {
        order.push(`${label} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(`${label} end`);
      });
    await Promise.all([slow('a', 'a1', 20), slow('a', 'a2', 1), slow('b', 'b1', 1)]);
    expect(order.indexOf('a1 end')).toBeLessThan(order.indexOf('a2 start'));
    expect(order.indexOf('b1 end')).toBeLessThan(order.indexOf('a1 end'));
  });
});
