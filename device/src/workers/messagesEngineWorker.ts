import { createMessagingConsumer } from '@gcds/consumer-messaging';
import { demoActivityFor } from '../demo/demoActivity';
import { MESSAGES_APP_METHODS } from '../protocol/messagesApi';
import { hostEngine } from './engineHost';
import { engineStatus$ } from './engineStatus';
import { MessageStore } from './messageStore';
import { demoMessages, MessagesEngine } from './messagesEngine';

/** The Messages app's engine worker: the messaging consumer at the Messages app's level, and its threads. */
hostEngine(async (context) => {
  const database = `${context.config.namespace}:app:${context.manifest.appId}`;
  const region = context.config.region;
  const messaging = await createMessagingConsumer({
    platform: context.platform,
    identity: context.identity,
    region,
    dbName: database,
  });
  const store = await MessageStore.open(`${database}:threads`);
  if (await store.isEmpty()) {
    // A new phone has a few conversations, so the list shows names (and numbers it may not name).
    await store.add(demoMessages(demoActivityFor(context.config.demo).messages, region, Date.now()));
  }
  const engine = new MessagesEngine(context.identity, region, messaging, store);
  return { appApi: engine.appApi, methods: MESSAGES_APP_METHODS, status$: engineStatus$(messaging.status$) };
});
