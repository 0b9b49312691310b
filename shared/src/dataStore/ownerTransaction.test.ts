import fc from 'fast-check';
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

type Op =
  | { operation: 'put'; id: string; data: { n: number } }
  | { operation: 'remove'; id: string }
  | { operation: 'clear' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      operation: fc.constant('put' as const),
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      data: fc.record({ n: fc.nat(99) }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      operation: fc.constant('remove' as const),
      id: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ operation: 'clear' as const }) },
);

/** Everything a reader can observe of a store: its revision, its tasks from scratch and from a midpoint. */
async function observe(
  store: Awaited<ReturnType<typeof setup>>['store'],
  reader: Awaited<ReturnType<typeof setup>>['reader'],
  midpoint: number,
) {
  const full: string[] = [];
  for await (const task of reader.sync())
    full.push(JSON.stringify(task.operation === 'done' ? { ...task, epoch: '' } : task));
  const since: string[] = [];
  for await (const task of reader.sync(midpoint))
    since.push(JSON.stringify(task.operation === 'done' ? { ...task, epoch: '' } : task));
  return {
    revision: await store.getRevision(),
    full,
    since,
    records: await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.get(id))),
  };
}

describe('bulk writes inside an owner transaction', () => {
  it('apply a batch exactly as one put, remove and clear after another would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArbitrary, { maxLength: 8 }),
        fc.array(opArbitrary, { minLength: 1, maxLength: 12 }),
        async (before, batch) => {
          const sequential = await setup();
          const bulk = await setup();
          const ids: string[][] = [];
          for (const { store } of [sequential, bulk]) {
            await store.bulk(before);
            store.changes$.subscribe((event) => ids.push(event.ids));
          }
          const midpoint = await sequential.store.getRevision();
          await sequential.store.transact([], async (tx) => {
            for (const op of batch) {
              if (op.operation === 'put') await tx.put(op.id, op.data);
              else if (op.operation === 'remove') await tx.remove(op.id);
              else await tx.clear();
            }
          });
          await bulk.store.transact([], (tx) => tx.bulk(batch));
          expect(await observe(bulk.store, bulk.reader, midpoint)).toEqual(
            await observe(sequential.store, sequential.reader, midpoint),
          );
          // Both announced the same ids (or both nothing, for a batch that changed nothing).
          expect(ids.slice(ids.length / 2)).toEqual(ids.slice(0, ids.length / 2));
          await sequential.platform.close();
          await bulk.platform.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses an existing id when adding only, before anything is written', async () => {
    const { store, reader } = await setup();
    await store.put('a', { n: 1 });
    await expect(
      store.transact([], (tx) =>
        tx.bulk(
          [
            { operation: 'put', id: 'b', data: { n: 2 } },
            { operation: 'put', id: 'a', data: { n: 3 } },
          ],
          true,
        ),
      ),
    ).rejects.toThrow(/already exists/);
    expect(await store.get('a')).toEqual({ n: 1 });
    expect(await store.get('b')).toBeUndefined();
    expect(await drain(reader.sync())).toEqual(['add:a', 'done']);
  });

  it('lets later requests of the transaction see the batch', async () => {
    const { store } = await setup();
    const seen = await store.transact([], async (tx) => {
      await tx.bulk([
        { operation: 'put', id: 'a', data: { n: 1 } },
        { operation: 'put', id: 'a', data: { n: 2 } },
        { operation: 'remove', id: 'missing' },
      ]);
      return { a: await tx.get('a'), revision: tx.revision };
    });
    expect(seen).toEqual({ a: { n: 2 }, revision: 2 });
  });
});
