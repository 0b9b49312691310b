import type { Sleep } from '../sleep';

/**
 * A Sleep on a virtual clock: it returns at once (after a microtask), records each delay asked for and
 * runs an optional hook, so tests see back-off values and can act "during" a wait without real timers.
 */
export function createVirtualSleep(hook?: (ms: number) => void | Promise<void>) {
  const delays: number[] = [];
  let elapsed = 0;
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    delays.push(ms);
    elapsed += ms;
    await hook?.(ms);
    await Promise.resolve();
    signal?.throwIfAborted();
  };
  return {
    sleep,
    delays,
    get elapsed() {
      return elapsed;
    },
  };
}
