import { type IDBPTransaction, unwrap } from 'idb';
import { type RawRequest, requestAll } from '../idb/rawRequests';
import type { LogEntry, RevisionedSchema, StoreState } from './revisionedSchema';
import type { ChangeEvent, WriteOperation } from './types';

/** A readwrite transaction over the store's records, log and state. */
export type LogWriteTransaction<T> = IDBPTransaction<
  RevisionedSchema<T>,
  ('records' | 'log' | 'meta')[],
  'readwrite'
>;

/** What the writes need to know of their store. */
export interface LogWritePolicy {
  /** The clock of tombstones. */
  now(): number;
  /** `owner/name`, for errors. */
  storeLabel: string;
  /**
   * The ids that may have a log entry (a superset is fine: an id in it is looked up), or undefined
   * when not known: every id is then looked up. An id outside it is new, and needs no lookup.
   */
  knownIds?(tx: LogWriteTransaction<unknown>, lookups: number): Promise<Set<string> | undefined>;
}

/**
 * Applies the operations in order, as one `put`/`remove`/`clear` after another would, but with the
 * requests pipelined: the log entries of every id between two clears are looked up together, the
 * outcome of each operation is worked out in memory, and the writes are issued together and awaited
 * once. IndexedDB runs a transaction's requests in the order they were made, so the store ends up
 * exactly as with sequential awaits, in two round trips instead of four per operation (what bulk
 * imports and the GCDS's regroups spend their time on with a real, out-of-process IndexedDB).
 */
export async function applyOperations<T>(
  policy: LogWritePolicy,
  tx: LogWriteTransaction<T>,
  state: StoreState,
  operations: readonly WriteOperation<T>[],
  addOnly: boolean,
  note: (operation: ChangeEvent['operation'], id?: string) => void,
): Promise<void> {
  const log = tx.objectStore('log');
  // Bulk requests go to the raw stores: one promise a batch instead of one a request (requestAll).
  const rawLog = unwrap(log);
  const byId = rawLog.index('byId');
  const records = unwrap(tx.objectStore('records'));
  let start = 0;
  while (start < operations.length) {
    const first = operations[start]!;
    if (first.operation === 'clear') {
      state.revision += 1;
      await requestAll([() => records.clear(), () => rawLog.clear()]);
      state.horizon = state.revision;
      note('clear');
      start += 1;
      continue;
    }
    let end = start;
    while (end < operations.length && operations[end]!.operation !== 'clear') end += 1;
    const segment = operations.slice(start, end) as Exclude<WriteOperation<T>, { operation: 'clear' }>[];
    const ids = [...new Set(segment.map((operation) => operation.id))];
    const known = await policy.knownIds?.(tx as LogWriteTransaction<unknown>, ids.length);
    const asked = known === undefined ? ids : ids.filter((id) => known.has(id));
    const found = (await requestAll(asked.map((id) => () => byId.get(id)))) as Array<LogEntry<T> | undefined>;
    const latest = new Map<string, LogEntry<T> | undefined>(asked.map((id, i) => [id, found[i]]));
    // Everything is decided before the first write goes out, so a refusal leaves no request behind.
    const writes: RawRequest[] = [];
    const notes: Array<['put' | 'remove', string]> = [];
    let revision = state.revision;
    for (const operation of segment) {
      const previous = latest.get(operation.id);
      const exists = previous !== undefined && previous.op === 'put';
      if (operation.operation === 'remove') {
        if (!exists) continue;
        revision += 1;
        const entry: LogEntry<T> = {
          rev: revision,
          id: operation.id,
          op: 'remove',
          born: previous.born,
          tomb: policy.now(),
        };
        writes.push(
          () => rawLog.delete(previous.rev),
          () => rawLog.put(entry),
          () => records.delete(operation.id),
        );
        latest.set(operation.id, entry);
        notes.push(['remove', operation.id]);
        continue;
      }
      if (addOnly && exists) {
        throw new Error(`"${operation.id}" already exists in ${policy.storeLabel}`);
      }
      revision += 1;
      const entry: LogEntry<T> = {
        rev: revision,
        id: operation.id,
        op: 'put',
        // Written again after a removal: a reader that held the earlier lifetime must still hear of it.
        born: previous !== undefined ? previous.born : revision,
        data: operation.data,
      };
      if (previous !== undefined) writes.push(() => rawLog.delete(previous.rev));
      writes.push(
        () => rawLog.put(entry),
        () => records.put(operation.data, operation.id),
      );
      latest.set(operation.id, entry);
      notes.push(['put', operation.id]);
    }
    state.revision = revision;
    for (const [operation, id] of notes) if (operation === 'put') known?.add(id);
    await requestAll(writes);
    for (const [operation, id] of notes) note(operation, id);
    start = end;
  }
}

/**
 * Past `maxTombstones` removals in the log, drops the oldest, whatever their age: a reader synced
 * before them gets a reset (the horizon moves past them).
 */
export async function dropExcessTombstones<T>(
  maxTombstones: number,
  tx: LogWriteTransaction<T>,
  state: StoreState,
): Promise<void> {
  const index = tx.objectStore('log').index('tombstones');
  let excess = (await index.count()) - maxTombstones;
  if (excess <= 0) return;
  let cursor = await index.openCursor();
  while (cursor && excess > 0) {
    state.horizon = Math.max(state.horizon, cursor.value.rev);
    await cursor.delete();
    excess -= 1;
    cursor = await cursor.continue();
  }
}
