import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './writeQueue';

describe('createWriteQueue', () => {
  it('runs tasks one at a time in call order, even when an earlier one is slower', async () => {
    const enqueue = createWriteQueue();
    const log: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = enqueue(async () => {
      log.push('first:start');
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      log.push('first:end');
      return 1;
    });
    const second = enqueue(async () => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first:start']);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });

  it('rejects only the failing task and keeps going', async () => {
    const enqueue = createWriteQueue();
    const failing = enqueue(async () => {
      throw new Error('boom');
    });
    const next = enqueue(async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});
