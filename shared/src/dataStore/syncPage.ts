import { type RevisionedDb, STATE_KEY, type StoreState } from './revisionedSchema';
import type { SyncTask } from './types';

/** Where the next page of a sync starts: in the log by revision, or in a replay of the records by key. */
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
 * Incremental pages walk the log by revision; a reset replays the records by key, then goes on
 * incrementally from the revision the replay started at.
 */
export async function readSyncPage<T>(
  db: RevisionedDb<T>,
  pageSize: number,
  position: SyncPagePosition,
): Promise<SyncPage<T>> {
  const tx = db.transaction(['records', 'log', 'meta']);
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
      .objectStore('log')
      .getAll(IDBKeyRange.lowerBound(position.after, true), pageSize);
    const tasks: SyncTask<T>[] = [];
    // Entries carry their record; only those written before they did are read from the records.
    const values = await Promise.all(
      entries.map((entry) =>
        entry.op !== 'put' || entry.data !== undefined ? entry.data : tx.objectStore('records').get(entry.id),
      ),
    );
    entries.forEach((entry, i) => {
      const seenByReader = entry.born <= from;
      if (entry.op === 'remove') {
        if (seenByReader) tasks.push({ operation: 'remove', id: entry.id, revision: entry.rev });
        return;
      }
      const data = values[i] as T;
      tasks.push({ operation: seenByReader ? 'update' : 'add', id: entry.id, data, revision: entry.rev });
    });
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
  // Replay: every record as an add, by key, then incremental from the revision the replay began at.
  if (state.epoch !== position.epoch || state.horizon > position.snapshot) {
    return {
      epoch: state.epoch,
      tasks: [{ operation: 'clear', revision: state.revision }],
      next: replayStart(state),
    };
  }
  const range = position.afterKey === undefined ? undefined : IDBKeyRange.lowerBound(position.afterKey, true);
  const records = tx.objectStore('records');
  const [keys, values] = await Promise.all([
    records.getAllKeys(range, pageSize),
    records.getAll(range, pageSize),
  ]);
  const tasks: SyncTask<T>[] = keys.map((id, i) => ({
    operation: 'add',
    id,
    data: values[i] as T,
    revision: position.snapshot,
  }));
  const lastKey = keys.at(-1);
  if (keys.length < pageSize || lastKey === undefined) {
    return {
      epoch: state.epoch,
      tasks,
      next: { kind: 'incremental', from: position.snapshot, after: position.snapshot, epoch: state.epoch },
    };
  }
  return { epoch: state.epoch, tasks, next: { ...position, afterKey: lastKey } };
}
