import {
  type Contact,
  type DataStoreReader,
  type PersonRecord,
  type SyncCursor,
  type SyncPoint,
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
  /** Records per transaction (DEFAULT_INGEST_PAGING unless told). */
  paging?: IngestPaging;
  /**
   * The providers' cursors as committed, when the caller keeps them (it is their only writer): read
   * from here instead of the store, and set as each page commits. A provider missing from it is read.
   */
  cursors?: Map<string, ProviderCursor>;
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
 * How many provider records one ingest transaction takes: a first population starts with a small page,
 * so apps show people at once, then each page is twice the last, up to `max` (where later syncs start).
 */
export interface IngestPaging {
  first: number;
  max: number;
}

/**
 * A first page of 100 records is in every app within a few hundred milliseconds (250 took ~250 ms more
 * in Chromium at 10,000, as each hop's first commit waits behind the batches already queued); growing
 * pages up to 2,000 keep the per-transaction cost (regroup's reads, a commit, every app's wake-up)
 * small against the records they carry: 10,000 records of one provider are 9 transactions.
 */
export const DEFAULT_INGEST_PAGING: IngestPaging = { first: 100, max: 2_000 };

/** Tasks read ahead of a transaction: the page's changes and where the provider's cursor may then stand. */
interface ReadPage {
  tasks: SyncTask<Contact>[];
  /** Set when the provider's sync ended with this page. */
  done?: Extract<SyncTask<Contact>, { operation: 'done' }>;
  /** Where the GCDS may resume after this page: undefined in the middle of a replay after a clear. */
  point: SyncPoint | undefined;
}

async function readPage(tasks: SyncCursor<Contact>, size: number): Promise<ReadPage> {
  const page: SyncTask<Contact>[] = [];
  while (page.length < size) {
    const task = await tasks.next();
    if (task.operation === 'done') return { tasks: page, done: task, point: task };
    page.push(task);
  }
  return { tasks: page, point: tasks.resumePoint() };
}

/**
 * Reads what the provider has after the GCDS's cursor and applies it page by page, each page with the
 * cursor it reaches in ONE transaction: a kill mid-way keeps the pages committed and loses and doubles
 * nothing, and every app can show the first page while the rest is read. Provider records are read and
 * their keys computed before a page's transaction opens (a transaction must not wait on anything but
 * itself); the next page is read while the previous one commits. A replay after a clear cannot be resumed
 * in the middle: its pages commit without a cursor (a kill replays it from the start), sources it brings
 * replace the stored ones as they come, and those it did not bring go with its last page. After a page
 * with its cursor it stops when `otherWaiting` says another provider waits, so that every provider's first
 * pages reach the apps while one of them is still importing (`more`: it has more to read; not when the
 * provider went away mid-read, which `stillWatched` says). Each cursor written is set in `cursors` as its
 * page commits.
 */
export async function ingestProvider(
  context: IngestContext,
  reader: DataStoreReader<Contact>,
  stillWatched: () => boolean,
  otherWaiting: () => boolean = () => false,
): Promise<{ more: boolean }> {
  const provider = reader.owner;
  const cursor =
    context.cursors?.get(provider) ??
    (await context.store.readExtra(['cursors'], ([cursors]) => cursors.get(provider)));
  const keys = `${MATCH_KEYS_VERSION}/${context.region}`;
  // Keys made by another version or for another region: read the provider again from the start, so
  // every source is upserted with keys made the current way (person ids and decisions stay).
  const from = cursor === undefined || cursor.keys !== keys ? 0 : cursor;
  const paging = context.paging ?? DEFAULT_INGEST_PAGING;
  const tasks = reader.sync(from);
  let written: ProviderCursor | undefined;
  /** Every source upserted since the last clear; undefined when no clear came. */
  let replayed: Set<string> | undefined;
  // Only a first population starts small: it is what apps wait on to show anyone. A provider the GCDS
  // synced while it was still empty (installed, then imported into) is at revision 0: a first population.
  let size = cursor === undefined || cursor.revision === 0 ? paging.first : paging.max;
  let reading = readPage(tasks, size);
  try {
    while (true) {
      let page: ReadPage;
      try {
        page = await reading;
      } catch (error) {
        // The store went away under us (uninstalled mid-sync): the uninstall job cleans up.
        if (!stillWatched()) return { more: false };
        throw error;
      }
      const { done } = page;
      // Nothing after where the GCDS stands (or the last page was full and nothing followed it), or a
      // provider still empty: a transaction for its cursor alone would queue before the first people.
      const standing = written ?? cursor;
      const nothingNew =
        done !== undefined &&
        page.tasks.length === 0 &&
        replayed === undefined &&
        (standing === undefined
          ? done.revision === 0
          : standing.keys === keys && done.revision === standing.revision && done.epoch === standing.epoch);
      if (nothingNew) return { more: false };
      if (done === undefined) {
        size = Math.min(size * 2, paging.max);
        reading = readPage(tasks, size);
        // Awaited on the next turn; a failed transaction below must not leave it rejecting unheard.
        reading.catch(() => undefined);
      }
      const changes: SourceChange[] = [];
      for (const task of page.tasks) {
        if (task.operation === 'clear') {
          replayed = new Set();
        } else if (task.operation === 'remove') {
          changes.push({ remove: sourceKey({ provider, contactId: task.id }) });
        } else if (task.operation === 'add' || task.operation === 'update') {
          const source = incomingSource(reader, task.id, task.data, task.revision, context.region);
          replayed?.add(source.key);
          changes.push({ upsert: source });
        }
      }
      const next: ProviderCursor | undefined =
        page.point === undefined ? undefined : { provider, ...page.point, keys };
      const stale = done === undefined ? undefined : replayed;
      await context.transact(`sync:${provider}`, async (graph, tx) => {
        await graph.apply(changes);
        if (stale !== undefined) {
          const gone = (await graph.sourcesOfProvider(provider)).filter((key) => !stale.has(key));
          await graph.apply(gone.map((key) => ({ remove: key })));
        }
        await graph.regroup();
        if (next !== undefined) await tx.objectStore('cursors').put(next);
      });
      if (next !== undefined) {
        written = next;
        context.cursors?.set(provider, next);
      }
      if (done !== undefined) return { more: false };
      if (next !== undefined && otherWaiting()) return { more: true };
    }
  } finally {
    tasks.close();
  }
}

/** Removes every source of an uninstalled provider, and its cursor, in one transaction. */
export async function forgetProvider(transact: GraphTransact, provider: string): Promise<void> {
  await transact(`uninstall:${provider}`, async (graph, tx) => {
    await graph.apply((await graph.sourcesOfProvider(provider)).map((key) => ({ remove: key })));
    await graph.regroup();
    await tx.objectStore('cursors').delete(provider);
  });
}
