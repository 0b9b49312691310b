import { type IDBPTransaction, unwrap } from 'idb';
import { requestAll } from '../idb/rawRequests';
import type { RevisionedSchema, StoreEntry, StoreState } from './revisionedSchema';
import type { ChangeEvent, WriteOperation } from './types';

/** A readwrite transaction over the store's entries and state. */
export type LogWriteTransaction<T> = IDBPTransaction<
  RevisionedSchema<T>,
  ('entries' | 'meta')[],
  'readwrite'
>;

/** What the writes need to know of their store. */
export interface LogWritePolicy {
  /** The clock of tombstones. */
  now(): number;
  /** `owner/name`, for errors. */
  storeLabel: string;
  /**
   * The ids that may have an entry (a superset is fine: an id in it is looked up), or undefined
   * when not known: every id is then looked up. An id outside it is new, and needs no lookup.
   */
  knownIds?(tx: LogWriteTransaction<unknown>, lookups: number): Promise<Set<string> | undefined>;
}

/**
 * Applies the operations in order, as one `put`/`remove`/`clear` after another would, but with the
 * requests pipelined: the entries of every id between two clears are looked up together, the
 * outcome of each operation is worked out in memory, and the writes (one per id) are issued together
 * and awaited once, so the store ends up exactly as with sequential awaits, in two round trips
 * instead of two per operation (what bulk
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
  // Bulk requests go to the raw store: one promise a batch instead of one a request (requestAll).
  const entries = unwrap(tx.objectStore('entries'));
  let start = 0;
  while (start < operations.length) {
    const first = operations[start]!;
    if (first.operation === 'clear') {
      state.revision += 1;
      await requestAll([() => entries.clear()]);
      state.horizon = state.revision;
      state.tombstones = 0;
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
    const found = (await requestAll(asked.map((id) => () => entries.get(id)))) as Array<
      StoreEntry<T> | undefined
    >;
    const before = new Map<string, StoreEntry<T> | undefined>(asked.map((id, i) => [id, found[i]]));
    const latest = new Map(before);
    // Everything is decided before the first write goes out, so a refusal leaves no request behind;
    // an id written twice in the segment is written once, as it ends up.
    const written = new Map<string, StoreEntry<T>>();
    const notes: Array<['put' | 'remove', string]> = [];
    let revision = state.revision;
    for (const operation of segment) {
      const previous = latest.get(operation.id);
      const exists = previous !== undefined && previous.op === 'put';
      if (operation.operation === 'remove') {
        if (!exists) continue;
        revision += 1;
        const entry: StoreEntry<T> = {
          id: operation.id,
          rev: revision,
          op: 'remove',
          born: previous.born,
          tomb: policy.now(),
        };
        latest.set(operation.id, entry);
        written.set(operation.id, entry);
        notes.push(['remove', operation.id]);
        continue;
      }
      if (addOnly && exists) {
        throw new Error(`"${operation.id}" already exists in ${policy.storeLabel}`);
      }
      revision += 1;
      const entry: StoreEntry<T> = {
        id: operation.id,
        rev: revision,
        op: 'put',
        // Written again after a removal: a reader that held the earlier lifetime must still hear of it.
        born: previous !== undefined ? previous.born : revision,
        data: operation.data,
      };
      latest.set(operation.id, entry);
      written.set(operation.id, entry);
      notes.push(['put', operation.id]);
    }
    state.revision = revision;
    if (state.tombstones !== undefined) {
      for (const [id, entry] of written) {
        state.tombstones += (entry.op === 'remove' ? 1 : 0) - (before.get(id)?.op === 'remove' ? 1 : 0);
      }
    }
    for (const [operation, id] of notes) if (operation === 'put') known?.add(id);
    // Each entry replaces the id's previous one (the store is keyed by id), its revision with it.
    await requestAll([...written.values()].map((entry) => () => entries.put(entry)));
    for (const [operation, id] of notes) note(operation, id);
    start = end;
  }
}

/**
 * Past `maxTombstones` tombstones in the store, drops the oldest, whatever their age: a reader synced
 * before them gets a reset (the horizon moves past them).
 */
export async function dropExcessTombstones<T>(
  maxTombstones: number,
  tx: LogWriteTransaction<T>,
  state: StoreState,
): Promise<void> {
  const index = tx.objectStore('entries').index('tombstones');
  // Kept in the state by every write: a count here would be a round trip at the end of each of them.
  const count = state.tombstones ?? (await index.count());
  state.tombstones = count;
  let excess = count - maxTombstones;
  if (excess <= 0) return;
  let cursor = await index.openCursor();
  while (cursor && excess > 0) {
    state.horizon = Math.max(state.horizon, cursor.value.rev);
    await cursor.delete();
    state.tombstones -= 1;
    excess -= 1;
    cursor = await cursor.continue();
  }
}
