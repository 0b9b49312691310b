import {
  type Contact,
  type DataStoreReader,
  type PersonRecord,
  type SyncTask,
  sourceKey,
  type TransactionalDataStoreOwner,
} from '@gcds/shared';
import { MATCH_KEYS_VERSION, type SourceMatchKeys, sourceMatchKeys } from './matchKeys';
import type { IncomingSource, PersonGraph, SourceChange } from './personGraph';
import type { GcdsSchema, GcdsTransaction } from './schema';
import type { ProviderCursor } from './types';

/** Runs `body` in one GCDS transaction over the person graph, labelled for crash injection. */
export type GraphTransact = (
  label: string,
  body: (graph: PersonGraph, tx: GcdsTransaction) => Promise<void>,
) => Promise<void>;

export interface IngestContext {
  store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>;
  transact: GraphTransact;
  /** Default phone region for numbers without a country code. */
  region: string;
}

/** Match keys of a record that is not a well-formed contact: matched with nothing. */
const NO_MATCH_KEYS: SourceMatchKeys = {
  nameKeys: [],
  nameSuffix: '',
  names: [],
  company: '',
  org: '',
  displayName: '',
  phones: [],
  phoneKeys: [],
  emails: [],
};

/**
 * A provider record as the GCDS keeps it: identity and match keys. A record that is not a well-formed
 * contact (a careless provider) stays a person of its own, matched with nothing, instead of failing the
 * batch and every record of its provider after it.
 */
export function incomingSource(
  reader: Pick<DataStoreReader<Contact>, 'owner' | 'accessLevel'>,
  contactId: string,
  contact: Contact,
  revision: number,
  region: string,
): IncomingSource {
  let keys: SourceMatchKeys;
  try {
    keys = sourceMatchKeys(contact, region);
  } catch {
    keys = NO_MATCH_KEYS;
  }
  const provider = reader.owner;
  return {
    key: sourceKey({ provider, contactId }),
    provider,
    contactId,
    accessLevel: reader.accessLevel,
    revision,
    ...keys,
  };
}

/**
 * Reads everything the provider has after the GCDS's cursor, then applies it with the cursor in one
 * transaction. Provider records are read and their keys computed before the transaction opens, since
 * a transaction must not wait on anything but itself. Returns the cursor written, or undefined when
 * there was nothing to write (or the provider went away mid-read: `stillWatched` says so).
 */
export async function ingestProvider(
  context: IngestContext,
  reader: DataStoreReader<Contact>,
  stillWatched: () => boolean,
): Promise<ProviderCursor | undefined> {
  const provider = reader.owner;
  const cursor = await context.store.readExtra(['cursors'], ([cursors]) => cursors.get(provider));
  const keys = `${MATCH_KEYS_VERSION}/${context.region}`;
  // Keys made by another version or for another region: read the provider again from the start, so
  // every source is upserted with keys made the current way (person ids and decisions stay).
  const from = cursor === undefined || cursor.keys !== keys ? 0 : cursor;
  const tasks: SyncTask<Contact>[] = [];
  try {
    for await (const task of reader.sync(from)) tasks.push(task);
  } catch (error) {
    // The store went away under us (uninstalled mid-sync): the uninstall job cleans up.
    if (!stillWatched()) return undefined;
    throw error;
  }
  const done = tasks.at(-1);
  if (done?.operation !== 'done') return undefined;
  if (
    cursor !== undefined &&
    cursor.keys === keys &&
    tasks.length === 1 &&
    done.revision === cursor.revision &&
    done.epoch === cursor.epoch
  ) {
    return undefined;
  }
  const prepared = tasks.map((task) =>
    task.operation === 'add' || task.operation === 'update'
      ? { task, source: incomingSource(reader, task.id, task.data, task.revision, context.region) }
      : { task, source: undefined },
  );
  const next: ProviderCursor = { provider, epoch: done.epoch, revision: done.revision, keys };
  await context.transact(`sync:${provider}`, async (graph, tx) => {
    // The changes between two clears go to the graph as one batch, in the provider's order.
    let batch: SourceChange[] = [];
    for (const { task, source } of prepared) {
      if (task.operation === 'clear') {
        await graph.apply(batch);
        batch = (await graph.sourcesOfProvider(provider)).map((key) => ({ remove: key }));
      } else if (task.operation === 'remove') {
        batch.push({ remove: sourceKey({ provider, contactId: task.id }) });
      } else if (source !== undefined) {
        batch.push({ upsert: source });
      }
    }
    await graph.apply(batch);
    await graph.regroup();
    await tx.objectStore('cursors').put(next);
  });
  return next;
}

/** Removes every source of an uninstalled provider, and its cursor, in one transaction. */
export async function forgetProvider(transact: GraphTransact, provider: string): Promise<void> {
  await transact(`uninstall:${provider}`, async (graph, tx) => {
    await graph.apply((await graph.sourcesOfProvider(provider)).map((key) => ({ remove: key })));
    await graph.regroup();
    await tx.objectStore('cursors').delete(provider);
  });
}
