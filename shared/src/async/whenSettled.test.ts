import { describe, expect, it } from 'vitest';
import { whenSettled } from './whenSettled';

describe('whenSettled', () => {
  it('waits again while the work it waited for started more', async () => {
    let current: Promise<unknown> = Promise.resolve();
    let rounds = 0;
    const chain = (): Promise<void> =>
      new Promise<void>((resolve) => setTimeout(resolve, 1)).then(() => {
        rounds += 1;
        if (rounds < 3) current = chain();
      });
    current = chain();
    await whenSettled(() => [current]);
    expect(rounds).toBe(3);
  });

  it('counts a rejection and an absent promise as settled', async () => {
    const failed = Promise.reject(new Error('gone'));
    await expect(whenSettled(() => [failed, undefined])).resolves.toBeUndefined();
  });
});
