import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from './dataStorePlatform';
import type { LogEntry } from './revisionedSchema';
import type { SyncTask } from './types';

let counter = 0;

async function setup() {
  counter += 1;
  const namespace = `log-records-test-${counter}`;
  const platform = new DataStorePlatform({ namespace });
  const ownerApp = platform.registerApp({ appId: 'provider', accessLevel: 'privileged' });
  const readerApp = platform.registerApp({ appId: 'reader', accessLevel: 'privileged' });
  const owner = await platform.ownStore<{ n: number }>(ownerApp, {
    name: 'contacts',
    access: 'readonly',
    accessLevel: 'privileged',
  });
  const reader = await platform.openStore<{ n: number }>(readerApp, 'contacts', 'provider');
  return { owner, reader, dbName: `${namespace}:store:provider:contacts` };
}

async function drain<T>(tasks: AsyncIterable<SyncTask<T>>): Promise<SyncTask<T>[]> {
  const all: SyncTask<T>[] = [];
  for await (const task of tasks) all.push(task);
  return all;
}

describe('the revision log carries each put record', () => {
  it('writes the record into its log entry, and none into a removal', async () => {
    const { owner, dbName } = await setup();
    await owner.bulk([
      { operation: 'put', id: 'a', data: { n: 1 } },
      { operation: 'put', id: 'b', data: { n: 2 } },
    ]);
    await owner.put('a', { n: 3 });
    await owner.remove('b');
    const db = await openDB(dbName);
    const entries = (await db.getAll('log')) as LogEntry[];
    db.close();
    expect(entries.map(({ id, op, data }) => ({ id, op, data }))).toEqual([
      { id: 'a', op: 'put', data: { n: 3 } },
      { id: 'b', op: 'remove', data: undefined },
    ]);
  });

  it('syncs from the log entries alone, and reads the records of entries written without one', async () => {
    const { owner, reader, dbName } = await setup();
    await owner.bulk([
      { operation: 'put', id: 'a', data: { n: 1 } },
      { operation: 'put', id: 'b', data: { n: 2 } },
    ]);
    const db = await openDB(dbName);
    // The record store disagrees with the log for 'a': a sync that reads the log's copy says n 1.
    await db.put('records', { n: 99 }, 'a');
    // An entry as the log wrote them before it carried records: only the record store has 'b'.
    const entries = (await db.getAll('log')) as LogEntry[];
    const old = entries.find((entry) => entry.id === 'b')!;
    delete old.data;
    await db.put('log', old);
    db.close();
    const tasks = await drain(reader.sync());
    expect(tasks.filter((task) => task.operation === 'add').map((task) => [task.id, task.data])).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
  });
});
