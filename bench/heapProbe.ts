/**
 * The heap once it stops shrinking: a full collection every 100 ms until ten readings in a row (a
 * second) stay within 64 KiB of their lowest, at most 30 s. Chromium releases the garbage of earlier
 * work (an import's IndexedDB requests and results) over several seconds, in steps; reading right
 * after one `gc()` counts some of it.
 */
export async function settledHeap(gc: () => void, read: () => number): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  let steady = 0;
  for (let i = 0; i < 300 && steady < 10; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = read();
    if (current < lowest - 64 * 1024) {
      lowest = current;
      steady = 0;
    } else {
      lowest = Math.min(lowest, current);
      steady += 1;
    }
  }
  return lowest;
}
