import { createDialerConsumer } from '@gcds/consumer-dialer';
import { demoActivityFor } from '../demo/demoActivity';
import { PHONE_APP_METHODS } from '../protocol/phoneApi';
import { CallLogStore } from './callLogStore';
import { hostEngine } from './engineHost';
import { engineStatus$ } from './engineStatus';
import { demoCalls, PhoneEngine } from './phoneEngine';

/** The Phone app's engine worker: the dialer consumer at the Phone app's level, and its call log. */
hostEngine(async (context) => {
  const database = `${context.config.namespace}:app:${context.manifest.appId}`;
  const dialer = await createDialerConsumer({
    platform: context.platform,
    identity: context.identity,
    region: context.config.region,
    dbName: database,
  });
  const log = await CallLogStore.open(`${database}:calls`);
  if ((await log.count()) === 0) {
    // A new phone has a few days of calls, so the log shows names (and numbers it may not name).
    await log.add(demoCalls(demoActivityFor(context.config.demo).calls, Date.now()));
  }
  const engine = new PhoneEngine(context.identity, context.config.region, dialer, log);
  return { appApi: engine.appApi, methods: PHONE_APP_METHODS, status$: engineStatus$(dialer.status$) };
});
