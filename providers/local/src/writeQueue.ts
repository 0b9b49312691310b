/**
 * Runs tasks one at a time, in call order. The provider is its store's only writer, so running its
 * read-check-write sequences (the ICE limit, id uniqueness) one after another makes each atomic.
 * A failed task rejects its own caller only; the next task runs as usual.
 */
export function createWriteQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(() => task());
    tail = run.catch(() => undefined);
    return run;
  };
}
