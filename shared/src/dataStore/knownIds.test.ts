import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from './dataStorePlatform';
import type { DataStoreReader, SyncPoint, SyncTask, WriteOperation } from './types';

let counter = 0;

function freshNamespace(): string {
  counter += 1;
  return `known-ids-test-${counter}`;
}

async function setup(namespace = freshNamespace()) {
  const platform = new DataStorePlatform({ namespace });
  const ownerApp = platform.registerApp({ appId: 'provider', accessLevel: 'privileged' });
  const readerApp = platform.registerApp({ appId: 'reader', accessLevel: 'privileged' });
  const owner = await platform.ownStore<{ n: number }>(ownerApp, {
    name: 'contacts',
    access: 'readonly',
    accessLevel: 'privileged',
  });
  const reader = await platform.openStore<{ n: number }>(readerApp, 'contacts', 'provider');
  return { platform, owner, reader, namespace };
}

/** Puts of `count` ids `prefix0…`: enough lookups for the store to read its known ids. */
function puts(prefix: string, count: number, n: number): WriteOperation<{ n: number }>[] {
  return Array.from({ length: count }, (_, i) => ({ operation: 'put', id: `${prefix}${i}`, data: { n } }));
}

async function drain<T>(reader: DataStoreReader<T>, from?: SyncPoint): Promise<SyncTask<T>[]> {
  const tasks: SyncTask<T>[] = [];
  for await (const task of reader.sync(from)) tasks.push(task);
  return tasks;
}

async function pointOf(reader: DataStoreReader<{ n: number }>): Promise<SyncPoint> {
  const done = (await drain(reader)).at(-1);
  if (done?.operation !== 'done') throw new Error('no done');
  return { epoch: done.epoch, revision: done.revision };
}

describe('large writes skip the log lookups of ids the store has never had', () => {
  it('still finds the ids it has: updates stay updates and a removed id written again is an update', async () => {
    const before = await setup();
    await before.owner.bulk(puts('a', 40, 1));
    const synced = await pointOf(before.reader);
    await before.owner.remove('a7');
    await before.platform.close();
    // A new context reads the known ids after the removal: a7 is known by its tombstone alone.
    const { owner, reader, platform } = await setup(before.namespace);
    // The reader held a7 before its removal; it must hear of it again as an update, not someone new.
    await owner.bulk([...puts('a', 40, 2), ...puts('b', 40, 2)]);
    const tasks = await drain(reader, synced);
    const kinds = new Map(tasks.flatMap((task) => ('id' in task ? [[task.id, task.operation]] : [])));
    expect(kinds.get('a0')).toBe('update');
    expect(kinds.get('a7')).toBe('update');
    expect(kinds.get('b0')).toBe('add');
    expect(await owner.get('a0')).toEqual({ n: 2 });
    expect(await owner.getLength()).toBe(80);
    await platform.close();
  });

  it('a second context that owned the store in between is not hidden from the first', async () => {
    const first = await setup();
    await first.owner.bulk(puts('a', 40, 1));
    await first.platform.close();
    const second = await setup(first.namespace);
    await second.owner.bulk(puts('c', 40, 1));
    const synced = await pointOf(second.reader);
    await second.platform.close();
    const again = await setup(first.namespace);
    // A stale view of which ids exist would take c0 for new: its entry would be born again.
    await again.owner.bulk(puts('c', 40, 3));
    expect(await again.owner.get('c0')).toEqual({ n: 3 });
    expect(await again.owner.getLength()).toBe(80);
    const tasks = await drain(again.reader, synced);
    expect(tasks.find((task) => 'id' in task && task.id === 'c0')?.operation).toBe('update');
    await again.platform.close();
  });
});
