import { describe, expect, it } from 'vitest';
import { issueAll } from './issueAll';

describe('issueAll', () => {
  it('makes every request in order before awaiting any', async () => {
    const made: number[] = [];
    let resolvedBeforeLastMade = false;
    let firstDone = false;
    await issueAll([
      async () => {
        made.push(1);
        await Promise.resolve();
        firstDone = true;
      },
      async () => {
        made.push(2);
        resolvedBeforeLastMade = firstDone;
      },
    ]);
    expect(made).toEqual([1, 2]);
    expect(resolvedBeforeLastMade).toBe(false);
  });

  it('rethrows a request that throws as it is made, and leaves no rejection of the ones made unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        issueAll([
          () => Promise.reject(new Error('aborted with the transaction')),
          () => {
            throw new Error('cannot clone');
          },
          () => Promise.resolve('never made'),
        ]),
      ).rejects.toThrow('cannot clone');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
