import { concatMap, from, map, of } from 'rxjs';
import type { AccessLevel } from '../access/accessLevel';
import type { DataStoreReader, SyncCursor, SyncPoint, SyncTask } from './types';
import { writtenRecordsOf } from './writtenRecords';

/** Shapes (or hides) one record for one reader level; `undefined` hides it. */
// biome-ignore lint/suspicious/noExplicitAny: policies are registered for stores of different record types
export type RowPolicy = (record: any, readerLevel: AccessLevel) => any;

/**
 * A reader handle that applies a row policy to every read path: get, keys, sync tasks and change events.
 * A record the policy hides is absent; an update that hides a record becomes a remove for this reader.
 */
export function rowPolicyReader<T>(
  base: DataStoreReader<T>,
  policy: (record: T, readerLevel: AccessLevel) => T | undefined,
  readerLevel: AccessLevel,
  /**
   * Whether this reader may hold an earlier version of a record the policy now hides (so must hear
   * that it went). Without it, every hidden record is told as gone, to every reader.
   */
  mayHold: (record: T, readerLevel: AccessLevel) => boolean = () => true,
): DataStoreReader<T> {
  const shape = (record: T | undefined) => (record === undefined ? undefined : policy(record, readerLevel));
  const told = (record: T | undefined) =>
    record === undefined || shape(record) !== undefined || mayHold(record, readerLevel);
  const visibleKeys = async (afterId: string | undefined, limit: number) => {
    const result: string[] = [];
    let after = afterId;
    while (result.length < limit) {
      const keys = await base.keys(after, limit);
      if (keys.length === 0) break;
      const records = await base.getMany(keys);
      keys.forEach((key, i) => {
        if (result.length < limit && shape(records[i]) !== undefined) result.push(key);
      });
      after = keys.at(-1);
    }
    return result;
  };
  return Object.freeze({
    name: base.name,
    owner: base.owner,
    accessLevel: base.accessLevel,
    get: async (id: string) => shape(await base.get(id)),
    getMany: async (ids: readonly string[], seenAt?: readonly number[]) =>
      (await base.getMany(ids, seenAt)).map(shape),
    getLength: async () => {
      let count = 0;
      let after: string | undefined;
      while (true) {
        const keys = await visibleKeys(after, 500);
        count += keys.length;
        if (keys.length < 500) return count;
        after = keys.at(-1);
      }
    },
    getRevision: () => base.getRevision(),
    getEpoch: () => base.getEpoch(),
    keys: (afterId?: string, limit = 500) => visibleKeys(afterId, limit),
    getBlob: (id: string) => base.getBlob(id),
    sync: (fromRevision?: number | SyncPoint) =>
      policyCursor(base.sync(fromRevision), shape, (record) => mayHold(record, readerLevel)),
    // Events keep ids that are visible, gone (a removal may concern a record this reader had), or hidden
    // now from a reader that may hold an earlier version; no other id. An event left with no id still
    // goes out: the store's revision moved (every reader sees it move), and a reader syncs to it to show
    // it is current. A write of this context left its records beside the event: no read to judge them.
    changes$: base.changes$.pipe(
      concatMap((event) => {
        const written = writtenRecordsOf(event);
        const records =
          written === undefined
            ? from(base.getMany(event.ids))
            : of(event.ids.map((id) => written.get(id) as T));
        return records.pipe(map((found) => ({ ...event, ids: event.ids.filter((_, i) => told(found[i])) })));
      }),
    ),
    // A revision names no record: nothing to judge, nothing to read.
    revisions$: base.revisions$,
  });
}

function policyCursor<T>(
  inner: SyncCursor<T>,
  shape: (record: T) => T | undefined,
  mayHold: (record: T) => boolean,
): SyncCursor<T> {
  const next = async (): Promise<SyncTask<T>> => {
    while (true) {
      const task = await inner.next();
      if (task.operation !== 'add' && task.operation !== 'update') return task;
      const data = shape(task.data);
      if (data !== undefined) return { ...task, data };
      // Hidden now: gone for a reader that may hold it, and nothing at all (not its id) for the others.
      if (task.operation === 'update' && mayHold(task.data)) {
        return { operation: 'remove', id: task.id, revision: task.revision };
      }
    }
  };
  return {
    next,
    close: () => inner.close(),
    resumePoint: () => inner.resumePoint(),
    async *[Symbol.asyncIterator]() {
      while (true) {
        const task = await next();
        yield task;
        if (task.operation === 'done') return;
      }
    },
  };
}
