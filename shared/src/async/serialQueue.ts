import { whenSettled } from './whenSettled';

/**
 * Runs tasks one at a time, in call order. An owner that is its store's only writer makes each of its
 * read-check-write sequences atomic this way. A failed task rejects its own caller only; the next task
 * runs as usual.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Queues `task` behind every task queued so far; settles as it does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every task queued so far has run. Never rejects. */
  get settled(): Promise<unknown> {
    return this.#tail;
  }

  /** Resolves once every task queued so far, and every task they queue, has run. Never rejects. */
  whenIdle(): Promise<void> {
    return whenSettled(() => [this.#tail]);
  }
}
