import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serialQueue';

describe('SerialQueue', () => {
  it('runs tasks one at a time in call order, even when an earlier one is slower', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = queue.run(async () => {
      log.push('first:start');
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      log.push('first:end');
      return 1;
    });
    const second = queue.run(async () => {
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
    const queue = new SerialQueue();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });

  it('is idle only once the tasks that queued tasks have run too, and never rejects', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    queue
      .run(async () => {
        log.push('outer');
        void queue.run(async () => {
          log.push('inner');
          throw new Error('inner failed');
        });
      })
      .catch(() => undefined);
    await queue.whenIdle();
    expect(log).toEqual(['outer', 'inner']);
  });
});
