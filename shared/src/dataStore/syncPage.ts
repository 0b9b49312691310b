import { type RevisionedDb, STATE_KEY, type StoreState } from './revisionedSchema';
import type { SyncTask } from './types';

/** Where the next page of a sync starts: in the entries by revision, or in a replay of them by key. */
export type SyncPagePosition =
  | { kind: 'incremental'; from: number; after: number; epoch?: string }
  | { kind: 'replay'; snapshot: number; epoch: string; afterKey?: string };

export interface SyncPage<T> {
  epoch: string;
  tasks: SyncTask<T>[];
  next: SyncPagePosition | null;
  done?: Extract<SyncTask<T>, { operation: 'done' }>;
}

function replayStart(state: StoreState): SyncPagePosition {
  return { kind: 'replay', snapshot: state.revision, epoch: state.epoch };
}

/**
 * One page of sync tasks, read in one readonly transaction so a page is a consistent snapshot.
 * Incremental pages walk the entries by revision (`byRev`); a reset replays them by key, tombstones
 * left out, then goes on incrementally from the revision the replay started at.
 */
export async function readSyncPage<T>(
  db: RevisionedDb<T>,
  pageSize: number,
  position: SyncPagePosition,
): Promise<SyncPage<T>> {
  const tx = db.transaction(['entries', 'meta']);
  const state = (await tx.objectStore('meta').get(STATE_KEY)) as StoreState;
  if (position.kind === 'incremental') {
    const { from } = position;
    const stale =
      from < state.horizon ||
      from > state.revision ||
      (position.epoch !== undefined && position.epoch !== state.epoch);
    if (stale) {
      return {
        epoch: state.epoch,
        tasks: [{ operation: 'clear', revision: state.revision }],
        next: replayStart(state),
      };
    }
    const entries = await tx
      .objectStore('entries')
      .index('byRev')
      .getAll(IDBKeyRange.lowerBound(position.after, true), pageSize);
    const tasks: SyncTask<T>[] = [];
    for (const entry of entries) {
      const seenByReader = entry.born <= from;
      if (entry.op === 'remove') {
        if (seenByReader) tasks.push({ operation: 'remove', id: entry.id, revision: entry.rev });
        continue;
      }
      const data = entry.data as T;
      tasks.push({ operation: seenByReader ? 'update' : 'add', id: entry.id, data, revision: entry.rev });
    }
    const last = entries.at(-1);
    if (entries.length < pageSize || last === undefined) {
      return {
        epoch: state.epoch,
        tasks,
        next: null,
        done: { operation: 'done', revision: state.revision, epoch: state.epoch },
      };
    }
    return { epoch: state.epoch, tasks, next: { ...position, after: last.rev } };
  }
  // Replay: every live record as an add, by key, then incremental from the revision the replay began at.
  if (state.epoch !== position.epoch || state.horizon > position.snapshot) {
    return {
      epoch: state.epoch,
      tasks: [{ operation: 'clear', revision: state.revision }],
      next: replayStart(state),
    };
  }
  const range = position.afterKey === undefined ? undefined : IDBKeyRange.lowerBound(position.afterKey, true);
  const entries = await tx.objectStore('entries').getAll(range, pageSize);
  const tasks = entries.flatMap((entry): SyncTask<T>[] =>
    entry.op === 'put'
      ? [{ operation: 'add', id: entry.id, data: entry.data as T, revision: position.snapshot }]
      : [],
  );
  // A page of tombstones only is empty, not the end: the next one starts after its last key.
  const lastKey = entries.at(-1)?.id;
  if (entries.length < pageSize || lastKey === undefined) {
    return {
      epoch: state.epoch,
      tasks,
      next: { kind: 'incremental', from: position.snapshot, after: position.snapshot, epoch: state.epoch },
    };
  }
  return { epoch: state.epoch, tasks, next: { ...position, afterKey: lastKey } };
}
