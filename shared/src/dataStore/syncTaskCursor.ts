import type { SyncPage, SyncPagePosition } from './syncPage';
import type { SyncCursor, SyncPoint, SyncTask } from './types';

/**
 * Walks a store's history page by page. Each page is read in its own short transaction, so a slow
 * reader never holds the store; the final `done` carries the revision the last page was read at.
 */
export class SyncTaskCursor<T> implements SyncCursor<T> {
  #buffer: SyncTask<T>[] = [];
  #position: SyncPagePosition | null;
  #done: Extract<SyncTask<T>, { operation: 'done' }> | undefined;
  #lastDelivered = 0;
  #epoch: string | undefined;
  #closed = false;
  /** Set while replaying records after a clear: stopping there leaves the reader with a partial copy. */
  #replaying = false;

  constructor(
    private readonly readPage: (position: SyncPagePosition) => Promise<SyncPage<T>>,
    from: number | SyncPoint | undefined,
  ) {
    const revision = typeof from === 'object' ? from.revision : (from ?? 0);
    this.#epoch = typeof from === 'object' ? from.epoch : undefined;
    this.#lastDelivered = revision;
    this.#position = { kind: 'incremental', from: revision, after: revision, epoch: this.#epoch };
  }

  async next(): Promise<SyncTask<T>> {
    while (this.#buffer.length === 0 && this.#done === undefined) {
      if (this.#closed || this.#position === null) {
        // An unknown epoch makes the next sync start with a reset, which is what a partial replay needs.
        this.#done = this.#replaying
          ? { operation: 'done', revision: 0, epoch: '' }
          : { operation: 'done', revision: this.#lastDelivered, epoch: this.#epoch ?? '' };
        break;
      }
      const position = this.#position;
      if (position.kind === 'incremental') this.#lastDelivered = position.after;
      const page = await this.readPage(position);
      this.#epoch = page.epoch;
      this.#replaying = position.kind === 'replay' || page.tasks[0]?.operation === 'clear';
      this.#buffer.push(...page.tasks);
      this.#position = page.next;
      if (page.done) this.#done = page.done;
    }
    const task = this.#buffer.shift();
    if (task !== undefined) {
      if (!this.#replaying) this.#lastDelivered = task.revision;
      return task;
    }
    return this.#done as Extract<SyncTask<T>, { operation: 'done' }>;
  }

  resumePoint(): SyncPoint | undefined {
    if (this.#replaying || this.#epoch === undefined) return undefined;
    return { epoch: this.#epoch, revision: this.#lastDelivered };
  }

  close(): void {
    this.#closed = true;
    this.#buffer = [];
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SyncTask<T>> {
    while (true) {
      const task = await this.next();
      yield task;
      if (task.operation === 'done') return;
    }
  }
}
