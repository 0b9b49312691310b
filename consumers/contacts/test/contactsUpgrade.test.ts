import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { contact, putAll, startWorld } from './contactsHarness';

/** The Contacts app's database as version 3 left it: a detail store beside the list rows. */
async function versionThreeDatabase(dbName: string): Promise<void> {
  const db = await openDB(dbName, 3, {
    upgrade(upgrading) {
      upgrading.createObjectStore('consumerSync');
      const list = upgrading.createObjectStore('list', { keyPath: 'personId' });
      list.createIndex('byPosition', 'positions', { multiEntry: true });
      list.createIndex('byGroup', 'groupKeys', { multiEntry: true });
      upgrading.createObjectStore('detail', { keyPath: 'personId' });
    },
  });
  // Someone the GCDS never had: a rebuild must not keep them.
  await db.put('list', { personId: 'ghost', displayName: 'Ghost', positions: ['g3'], groupKeys: ['gG'] });
  await db.put('detail', { personId: 'ghost', merged: { personId: 'ghost', sources: [] } });
  db.close();
}

describe('contacts: an older database', () => {
  it('drops the detail store and the group index on upgrade and is rebuilt from the GCDS', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    await putAll(local, [
      contact('ada', { given: 'Ada', family: 'Lovelace' }),
      contact('bob', { given: 'Bob' }),
    ]);
    await world.gcds.whenIdle();
    const dbName = `contacts-upgrade-${Math.random()}`;
    await versionThreeDatabase(dbName);

    const consumer = await world.consumer({ dbName });
    await consumer.syncNow();
    const db = consumer.sync.db;
    expect(db.version).toBe(5);
    expect([...db.objectStoreNames].sort()).toEqual(['consumerSync', 'list']);
    expect([...db.transaction('list').store.indexNames].sort()).toEqual(['byPosition']);
    const items = (await consumer.firstPage(10)).items;
    expect(items.map((i) => i.entry.displayName)).toEqual(['Ada Lovelace', 'Bob']);
    expect(await consumer.getDetail('ghost')).toBeUndefined();
    const detail = await consumer.getDetail(items[0]!.entry.personId);
    expect(detail?.sources).toEqual([{ provider: 'local', contactId: 'ada' }]);
    expect(detail?.family?.value).toBe('Lovelace');
    await consumer.stop();
  });
});
