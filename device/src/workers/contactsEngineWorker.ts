import { createContactsConsumer } from '@gcds/consumer-contacts';
import { type Contact, type PersonRecord, PROVIDER_STORE_NAME } from '@gcds/shared';
import { CONTACTS_APP_METHODS } from '../protocol/contactsApi';
import { ContactsEngine } from './contactsEngine';
import { ContactsSettingsStore } from './contactsSettingsStore';
import { hostEngine } from './engineHost';
import { engineStatus$ } from './engineStatus';

/** The Contacts app's engine worker: the contacts consumer at the app's level, and the engine over it. */
hostEngine(async (context) => {
  const consumer = await createContactsConsumer({
    platform: context.platform,
    identity: context.identity,
    locale: context.config.locale,
    region: context.config.region,
    dbName: `${context.config.namespace}:app:${context.manifest.appId}`,
  });
  const settings = await ContactsSettingsStore.open(
    `${context.config.namespace}:app:${context.manifest.appId}:settings`,
  );
  const engine = new ContactsEngine({
    identity: context.identity,
    region: context.config.region,
    consumer,
    service: (name) => context.service(name),
    connected: () => context.connected(),
    gcdsRecord: async (personId) =>
      (await context.platform.openStore<PersonRecord>(context.identity, 'gcds', 'gcds')).get(personId),
    readBlob: async (provider, blobId) =>
      (await context.platform.openStore<Contact>(context.identity, PROVIDER_STORE_NAME, provider)).getBlob(
        blobId,
      ),
    settings: {
      nameOrder: () => settings.nameOrder(),
      setNameOrder: (order) => settings.setNameOrder(order),
    },
  });
  return {
    appApi: engine.appApi,
    methods: CONTACTS_APP_METHODS,
    status$: engineStatus$(consumer.sync.status$),
    setLoading: (progress) => engine.setLoading(progress),
  };
});
