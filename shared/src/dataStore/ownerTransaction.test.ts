import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from './dataStorePlatform';
import type { SyncTask } from './types';

let counter = 0;
const schema = {
  version: 1,
  stores: [
    { name: 'index', keyPath: 'key', indexes: [{ name: 'byTag', keyPath: 'tags', multiEntry: true }] },
  ],
};

async function setup(namespace = `tx-test-${++counter}`) {
  const platform = new DataStorePlatform({ namespace });
  const app = platform.registerApp({ appId: 'owner', accessLevel: 'certified' });
  const store = await platform.ownStore<{ n: number }>(
    app,
    { name: 'people', access: 'readonly', accessLevel: 'web' },
    { schema },
  );
  const reader = await platform.openStore<{ n: number }>(
    platform.registerApp({ appId: 'reader', accessLevel: 'web' }),
    'people',
    'owner',
  );
  return { platform, store, reader, namespace };
}

async function drain<T>(cursor: AsyncIterable<SyncTask<T>>) {
  const tasks: string[] = [];
  for await (const task of cursor) tasks.push('id' in task ? `${task.operation}:${task.id}` : task.operation);
  return tasks;
}

describe('owner transactions over extra object stores', () => {
  it('writes records, extra stores and metadata in one transaction', async () => {
    const { store, reader } = await setup();
    const revision = await store.transact(['index'], async (tx) => {
      await tx.put('a', { n: 1 });
      await tx.objectStore('index').put({ key: 'k1', tags: ['x', 'y'] });
      await tx.setMeta('cursor', 3);
      return tx.revision;
    });
    expect(revision).toBe(1);
    expect(await drain(reader.sync())).toEqual(['add:a', 'done']);
    const tagged = await store.readExtra(['index'], ([index]) => index!.index('byTag').getAll('y'));
    expect(tagged).toEqual([{ key: 'k1', tags: ['x', 'y'] }]);
    expect(await store.getMeta('cursor')).toBe(3);
  });

  it('aborts everything when the body throws, like a crash before commit', async () => {
    const { store, reader } = await setup();
    await expect(
      store.transact(['index'], async (tx) => {
        await tx.put('a', { n: 1 });
        await tx.objectStore('index').put({ key: 'k1', tags: [] });
        await tx.setMeta('cursor', 9);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await store.getRevision()).toBe(0);
    expect(await store.getMeta('cursor')).toBeUndefined();
    expect(await store.readExtra(['index'], ([index]) => index!.count())).toBe(0);
    expect(await drain(reader.sync())).toEqual(['done']);
  });

  it('keeps the extra stores across a restart', async () => {
    const first = await setup();
    await first.store.transact(['index'], async (tx) => {
      await tx.objectStore('index').put({ key: 'k', tags: ['t'] });
    });
    await first.platform.close();
    const second = await setup(first.namespace);
    expect(await second.store.readExtra(['index'], ([index]) => index!.get('k'))).toEqual({
      key: 'k',
      tags: ['t'],
    });
  });
});
