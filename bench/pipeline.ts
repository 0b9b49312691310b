import { CONTACTS_APP, createInProcessPipeline, DIALER_APP, MESSAGING_APP } from '@gcds/cli/pipeline';
import type { ContactsConsumer } from '@gcds/consumer-contacts';
import type { DialerConsumer } from '@gcds/consumer-dialer';
import type { MessagingConsumer } from '@gcds/consumer-messaging';
import type { Gcds } from '@gcds/gcds';
import { DEFAULT_FRIEND_BATCHING, FACEBOOK_SIM_MANIFEST } from '@gcds/provider-facebook-sim';
import { LOCAL_PROVIDER_MANIFEST } from '@gcds/provider-local';
import { DEFAULT_CARD_BATCHING, VCARD_PROVIDER_MANIFEST } from '@gcds/provider-vcard';
import {
  type AppIdentity,
  type ConsumerSyncControl,
  type ConsumerSyncStatus,
  type Contact,
  type DataStoreOwner,
  type DataStorePlatform,
  DEFAULT_IMPORT_BATCHING,
  defineProvider,
  type ImportBatching,
  importBatches,
  type ProviderManifest,
  type WriteOperation,
} from '@gcds/shared';
import { deleteDB } from 'idb';
import { filter, firstValueFrom } from 'rxjs';
import { BENCH_PROVIDERS, type BenchDataset, type BenchProviderId } from './dataset';

export const BENCH_REGION = 'US';

const MANIFESTS: Record<BenchProviderId, ProviderManifest> = {
  local: LOCAL_PROVIDER_MANIFEST,
  vcard: VCARD_PROVIDER_MANIFEST,
  'facebook-sim': FACEBOOK_SIM_MANIFEST,
};

/**
 * How each provider writes a first import, taken from the providers themselves: the local provider in
 * `importMany` calls of 250 contacts (four of them) then doubling up to 2,000 (each one transaction), as
 * the phone's "Load demo people" writes it (device/src/workers/providerWorker.ts); the vCard provider an
 * import without a `batchSize` in batches of cards the same way (DEFAULT_CARD_BATCHING); facebook-sim, at
 * its defaults, pages of 200 friends committed one at a time four times, then 2, 4, 8 and 10 pages at a
 * time: 200 up to 2,000 (DEFAULT_FRIEND_BATCHING; the phone's pages of 250 give 250 to 2,000).
 */
export const IMPORT_BATCH: Record<BenchProviderId, ImportBatching> = {
  local: DEFAULT_IMPORT_BATCHING,
  vcard: DEFAULT_CARD_BATCHING,
  'facebook-sim': DEFAULT_FRIEND_BATCHING,
};

/** Contacts, Phone (dialer) and Messages. */
export const PIPELINE_CONSUMERS = 3;

/** A consumer app of the pipeline, as the bench sees it: its sync engine and a way to stop it. */
export interface BenchConsumer {
  readonly name: string;
  readonly sync: ConsumerSyncControl;
  stop(): Promise<void>;
}

export interface BenchPipeline {
  readonly platform: DataStorePlatform;
  readonly gcds: Gcds;
  readonly gcdsIdentity: AppIdentity;
  readonly stores: Record<BenchProviderId, DataStoreOwner<Contact>>;
  readonly consumers: BenchConsumer[];
  readonly contacts: ContactsConsumer;
  readonly dialer: DialerConsumer;
  readonly messaging: MessagingConsumer;
  readonly contactsIdentity: AppIdentity;
  readonly namespace: string;
  /** Each provider writes its records as its real import does (see IMPORT_BATCH), all three at once. */
  importDataset(dataset: BenchDataset): Promise<void>;
  /** Resolves once the GCDS has caught up with every provider and every consumer with the GCDS. */
  settled(): Promise<void>;
  /** Opens the Contacts app's engine again over its database (an app launch). */
  openContacts(): Promise<ContactsConsumer>;
  stop(): Promise<void>;
}

/** A provider plugin with a real provider's id and manifest whose store the bench writes directly. */
function benchProvider(id: BenchProviderId) {
  return defineProvider({
    id,
    manifest: MANIFESTS[id],
    start: (ctx): DataStoreOwner<Contact> => ctx.store,
  });
}

