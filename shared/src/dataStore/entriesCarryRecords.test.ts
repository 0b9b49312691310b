import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { writeEarlierStoreLayout } from '../testing/earlierStoreLayout';
import { DataStorePlatform } from './dataStorePlatform';
import type { StoreEntry } from './revisionedSchema';
import type { SyncTask } from './types';

let counter = 0;

async function setup(namespace = `entries-records-test-${++counter}`) {
  const platform = new DataStorePlatform({ namespace });
  const ownerApp = platform.registerApp({ appId: 'provider', accessLevel: 'privileged' });
  const readerApp = platform.registerApp({ appId: 'reader', accessLevel: 'privileged' });
  const owner = await platform.ownStore<{ n: number }>(ownerApp, {
    name: 'contacts',
    access: 'readonly',
    accessLevel: 'privileged',
  });
  const reader = await platform.openStore<{ n: number }>(readerApp, 'contacts', 'provider');
  return { platform, owner, reader, namespace, dbName: `${namespace}:store:provider:contacts` };
}

async function drain<T>(tasks: AsyncIterable<SyncTask<T>>): Promise<SyncTask<T>[]> {
  const all: SyncTask<T>[] = [];
  for await (const task of tasks) all.push(task);
  return all;
}

describe('each id has one entry, which carries its record', () => {
  it('writes the record into its entry, and none into a removal', async () => {
    const { owner, dbName } = await setup();
    await owner.bulk([
      { operation: 'put', id: 'a', data: { n: 1 } },
      { operation: 'put', id: 'b', data: { n: 2 } },
    ]);
    await owner.put('a', { n: 3 });
    await owner.remove('b');
    const db = await openDB(dbName);
    const entries = (await db.getAll('entries')) as StoreEntry[];
    db.close();
    expect(entries.map(({ id, op, data }) => ({ id, op, data }))).toEqual([
      { id: 'a', op: 'put', data: { n: 3 } },
      { id: 'b', op: 'remove', data: undefined },
    ]);
  });

  it('syncs from the entries alone, also those the log wrote before it carried records', async () => {
    const first = await setup();
    await first.platform.close();
    // The store as the earlier layout left it: 'a' carried by its log entry, 'b' in `records` only.
    await deleteDB(first.dbName);
    await writeEarlierStoreLayout(first.dbName, {
      log: [
        { rev: 1, id: 'a', op: 'put', born: 1, data: { n: 1 } },
        { rev: 2, id: 'b', op: 'put', born: 2 },
      ],
      records: { a: { n: 1 }, b: { n: 2 } },
      state: { revision: 2, horizon: 0, epoch: 'earlier' },
    });
    const { reader, platform } = await setup(first.namespace);
    const tasks = await drain(reader.sync());
    expect(tasks.filter((task) => task.operation === 'add').map((task) => [task.id, task.data])).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    await platform.close();
  });
});

describe('tombstones share the store with the records but are not records', () => {
  it('get, getMany, keys, getLength and a replay leave them out, across pages', async () => {
    const namespace = `entries-tombstones-test-${++counter}`;
    const platform = new DataStorePlatform({ namespace, syncPageSize: 2 });
    const app = platform.registerApp({ appId: 'provider', accessLevel: 'privileged' });
    const owner = await platform.ownStore<{ n: number }>(app, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'privileged',
    });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    await owner.bulk(ids.map((id, n) => ({ operation: 'put', id, data: { n } })));
    // A whole replay page of tombstones (a, b), and one in the next (d).
    await owner.bulk(['a', 'b', 'd'].map((id) => ({ operation: 'remove', id })));
    expect(await owner.get('a')).toBeUndefined();
    expect(await owner.getMany(['a', 'c', 'd', 'e'])).toEqual([undefined, { n: 2 }, undefined, { n: 4 }]);
    expect(await owner.getLength()).toBe(3);
    expect(await owner.keys()).toEqual(['c', 'e', 'f']);
    expect(await owner.keys(undefined, 2)).toEqual(['c', 'e']);
    expect(await owner.keys('c', 1)).toEqual(['e']);
    const epoch = await owner.getEpoch();
    // From before the horizon's epoch: a reset and the live records only.
    const tasks = await drain(owner.sync({ epoch: 'another', revision: 0 }));
    expect(tasks.map((task) => ('id' in task ? `${task.operation}:${task.id}` : task.operation))).toEqual([
      'clear',
      'add:c',
      'add:e',
      'add:f',
      'done',
    ]);
    expect(tasks.at(-1)).toEqual({ operation: 'done', revision: 9, epoch });
    await platform.close();
  });
});
