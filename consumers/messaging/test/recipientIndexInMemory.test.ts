import { startPipeline } from '@gcds/gcds/testing';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createMessagingConsumer, MESSAGING_SCHEMA, RECIPIENT_STORE } from '../src';

async function world(dbName: string) {
  const pipeline = await startPipeline({ region: 'US' });
  const local = await pipeline.install('local', 'privileged');
  const identity = pipeline.platform.registerApp({ appId: 'messaging', accessLevel: 'privileged' });
  const open = () => createMessagingConsumer({ platform: pipeline.platform, identity, region: 'US', dbName });
  const settle = async (messaging: Awaited<ReturnType<typeof open>>) => {
    await pipeline.gcds.whenIdle();
    await messaging.syncNow();
  };
  return { pipeline, local, open, settle };
}

const shown = (list: ReadonlyArray<{ displayName: string; address: { value: string } }>) =>
  list.map((s) => `${s.displayName}|${s.address.value}`);

describe('messaging: recipient search in memory', () => {
  it('follows an add, an edit and a delete after the first search built it', async () => {
    const { pipeline, local, open, settle } = await world('messaging-follows');
    const messaging = await open();
    await local.put('a', { id: 'a', given: 'Ada', tel: [{ value: '+1 415 555 0101' }] });
    await settle(messaging);
    expect(shown(await messaging.searchRecipients('ad'))).toEqual(['Ada|+1 415 555 0101']);
    expect(messaging.recipientSearchStats()?.people).toBe(1);

    await local.put('b', { id: 'b', given: 'Adam', email: [{ value: 'adam@example.org' }] });
    await settle(messaging);
    expect(shown(await messaging.searchRecipients('ad'))).toEqual([
      'Ada|+1 415 555 0101',
      'Adam|adam@example.org',
    ]);
    expect(shown(await messaging.searchRecipients('adam@'))).toEqual(['Adam|adam@example.org']);

    await local.put('a', { id: 'a', given: 'Zoe', tel: [{ value: '+1 415 555 0199' }] });
    await settle(messaging);
    expect(shown(await messaging.searchRecipients('ad'))).toEqual(['Adam|adam@example.org']);
    expect(shown(await messaging.searchRecipients('zo'))).toEqual(['Zoe|+1 415 555 0199']);
    expect(shown(await messaging.searchRecipients('415 555 01'))).toEqual(['Zoe|+1 415 555 0199']);

    await local.remove('b');
    await settle(messaging);
    expect(await messaging.searchRecipients('ad')).toEqual([]);
    expect(messaging.recipientSearchStats()?.people).toBe(1);
    await messaging.stop();
    await pipeline.gcds.stop();
  });

  it('names threads from a fresh open without building the search index', async () => {
    const { pipeline, local, open, settle } = await world('messaging-fresh-open');
    const first = await open();
    await local.put('a', { id: 'a', given: 'Ada', tel: [{ value: '+1 415 555 0101' }] });
    await local.put('c', { id: 'c', given: 'Cy', email: [{ value: 'cy@example.org' }] });
    await settle(first);
    await first.stop();

    const launched = await open();
    const names = await launched.displayNamesFor(['(415) 555-0101', 'CY@example.org', '+1 650 555 0000']);
    expect([...names.values()].map((name) => name?.displayName)).toEqual(['Ada', 'Cy', undefined]);
    expect(launched.recipientSearchStats()).toBeUndefined();
    await launched.stop();
    await pipeline.gcds.stop();
  });

  it('drops the old search indexes of a version 2 database and rebuilds its rows from the GCDS', async () => {
    const dbName = 'messaging-upgraded';
    const { pipeline, local, open, settle } = await world(dbName);
    await local.put('a', { id: 'a', given: 'Ada', tel: [{ value: '+1 415 555 0101' }] });
    await pipeline.gcds.whenIdle();
    // The database as the previous version left it: five indexes and a row of the old shape.
    const old = await openDB(dbName, 2, {
      upgrade(db) {
        db.createObjectStore('consumerSync');
        const store = db.createObjectStore(RECIPIENT_STORE, { keyPath: 'personId' });
        store.createIndex('byNameKey', 'nameKey');
        store.createIndex('byNameWord', 'nameWords', { multiEntry: true });
        store.createIndex('byPhoneLookupKey', 'phoneLookupKeys', { multiEntry: true });
        store.createIndex('byPhoneDigits', 'phoneDigits', { multiEntry: true });
        store.createIndex('byEmailKey', 'emailKeys', { multiEntry: true });
      },
    });
    await old.put(RECIPIENT_STORE, { personId: 'stale', displayName: 'Stale', phoneDigits: ['1'] });
    old.close();

    const messaging = await open();
    await settle(messaging);
    const tx = messaging.sync.db.transaction(RECIPIENT_STORE);
    expect(messaging.sync.db.version).toBe(MESSAGING_SCHEMA.version);
    expect([...tx.store.indexNames].sort()).toEqual(['byEmailKey', 'byPhoneLookupKey']);
    const rows = await tx.store.getAll();
    expect(rows.map((row) => row.displayName)).toEqual(['Ada']);
    expect(rows[0]).not.toHaveProperty('phoneDigits');
    expect(shown(await messaging.searchRecipients('ada'))).toEqual(['Ada|+1 415 555 0101']);
    await messaging.stop();
    await pipeline.gcds.stop();
  });
});
