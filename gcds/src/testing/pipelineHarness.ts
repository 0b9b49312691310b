/**
 * Test support: the whole pipeline in one process (platform, provider registry, GCDS), with providers
 * whose stores the test writes directly.
 */
import {
  type AccessLevel,
  type Contact,
  type DataStoreOwner,
  DataStorePlatform,
  type PersonRecord,
  ProviderRegistry,
} from '@gcds/shared';
import { storeProvider } from '@gcds/shared/testing';
import { GCDS_APP_ID, Gcds, type GcdsOptions } from '../gcdsService';

let counter = 0;

export interface Pipeline {
  namespace: string;
  platform: DataStorePlatform;
  registry: ProviderRegistry;
  gcds: Gcds;
  install(id: string, accessLevel: AccessLevel): Promise<DataStoreOwner<Contact>>;
  people(): Promise<PersonRecord[]>;
  /** People as sorted lists of `provider:contactId`, for order-free comparison. */
  groups(): Promise<string[]>;
  restartGcds(options?: Partial<GcdsOptions>): Promise<Gcds>;
}

export async function startPipeline(options: Partial<GcdsOptions> = {}): Promise<Pipeline> {
  counter += 1;
  const namespace = `pipeline-${counter}-${Math.random().toString(36).slice(2)}`;
  const platform = new DataStorePlatform({ namespace });
  const registry = new ProviderRegistry(platform);
  const identity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
  const pipeline: Pipeline = {
    namespace,
    platform,
    registry,
    gcds: await Gcds.start({ platform, identity, ...options }),
    async install(id, accessLevel) {
      const installed = await registry.install(storeProvider(id, accessLevel));
      return installed.api;
    },
    async people() {
      await pipeline.gcds.whenIdle();
      const ids = await pipeline.gcds.personIds();
      return (await Promise.all(ids.map((id) => pipeline.gcds.getPerson(id)))) as PersonRecord[];
    },
    async groups() {
      const people = await pipeline.people();
      return people
        .map((person) =>
          person.pointers
            .map((p) => `${p.provider}:${p.contactId}`)
            .sort()
            .join(' + '),
        )
        .sort();
    },
    async restartGcds(restartOptions = {}) {
      await pipeline.gcds.stop();
      pipeline.gcds = await Gcds.start({ platform, identity, ...options, ...restartOptions });
      return pipeline.gcds;
    },
  };
  return pipeline;
}
