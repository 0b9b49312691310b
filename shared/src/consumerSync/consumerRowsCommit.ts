import { type IDBPDatabase, type IDBPTransaction, unwrap } from 'idb';
import type { SyncPoint } from '../dataStore/types';
import { abortOnError } from '../idb/abortOnError';
import { type RawRequest, requestAll } from '../idb/rawRequests';
import { type ConsumerSchema, isKeyedByPerson, PERSON_INDEX, SYNC_STATE_STORE } from './consumerSchema';
import type { ProjectedRows } from './consumerSyncTypes';

/** Where the consumer's rows are in the GCDS, and what projection made them. */
export interface ConsumerSyncState {
  point: SyncPoint;
  projectionVersion: string;
}

const STATE_KEY = 'state';

export async function readConsumerSyncState(
  db: IDBPDatabase<unknown>,
): Promise<ConsumerSyncState | undefined> {
  return (await db.get(SYNC_STATE_STORE, STATE_KEY)) as ConsumerSyncState | undefined;
}

/** One commit: the people's new rows (null: the person is gone) and the sync point they reach. */
export interface RowsCommit {
  /** Every person the commit is about, in task order: their old rows go. */
  personIds: readonly string[];
  rows: ReadonlyMap<string, ProjectedRows | null>;
  point: SyncPoint;
  /** Every store is cleared first (a reset). */
  reset: boolean;
  /**
   * People known to own no row (written by nobody since this run's reset cleared the stores): their old
   * rows are not looked up. A first population's later batches skip a lookup per person and store so.
   */
  rowless?: (personId: string) => boolean;
  projectionVersion: string;
  /** Called after the writes and before the transaction completes; throwing aborts it. */
  beforeCommit: (label: string) => void;
}

/** Writes rows and sync point in ONE transaction, so a crash leaves both or neither. */
export async function commitRows(
  db: IDBPDatabase<unknown>,
  schema: ConsumerSchema,
  { personIds, rows, point, reset, projectionVersion, beforeCommit, rowless }: RowsCommit,
): Promise<void> {
  const storeNames = schema.stores.map((spec) => spec.name);
  const tx = db.transaction([SYNC_STATE_STORE, ...storeNames], 'readwrite');
  tx.done.catch(() => undefined);
  await abortOnError(tx, async () => {
    // Raw stores: one promise for the batch instead of one a row (requestAll).
    const raw = (name: string) => unwrap(tx.objectStore(name));
    const requests: RawRequest[] = [];
    if (reset) {
      for (const name of storeNames) requests.push(() => raw(name).clear());
    } else {
      const owners = rowless === undefined ? personIds : personIds.filter((id) => !rowless(id));
      const stale = await rowKeysOf(schema, tx, owners, rows);
      for (const [name, key] of stale) requests.push(() => raw(name).delete(key));
    }
    for (const projected of rows.values()) {
      if (projected === null) continue;
      for (const [name, storeRows] of Object.entries(projected)) {
        const store = raw(name);
        for (const row of storeRows ?? []) requests.push(() => store.put(row));
      }
    }
    const state: ConsumerSyncState = { point, projectionVersion };
    requests.push(() => raw(SYNC_STATE_STORE).put(state, STATE_KEY));
    await requestAll(requests);
    beforeCommit(`${reset ? 'reset' : 'batch'}@${point.revision}`);
    await tx.done;
  });
}

/**
 * The primary keys of every row the given people own, store by store, except rows the new rows
 * replace anyway: in a store keyed by person id, the person's new row overwrites the old one, so
 * only a person left without a row there needs a delete (a request less per person and store).
 */
async function rowKeysOf(
  schema: ConsumerSchema,
  tx: IDBPTransaction<unknown, string[], 'readwrite'>,
  personIds: readonly string[],
  rows: ReadonlyMap<string, ProjectedRows | null>,
): Promise<Array<[string, IDBValidKey]>> {
  const found: Array<[string, IDBValidKey]> = [];
  await Promise.all(
    schema.stores.map(async (spec) => {
      const store = tx.objectStore(spec.name);
      if (isKeyedByPerson(spec)) {
        for (const personId of personIds) {
          const replaced = (rows.get(personId)?.[spec.name]?.length ?? 0) > 0;
          if (!replaced) found.push([spec.name, personId]);
        }
        return;
      }
      const index = store.index(PERSON_INDEX);
      const keys = await Promise.all(personIds.map((personId) => index.getAllKeys(personId)));
      for (const list of keys) for (const key of list) found.push([spec.name, key]);
    }),
  );
  return found;
}
