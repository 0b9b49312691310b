import { createContactsConsumer } from '@gcds/consumer-contacts';
import { GCDS_APP_ID, Gcds } from '@gcds/gcds';
import { LOCAL_PROVIDER_MANIFEST } from '@gcds/provider-local';
import {
  type Contact,
  type DataStoreOwner,
  DataStorePlatform,
  defineProvider,
  ProviderRegistry,
} from '@gcds/shared';
import { deleteDB } from 'idb';
import { allRecords, type BenchDataset } from '../dataset';
import type { PeerJob } from '../peers/peerJob';
import { peerJob } from '../peers/peerJob';
import { BENCH_REGION, consumerAt, puts } from '../pipeline';
import type { RowSink } from '../rows';

/** The peers this environment can run: each takes the job and answers its milliseconds. */
export interface PeerRunners {
  pouchdb(job: PeerJob): Promise<number>;
  rxdb?(job: PeerJob): Promise<number>;
}

let counter = 0;

/**
 * Our pipeline on the peer job: one provider store holds the records (written before the clock
 * starts); the GCDS starts, finds it and syncs it, and the Contacts consumer copies the people into its
 * own store; then 1% of the records change in one provider write and flow through again.
 */
export async function ourCopy(job: PeerJob): Promise<number> {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `bench-copy-${Date.now().toString(36)}-${counter}` });
  const registry = new ProviderRegistry(platform, { defaultRegion: BENCH_REGION });
  const provider = defineProvider({
    id: 'local',
    manifest: LOCAL_PROVIDER_MANIFEST,
    start: (ctx): DataStoreOwner<Contact> => ctx.store,
  });
  const store = (await registry.install(provider)).api;
  for (let start = 0; start < job.records.length; start += 5000) {
    await store.bulk(puts(job.records.slice(start, start + 5000)));
  }
  const gcdsIdentity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
  const contactsIdentity = platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
  const begin = performance.now();
  const gcds = await Gcds.start({ platform, identity: gcdsIdentity, region: BENCH_REGION });
  const contacts = await createContactsConsumer({
    platform,
    identity: contactsIdentity,
    locale: 'en',
    region: BENCH_REGION,
    dbName: `${platform.namespace}:copy-contacts`,
  });
  const settle = async () => {
    await gcds.whenIdle();
    await consumerAt(contacts.sync, await gcds.store.getRevision());
  };
  await settle();
  await store.bulk(puts(job.updated));
  await settle();
  const elapsed = performance.now() - begin;
  const found = await contacts.search(job.updated[0]!.family ?? '', 50);
  if (found.length === 0) throw new Error('our copy lost an updated contact');
  await contacts.stop();
  await gcds.stop();
  await registry.shutdown();
  await platform.close();
  const names = (await indexedDB.databases()).map((info) => info.name ?? '');
  await Promise.all(
    names.filter((name) => name.startsWith(`${platform.namespace}:`)).map((name) => deleteDB(name)),
  );
  return elapsed;
}

export async function measurePeers(dataset: BenchDataset, sink: RowSink, peers: PeerRunners): Promise<void> {
  const job = peerJob(allRecords(dataset).map(({ contact }) => contact));
  const pouch = await peers.pouchdb(job);
  sink.add('peer_pouchdb_ms', pouch, 'ms');
  if (peers.rxdb !== undefined) sink.add('peer_rxdb_ms', await peers.rxdb(job), 'ms');
  const ours = await ourCopy(job);
  sink.add('ours_copy_ms', ours, 'ms');
  sink.add('ours_vs_pouchdb', ours / pouch, 'ratio');
}
