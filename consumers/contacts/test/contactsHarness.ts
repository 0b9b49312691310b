import { GCDS_APP_ID, Gcds } from '@gcds/gcds';
import {
  type AccessLevel,
  type AppIdentity,
  type Contact,
  type DataStoreOwner,
  DataStorePlatform,
  ProviderRegistry,
} from '@gcds/shared';
import { storeProvider } from '@gcds/shared/testing';
import {
  type ContactsConsumer,
  type ContactsConsumerOptions,
  createContactsConsumer,
  type ListItem,
  type NameOrder,
} from '../src';

export { contact } from '@gcds/shared/testing';

let counter = 0;

export interface World {
  platform: DataStorePlatform;
  registry: ProviderRegistry;
  gcds: Gcds;
  gcdsIdentity: AppIdentity;
  contactsIdentity: AppIdentity;
  install(id: string, level: AccessLevel): Promise<DataStoreOwner<Contact>>;
  consumer(options?: Partial<ContactsConsumerOptions>): Promise<ContactsConsumer>;
  /** Lets the GCDS and then the consumer catch up with every write so far. */
  settle(consumer: ContactsConsumer): Promise<void>;
}

/** The real platform, provider registry and GCDS, and a certified Contacts app identity. */
export async function startWorld(): Promise<World> {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `contacts-consumer-${counter}-${Math.random()}` });
  const registry = new ProviderRegistry(platform, { defaultRegion: 'US' });
  const gcdsIdentity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
  const gcds = await Gcds.start({ platform, identity: gcdsIdentity, region: 'US' });
  const contactsIdentity = platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
  const world: World = {
    platform,
    registry,
    gcds,
    gcdsIdentity,
    contactsIdentity,
    async install(id, level) {
      return (await registry.install(storeProvider(id, level))).api;
    },
    consumer(options = {}) {
      return createContactsConsumer({
        platform,
        identity: contactsIdentity,
        locale: 'en',
        region: 'US',
        dbName: `contacts-${counter}`,
        ...options,
      });
    },
    async settle(consumer) {
      await world.gcds.whenIdle();
      await consumer.sync.syncNow();
    },
  };
  return world;
}

export async function putAll(store: DataStoreOwner<Contact>, contacts: Contact[]): Promise<void> {
  await store.bulk(contacts.map((c) => ({ operation: 'put' as const, id: c.id, data: c })));
}

/** Every item of the list in `order`, read page by page as the app scrolls through it. */
export async function wholeList(
  consumer: ContactsConsumer,
  pageSize: number,
  order?: NameOrder,
): Promise<ListItem[]> {
  const items: ListItem[] = [];
  let page = await consumer.firstPage(pageSize, order);
  items.push(...page.items);
  while (page.next !== undefined) {
    page = await consumer.pageAfter(page.next, pageSize);
    items.push(...page.items);
  }
  return items;
}
