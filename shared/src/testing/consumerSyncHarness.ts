/**
 * Test support for the consumer sync engine and the consumers built on it: a platform with provider
 * stores and a `gcds` store the test writes PersonRecords into directly, exactly as the GCDS publishes
 * them.
 */
import type { AccessLevel } from '../access/accessLevel';
import type { ConsumerSchema } from '../consumerSync/consumerSchema';
import { createConsumerSync } from '../consumerSync/consumerSync';
import type { ConsumerSync, ConsumerSyncOptions } from '../consumerSync/consumerSyncTypes';
import type { Contact } from '../contact/contact';
import { type AppIdentity, DataStorePlatform } from '../dataStore/dataStorePlatform';
import type { TransactionalDataStoreOwner } from '../dataStore/types';
import type { MergedContact } from '../mergedView/mergedContact';
import type { PersonRecord, Pointer } from '../person/person';
import { READABLE_POINTERS_POLICY } from '../person/readablePointersPolicy';
import { PROVIDER_STORE_NAME } from '../provider/providerRegistry';

let counter = 0;

export interface Harness {
  platform: DataStorePlatform;
  gcdsApp: AppIdentity;
  gcds: TransactionalDataStoreOwner<PersonRecord>;
  providers: Map<
    string,
    { app: AppIdentity; store: TransactionalDataStoreOwner<Contact>; level: AccessLevel }
  >;
  install(provider: string, level: AccessLevel): Promise<TransactionalDataStoreOwner<Contact>>;
  uninstall(provider: string): Promise<void>;
  pointer(provider: string, contactId: string, revision?: number): Pointer;
  person(id: string, pointers: Pointer[]): PersonRecord;
}

export async function startHarness(): Promise<Harness> {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `consumer-sync-${counter}-${Math.random()}` });
  const gcdsApp = platform.registerApp({ appId: 'gcds', accessLevel: 'certified' });
  const gcds = await platform.ownStore<PersonRecord>(gcdsApp, {
    name: 'gcds',
    access: 'readonly',
    accessLevel: 'web',
    rowPolicy: READABLE_POINTERS_POLICY,
  });
  const providers: Harness['providers'] = new Map();
  const harness: Harness = {
    platform,
    gcdsApp,
    gcds,
    providers,
    async install(provider, level) {
      const app = platform.registerApp({ appId: provider, accessLevel: level });
      const store = await platform.ownStore<Contact>(app, {
        name: PROVIDER_STORE_NAME,
        access: 'readonly',
        accessLevel: level,
      });
      providers.set(provider, { app, store, level });
      return store;
    },
    async uninstall(provider) {
      const installed = providers.get(provider);
      if (installed === undefined) throw new Error(`no provider ${provider}`);
      await platform.removeStore(installed.app, PROVIDER_STORE_NAME);
      platform.unregisterApp(installed.app);
      providers.delete(provider);
    },
    pointer(provider, contactId, revision = 1) {
      const level = providers.get(provider)?.level ?? 'web';
      return { provider, contactId, accessLevel: level, revision };
    },
    person(id, pointers) {
      return { id, pointers, reasons: [] };
    },
  };
  return harness;
}

/** A small consumer: one row per person, plus one row per phone keyed by [digits, personId]. */
export const TEST_SCHEMA: ConsumerSchema = {
  version: 1,
  stores: [
    { name: 'people', keyPath: 'personId', indexes: [{ name: 'byName', keyPath: 'name' }] },
    { name: 'phones', keyPath: ['digits', 'personId'], indexes: [{ name: 'byDigits', keyPath: 'digits' }] },
  ],
};

export interface PersonRow {
  personId: string;
  name: string;
  sources: string[];
  emails: string[];
}

export interface PhoneRow {
  personId: string;
  digits: string;
}

export function testProjection(merged: MergedContact) {
  const name = [merged.given?.value, merged.family?.value].filter(Boolean).join(' ');
  return {
    people: [
      {
        personId: merged.personId,
        name,
        sources: merged.sources.map((s) => `${s.provider}:${s.contactId}`),
        emails: merged.email.map((e) => e.value.value),
      } satisfies PersonRow,
    ],
    phones: merged.tel.map((tel) => ({
      personId: merged.personId,
      digits: tel.value.value.replace(/\D/g, ''),
    })),
  };
}

export function startConsumer(
  harness: Harness,
  identity: AppIdentity,
  dbName: string,
  options: Partial<ConsumerSyncOptions> = {},
): Promise<ConsumerSync> {
  return createConsumerSync({
    platform: harness.platform,
    identity,
    dbName,
    region: 'US',
    schema: TEST_SCHEMA,
    project: testProjection,
    ...options,
  });
}

/** Everything the consumer holds, in key order, for whole-database comparisons. */
export async function snapshot(sync: ConsumerSync): Promise<{ people: PersonRow[]; phones: PhoneRow[] }> {
  return {
    people: (await sync.db.getAll('people')) as PersonRow[],
    phones: (await sync.db.getAll('phones')) as PhoneRow[],
  };
}
