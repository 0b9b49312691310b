/**
 * Waits for the promises `pending()` returns until a wait ends with `pending()` returning the very same
 * ones: work they started (a queued job, a scheduled run) is waited for too. A rejection counts as
 * settled: this says when work is over, not how it went.
 */
export async function whenSettled(pending: () => ReadonlyArray<Promise<unknown> | undefined>): Promise<void> {
  while (true) {
    const before = pending();
    await Promise.all(before.map((promise) => promise?.catch(() => undefined)));
    const after = pending();
    if (after.length === before.length && after.every((promise, i) => promise === before[i])) return;
  }
}
