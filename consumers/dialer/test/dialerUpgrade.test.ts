import { contact, startPipeline } from '@gcds/gcds/testing';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDialerConsumer } from '../src';

/** The Phone app's database as version 2 left it: a dial keys store beside the caller-ID rows. */
async function versionTwoDatabase(dbName: string): Promise<void> {
  const db = await openDB(dbName, 2, {
    upgrade(upgrading) {
      upgrading.createObjectStore('consumerSync');
      upgrading.createObjectStore('callerId', { keyPath: 'personId' }).createIndex('byName', 'nameKey');
      const keys = upgrading.createObjectStore('dialKeys', { keyPath: 'personId' });
      keys.createIndex('byLookupKey', 'lookupKeys', { multiEntry: true });
      keys.createIndex('byDialForm', 'dialForms', { multiEntry: true });
      keys.createIndex('byDigitSuffix', 'digitSuffixes', { multiEntry: true });
    },
  });
  // Someone the GCDS never had: a rebuild must not keep them.
  await db.put('callerId', { personId: 'ghost', displayName: 'Ghost', nameKey: 'ghost', phones: [] });
  await db.put('dialKeys', {
    personId: 'ghost',
    lookupKeys: ['e:+14155550101'],
    dialForms: ['4155550101'],
    digitSuffixes: ['4155550101'],
  });
  db.close();
}

describe('dialer: an older database', () => {
  it('drops the dial keys store and the name index on upgrade and is rebuilt from the GCDS', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }));
    await pipeline.gcds.whenIdle();
    const dbName = `dialer-upgrade-${Math.random()}`;
    await versionTwoDatabase(dbName);

    const dialer = await createDialerConsumer({
      platform: pipeline.platform,
      identity: pipeline.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
      region: 'US',
      dbName,
    });
    await dialer.syncNow();
    const db = dialer.sync.db;
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['callerId', 'consumerSync']);
    expect([...db.transaction('callerId').store.indexNames]).toEqual(['byLookupKey']);
    expect((await dialer.lookupNumber('+1 415 555 0101')).map((m) => m.displayName)).toEqual(['Ada']);
    expect((await dialer.suggest('4155')).map((s) => s.displayName)).toEqual(['Ada']);
    expect((await dialer.everyone()).map((row) => [row.displayName, row.lookupKeys])).toEqual([
      ['Ada', ['e:+14155550101', 's:5550101']],
    ]);
    await dialer.stop();
  });
});