let counter = 0;

export interface PipelineOptions {
  /** Which providers to install (default: all three). */
  providers?: readonly BenchProviderId[];
}

/** The whole product on one platform: three providers, the GCDS and the consumer apps. */
export async function startPipeline(options: PipelineOptions = {}): Promise<BenchPipeline> {
  counter += 1;
  const namespace = `bench-${Date.now().toString(36)}-${counter}`;
  const wiring = createInProcessPipeline({ namespace, region: BENCH_REGION });
  const { platform, registry, gcdsIdentity } = wiring;
  const stores = {} as Record<BenchProviderId, DataStoreOwner<Contact>>;
  for (const id of options.providers ?? BENCH_PROVIDERS) {
    stores[id] = (await registry.install(benchProvider(id))).api;
  }
  const gcds = await wiring.startGcds();
  const contactsIdentity = wiring.registerApp(CONTACTS_APP.name, CONTACTS_APP.level);
  const openContacts = () =>
    wiring.openApp(CONTACTS_APP, contactsIdentity, { dbName: `${namespace}:consumer-contacts` });
  const contacts = await openContacts();
  const dialer = await wiring.openApp(DIALER_APP, wiring.registerApp(DIALER_APP.name, DIALER_APP.level), {
    dbName: `${namespace}:consumer-dialer`,
  });
  const messaging = await wiring.openApp(
    MESSAGING_APP,
    wiring.registerApp(MESSAGING_APP.name, MESSAGING_APP.level),
    { dbName: `${namespace}:consumer-messaging` },
  );
  const consumers: BenchConsumer[] = [
    { name: 'contacts', sync: contacts.sync, stop: () => contacts.stop() },
    { name: 'dialer', sync: dialer.sync, stop: () => dialer.stop() },
    { name: 'messaging', sync: messaging.sync, stop: () => messaging.stop() },
  ];

  const pipeline: BenchPipeline = {
    platform,
    gcds,
    gcdsIdentity,
    stores,
    consumers,
    contacts,
    dialer,
    messaging,
    contactsIdentity,
    namespace,
    async importDataset(dataset) {
      await Promise.all(
        (Object.keys(stores) as BenchProviderId[]).map(async (provider) => {
          const records = dataset.records[provider];
          for (const [start, end] of importBatches(records.length, IMPORT_BATCH[provider])) {
            await stores[provider].bulk(puts(records.slice(start, end)));
          }
        }),
      );
    },
    async settled() {
      while (true) {
        await gcds.whenIdle();
        const revision = await gcds.store.getRevision();
        await Promise.all(consumers.map((consumer) => consumerAt(consumer.sync, revision)));
        await gcds.whenIdle();
        if ((await gcds.store.getRevision()) === revision) return;
      }
    },
    openContacts,
    async stop() {
      for (const consumer of consumers) await consumer.stop();
      await gcds.stop();
      await wiring.shutdown();
      // Drop every database of this pipeline: the metrics after it get a small heap (Node keeps
      // fake-indexeddb's data there) and an empty disk.
      const names = (await indexedDB.databases()).map((info) => info.name ?? '');
      await Promise.all(
        names.filter((name) => name.startsWith(`${namespace}:`)).map((name) => deleteDB(name)),
      );
    },
  };
  return pipeline;
}

export function puts(contacts: readonly Contact[]): WriteOperation<Contact>[] {
  return contacts.map((contact) => ({ operation: 'put', id: contact.id, data: contact }));
}

/** Resolves when the consumer's rows reflect at least `revision` of the GCDS and no run is under way. */
export async function consumerAt(
  sync: ConsumerSyncControl,
  revision: number,
  timeoutMs = 15 * 60_000,
): Promise<ConsumerSyncStatus> {
  const reached = (status: ConsumerSyncStatus) => status.revision >= revision && !status.syncing;
  if (reached(sync.status())) return sync.status();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const { revision: at, lastError } = sync.status();
      reject(
        new Error(`consumer stuck at revision ${at} of ${revision}: ${lastError?.message ?? 'no error'}`),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([firstValueFrom(sync.status$.pipe(filter(reached))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
