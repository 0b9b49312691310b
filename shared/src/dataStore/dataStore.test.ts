import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AccessError } from '../access/accessLevel';
import { DataStorePlatform } from './dataStorePlatform';
import type { ChangeEvent, DataStoreOwner, DataStoreReader, SyncPoint, SyncTask } from './types';

let counter = 0;
function newPlatform(options: ConstructorParameters<typeof DataStorePlatform>[0] = {}) {
  counter += 1;
  return new DataStorePlatform({ namespace: `ds-test-${counter}`, ...options });
}

/** What `read` asked IndexedDB for: range reads of an index, and reads of one record by id. */
async function countedRequests<R>(
  read: () => Promise<R>,
): Promise<{ read: R; requests: { ranges: number; gets: number } }> {
  const requests = { ranges: 0, gets: 0 };
  const getAll = IDBIndex.prototype.getAll;
  const get = IDBObjectStore.prototype.get;
  IDBIndex.prototype.getAll = function (this: IDBIndex, ...args) {
    requests.ranges += 1;
    return getAll.apply(this, args);
  };
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args) {
    requests.gets += 1;
    return get.apply(this, args);
  };
  try {
    return { read: await read(), requests };
  } finally {
    IDBIndex.prototype.getAll = getAll;
    IDBObjectStore.prototype.get = get;
  }
}

async function setup(options: ConstructorParameters<typeof DataStorePlatform>[0] = {}) {
  const platform = newPlatform(options);
  const ownerApp = platform.registerApp({ appId: 'provider', accessLevel: 'privileged' });
  const readerApp = platform.registerApp({ appId: 'reader', accessLevel: 'privileged' });
  const owner = await platform.ownStore<{ n: number }>(ownerApp, {
    name: 'contacts',
    access: 'readonly',
    accessLevel: 'privileged',
  });
  const reader = await platform.openStore<{ n: number }>(readerApp, 'contacts', 'provider');
  return { platform, ownerApp, readerApp, owner, reader };
}

const CONTACTS_MANIFEST = { name: 'contacts', access: 'readonly', accessLevel: 'web' } as const;

/** Two platform instances on one namespace and channel, as two workers of one phone: an owner's and a reader's. */
async function twoContexts(tag: string) {
  counter += 1;
  const namespace = `ds-${tag}-${counter}`;
  const ownerSide = new DataStorePlatform({ namespace, broadcastChannelName: `${tag}-${counter}` });
  const readerSide = new DataStorePlatform({ namespace, broadcastChannelName: `${tag}-${counter}` });
  const ownerApp = ownerSide.registerApp({ appId: 'provider', accessLevel: 'web' });
  const owner = await ownerSide.ownStore<{ n: number }>(ownerApp, CONTACTS_MANIFEST);
  const openReader = () =>
    readerSide.openStore<{ n: number }>(
      readerSide.registerApp({ appId: 'reader', accessLevel: 'web' }),
      'contacts',
      'provider',
    );
  return { ownerSide, readerSide, ownerApp, owner, openReader };
}

async function drain<T>(reader: DataStoreReader<T>, from?: number | SyncPoint): Promise<SyncTask<T>[]> {
  const tasks: SyncTask<T>[] = [];
  for await (const task of reader.sync(from)) tasks.push(task);
  return tasks;
}

function summary<T>(tasks: SyncTask<T>[]): string[] {
  return tasks.map((task) => ('id' in task ? `${task.operation}:${task.id}` : task.operation));
}

function lastDone<T>(tasks: SyncTask<T>[]): SyncPoint {
  const done = tasks.at(-1);
  if (done?.operation !== 'done') throw new Error('sync did not end with done');
  return { epoch: done.epoch, revision: done.revision };
}

describe('DataStore revisions and sync tasks', () => {
  it('gives every mutation a strictly increasing revision', async () => {
    const { owner } = await setup();
    const revisions = [
      await owner.put('a', { n: 1 }),
      await owner.put('b', { n: 2 }),
      await owner.put('a', { n: 3 }),
      await owner.remove('b'),
      await owner.bulk([
        { operation: 'put', id: 'c', data: { n: 4 } },
        { operation: 'put', id: 'd', data: { n: 5 } },
      ]),
    ];
    expect(revisions).toEqual([1, 2, 3, 4, 6]);
    expect(await owner.getRevision()).toBe(6);
  });

  it('yields add, update, remove and done for exactly the changes after a revision', async () => {
    const { owner, reader } = await setup();
    await owner.put('a', { n: 1 });
    await owner.put('b', { n: 1 });
    const first = await drain(reader);
    expect(summary(first)).toEqual(['add:a', 'add:b', 'done']);
    const point = lastDone(first);
    expect(point.revision).toBe(2);

    await owner.put('a', { n: 2 });
    await owner.remove('b');
    await owner.put('c', { n: 1 });
    const next = await drain(reader, point);
    expect(summary(next)).toEqual(['update:a', 'remove:b', 'add:c', 'done']);
    expect(next[0]).toMatchObject({ data: { n: 2 } });
    expect(lastDone(next).revision).toBe(5);
    expect(summary(await drain(reader, lastDone(next)))).toEqual(['done']);
  });

  it('coalesces per id: add then update is one add, add then remove is nothing', async () => {
    const { owner, reader } = await setup();
    await owner.put('kept', { n: 0 });
    const point = lastDone(await drain(reader));
    await owner.put('x', { n: 1 });
    await owner.put('x', { n: 2 });
    await owner.put('gone', { n: 1 });
    await owner.remove('gone');
    await owner.put('kept', { n: 1 });
    await owner.put('kept', { n: 2 });
    const tasks = await drain(reader, point);
    expect(summary(tasks)).toEqual(['add:x', 'update:kept', 'done']);
    expect(tasks[0]).toMatchObject({ data: { n: 2 } });
    expect(tasks[1]).toMatchObject({ data: { n: 2 } });
  });

  it('answers a clear with a clear task and a full replay of what is there now', async () => {
    const { owner, reader } = await setup();
    await owner.bulk([
      { operation: 'put', id: 'a', data: { n: 1 } },
      { operation: 'put', id: 'b', data: { n: 1 } },
    ]);
    const point = lastDone(await drain(reader));
    await owner.clear();
    await owner.put('c', { n: 1 });
    const tasks = await drain(reader, point);
    expect(summary(tasks)).toEqual(['clear', 'add:c', 'done']);
    expect(lastDone(tasks).revision).toBe(await owner.getRevision());
  });

  it('resets a reader whose revision is unknown or from another epoch of the store', async () => {
    const { owner, reader } = await setup();
    await owner.put('a', { n: 1 });
    expect(summary(await drain(reader, 99))).toEqual(['clear', 'add:a', 'done']);
    const point = lastDone(await drain(reader));
    expect(summary(await drain(reader, { ...point, epoch: 'another-epoch' }))).toEqual([
      'clear',
      'add:a',
      'done',
    ]);
    expect(summary(await drain(reader, point))).toEqual(['done']);
  });

  it('compacts tombstones past the retention window and resets readers from before them', async () => {
    let now = 1_000;
    const { owner, reader } = await setup({ now: () => now, tombstoneRetentionMs: 100 });
    await owner.bulk([
      { operation: 'put', id: 'a', data: { n: 1 } },
      { operation: 'put', id: 'b', data: { n: 1 } },
    ]);
    const before = lastDone(await drain(reader));
    await owner.remove('a');
    const afterRemove = lastDone(await drain(reader, before));

    now = 1_050;
    expect((await owner.compact()).tombstonesDropped).toBe(0);
    expect(summary(await drain(reader, before))).toEqual(['remove:a', 'done']);

    now = 2_000;
    const result = await owner.compact();
    expect(result).toEqual({ tombstonesDropped: 1, horizon: 3 });
    expect(summary(await drain(reader, before))).toEqual(['clear', 'add:b', 'done']);
    expect(summary(await drain(reader, afterRemove))).toEqual(['done']);
  });

  it('keeps the log bounded: past maxTombstones the oldest are dropped on write', async () => {
    const { owner, reader } = await setup({ maxTombstones: 3 });
    const ids = ['a', 'b', 'c', 'd', 'e'];
    await owner.bulk(ids.map((id) => ({ operation: 'put', id, data: { n: 1 } })));
    const start = lastDone(await drain(reader));
    for (const id of ids) await owner.remove(id);
    // Two tombstones were dropped, so the reader from before them cannot be told incrementally.
    expect(summary(await drain(reader, start))).toEqual(['clear', 'done']);
    const lateReaderPoint = { ...start, revision: 7 };
    expect(summary(await drain(reader, lateReaderPoint))).toEqual([
      'remove:c',
      'remove:d',
      'remove:e',
      'done',
    ]);
  });

  it('pages long syncs without losing or repeating tasks, even with writes between pages', async () => {
    const { owner, reader } = await setup({ syncPageSize: 7 });
    await owner.bulk(
      Array.from({ length: 30 }, (_, i) => ({ operation: 'put', id: `k${i}`, data: { n: i } })),
    );
    const cursor = reader.sync();
    const seen = new Map<string, number>();
    let task = await cursor.next();
    let step = 0;
    while (task.operation !== 'done') {
      if (task.operation === 'add' || task.operation === 'update') seen.set(task.id, task.data.n);
      step += 1;
      // A write between pages: updated a record already delivered, and a new one.
      if (step === 10)
        await owner.bulk([
          { operation: 'put', id: 'k0', data: { n: 100 } },
          { operation: 'put', id: 'new', data: { n: 1 } },
        ]);
      task = await cursor.next();
    }
    expect(seen.size).toBe(31);
    expect(seen.get('k0')).toBe(100);
    expect(task.revision).toBe(await owner.getRevision());
  });

  it('stops on close and resumes from the last delivered revision', async () => {
    const { owner, reader } = await setup({ syncPageSize: 2 });
    for (let i = 0; i < 5; i += 1) await owner.put(`k${i}`, { n: i });
    const cursor = reader.sync();
    await cursor.next();
    await cursor.next();
    const third = await cursor.next();
    cursor.close();
    const done = await cursor.next();
    expect(done).toMatchObject({ operation: 'done', revision: third.revision });
    expect(summary(await drain(reader, done.revision))).toEqual(['add:k3', 'add:k4', 'done']);
  });

  it('applies a bulk in one transaction: a failing bulk leaves nothing behind', async () => {
    const { owner, reader } = await setup();
    await owner.put('a', { n: 1 });
    await expect(
      owner.bulk([
        { operation: 'put', id: 'b', data: { n: 1 } },
        // Functions cannot be stored: IndexedDB throws DataCloneError mid-transaction.
        { operation: 'put', id: 'c', data: { n: 1, f: () => 1 } as unknown as { n: number } },
      ]),
    ).rejects.toThrow();
    expect(await owner.get('b')).toBeUndefined();
    expect(await owner.getRevision()).toBe(1);
    expect(summary(await drain(reader))).toEqual(['add:a', 'done']);
  });

  it('keeps interleaved writers consistent: revisions stay unique and every write is seen once', async () => {
    const { owner, reader } = await setup();
    const writes = Array.from({ length: 40 }, (_, i) => owner.put(`k${i % 10}`, { n: i }));
    const revisions = await Promise.all(writes);
    expect(new Set(revisions).size).toBe(40);
    const tasks = await drain(reader);
    expect(summary(tasks).filter((s) => s.startsWith('add:'))).toHaveLength(10);
    for (const task of tasks)
      if (task.operation === 'add') expect(task.data.n % 10).toBe(Number(task.id.slice(1)));
    expect(lastDone(tasks).revision).toBe(40);
  });

  it('stores owner metadata in the same transaction as the data', async () => {
    const { owner } = await setup();
    await owner.bulk([{ operation: 'put', id: 'a', data: { n: 1 } }], { meta: { cursor: 7 } });
    expect(await owner.getMeta('cursor')).toBe(7);
    await expect(
      owner.bulk([{ operation: 'put', id: 'b', data: { n: 1, f: () => 1 } as unknown as { n: number } }], {
        meta: { cursor: 8 },
      }),
    ).rejects.toThrow();
    expect(await owner.getMeta('cursor')).toBe(7);
  });

  it('add gives time-ordered ids and refuses an existing id', async () => {
    const { owner } = await setup();
    const first = await owner.add({ n: 1 });
    const second = await owner.add({ n: 2 });
    expect(first < second).toBe(true);
    await expect(owner.add({ n: 3 }, first)).rejects.toThrow(/already exists/);
    expect(await owner.get(first)).toEqual({ n: 1 });
  });

  it('getMany answers in the order asked, missing ids as undefined, however spread the ids are', async () => {
    const { owner, reader } = await setup();
    const id = (i: number) => `r${String(i).padStart(4, '0')}`;
    await owner.bulk(
      Array.from({ length: 300 }, (_, i) => ({ operation: 'put', id: id(i), data: { n: i } })),
    );
    // Dense (read as one key range), sparse (read id by id), small, and with duplicates and strangers.
    const dense = Array.from({ length: 120 }, (_, i) => id(200 - i));
    const sparse = Array.from({ length: 70 }, (_, i) => id(i * 4));
    const asked = [dense, sparse, [id(7), 'nobody', id(7)], [...dense, 'r0150x', 'a', 'zz']];
    for (const ids of asked) {
      const expected = await Promise.all(ids.map((one) => reader.get(one)));
      expect(await reader.getMany(ids)).toEqual(expected);
    }
    expect((await reader.getMany(dense))[0]).toEqual({ n: 200 });
    expect(await reader.getMany([])).toEqual([]);
  });

  it('getMany by the revisions ids were seen at: one range request, then only the ids that moved', async () => {
    const { owner, reader } = await setup();
    // Random-looking ids, as a provider's are: no key range of a few of them is dense.
    const id = (i: number) => `${((i * 7919) % 1009).toString(36)}-${i}`;
    const first = await reader.getRevision();
    await owner.bulk(
      Array.from({ length: 400 }, (_, i) => ({ operation: 'put', id: id(i), data: { n: i } })),
    );
    const seen = (i: number) => first + i + 1;
    await owner.put(id(105), { n: -105 });
    await owner.remove(id(110));
    const ids = Array.from({ length: 100 }, (_, i) => id(100 + i)).concat(['nobody']);
    const seenAt = Array.from({ length: 100 }, (_, i) => seen(100 + i)).concat([seen(150)]);
    const { read, requests } = await countedRequests(() => reader.getMany(ids, seenAt));
    expect(read).toEqual(await Promise.all(ids.map((one) => reader.get(one))));
    expect(read[5]).toEqual({ n: -105 });
    expect(read[10]).toBeUndefined();
    expect(read[100]).toBeUndefined();
    // The updated, the removed (their entries moved past the range) and the stranger, id by id.
    expect(requests).toEqual({ ranges: 1, gets: 3 });
    // Seen at revisions too far apart for one range: id by id, with the same answers.
    const spread = [id(0), id(399), id(200)];
    expect(await reader.getMany(spread, [seen(0), seen(399), seen(200)])).toEqual([
      { n: 0 },
      { n: 399 },
      { n: 200 },
    ]);
    await expect(reader.getMany(['a', 'b'], [1])).rejects.toThrow(/one revision per id/);
  });

  it('getMany by revisions: each dense run in one range request, the ids outside every run by id', async () => {
    const { owner, reader } = await setup();
    const id = (i: number) => `${((i * 7919) % 1009).toString(36)}-${i}`;
    const first = await reader.getRevision();
    await owner.bulk(
      Array.from({ length: 400 }, (_, i) => ({ operation: 'put', id: id(i), data: { n: i } })),
    );
    const seen = (i: number) => first + i + 1;
    // Two batches written apart, and three records of long before and after (people merged later).
    const wanted = [
      ...Array.from({ length: 60 }, (_, i) => 100 + i),
      ...Array.from({ length: 40 }, (_, i) => 300 + i),
      0,
      250,
      399,
    ];
    const { read, requests } = await countedRequests(() =>
      reader.getMany(
        wanted.map(id),
        wanted.map((i) => seen(i)),
      ),
    );
    expect(read).toEqual(wanted.map((n) => ({ n })));
    expect(requests).toEqual({ ranges: 2, gets: 3 });
  });
});

describe('DataStore blobs', () => {
  it('writes many blobs in one call, for readers to read, without moving the revision', async () => {
    const { owner, reader } = await setup();
    const revision = await reader.getRevision();
    const png = { bytes: Uint8Array.from([1, 2, 3]), mediaType: 'image/png' };
    const jpeg = { bytes: Uint8Array.from([4, 5]), mediaType: 'image/jpeg' };
    await owner.putBlobs([
      { id: 'a', blob: png },
      { id: 'b', blob: jpeg },
      { id: 'a', blob: png },
    ]);
    expect(await reader.getBlob('a')).toEqual(png);
    expect(await reader.getBlob('b')).toEqual(jpeg);
    expect(await reader.getRevision()).toBe(revision);
  });

  it('tells the owner which blob ids are stored, in the order asked', async () => {
    const { owner } = await setup();
    await owner.putBlobs([{ id: 'a', blob: { bytes: Uint8Array.from([1]), mediaType: 'image/png' } }]);
    expect(await owner.hasBlobs(['b', 'a', 'a', 'c'])).toEqual([false, true, true, false]);
    expect(await owner.hasBlobs([])).toEqual([]);
  });
});

describe('DataStore change events', () => {
  it('announces each committed write once with its revision and ids, never its data', async () => {
    const { owner, reader } = await setup();
    const events = firstValueFrom(reader.changes$.pipe(take(3), toArray()));
    await owner.put('a', { n: 1 });
    await owner.bulk([
      { operation: 'put', id: 'b', data: { n: 1 } },
      { operation: 'remove', id: 'a' },
    ]);
    await owner.clear();
    const received: ChangeEvent[] = await events;
    expect(received).toEqual([
      { store: 'contacts', owner: 'provider', revision: 1, ids: ['a'], operation: 'put' },
      { store: 'contacts', owner: 'provider', revision: 3, ids: ['b', 'a'], operation: 'mixed' },
      { store: 'contacts', owner: 'provider', revision: 4, ids: [], operation: 'clear' },
    ]);
  });

  it('bridges events to another context over BroadcastChannel', async () => {
    const { ownerSide: writerSide, readerSide, ownerApp, owner, openReader } = await twoContexts('bridge');
    const reader = await openReader();
    const heard = firstValueFrom(reader.changes$);
    await owner.put('a', { n: 1 });
    expect(await heard).toMatchObject({ revision: 1, ids: ['a'], owner: 'provider' });
    const uninstalled = firstValueFrom(readerSide.announcements$);
    await writerSide.removeStore(ownerApp, 'contacts');
    expect(await uninstalled).toMatchObject({
      type: 'uninstalled',
      store: { owner: 'provider', name: 'contacts' },
    });
    await writerSide.close();
    await readerSide.close();
  });
});

describe('DataStore connections across contexts', () => {
  it('a reader keeps reading after the owner, in another context, adds its schema', async () => {
    const { ownerSide, readerSide, ownerApp, owner, openReader } = await twoContexts('version');
    await owner.put('a', { n: 1 });
    const reader = await openReader();
    expect(await reader.get('a')).toEqual({ n: 1 });
    // The owner opens the store again with extra object stores: a version change that closes the
    // reader's connection, as a provider's start does when a reader opened its store first.
    const schema = { version: 1, stores: [{ name: 'notes' }] };
    const again = await ownerSide.ownStore<{ n: number }>(ownerApp, CONTACTS_MANIFEST, { schema });
    await again.put('b', { n: 2 });
    expect(await reader.getMany(['a', 'b'])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await reader.getRevision()).toBe(2);
    // A delete closes it too, and then nothing opens it again: the store stays gone.
    const before = (await indexedDB.databases()).map((db) => db.name);
    await ownerSide.removeStore(ownerApp, 'contacts');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = (await indexedDB.databases()).map((db) => db.name);
    expect(after).toEqual(before.filter((name) => after.includes(name)));
    expect(before.length - after.length).toBe(1);
    await ownerSide.close();
    await readerSide.close();
  });
});

describe('DataStore access', () => {
  it('gives readers a handle without write methods, and the store refuses writes all the same', async () => {
    const { reader } = await setup();
    const asOwner = reader as unknown as Partial<DataStoreOwner<{ n: number }>>;
    expect(asOwner.put).toBeUndefined();
    expect(asOwner.bulk).toBeUndefined();
    expect(asOwner.clear).toBeUndefined();
    expect(Object.isFrozen(reader)).toBe(true);
  });

  it('refuses a reader below the store level, and leaves such stores out of getDataStores', async () => {
    const platform = newPlatform();
    const fb = platform.registerApp({ appId: 'facebook', accessLevel: 'certified' });
    const local = platform.registerApp({ appId: 'local', accessLevel: 'privileged' });
    await platform.ownStore(fb, { name: 'contacts', access: 'readonly', accessLevel: 'certified' });
    await platform.ownStore(local, { name: 'contacts', access: 'readonly', accessLevel: 'privileged' });
    const dialer = platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' });
    const contactsApp = platform.registerApp({ appId: 'contacts-app', accessLevel: 'certified' });
    const web = platform.registerApp({ appId: 'web-app', accessLevel: 'web' });

    await expect(platform.openStore(dialer, 'contacts', 'facebook')).rejects.toBeInstanceOf(AccessError);
    expect((await platform.getDataStores(dialer, 'contacts')).map((s) => s.owner)).toEqual(['local']);
    expect((await platform.getDataStores(contactsApp, 'contacts')).map((s) => s.owner).sort()).toEqual([
      'facebook',
      'local',
    ]);
    expect(await platform.getDataStores(web, 'contacts')).toEqual([]);
  });

  it('refuses identities the platform did not issue, so an app cannot raise its own level', async () => {
    const platform = newPlatform();
    const fb = platform.registerApp({ appId: 'facebook', accessLevel: 'certified' });
    await platform.ownStore(fb, { name: 'contacts', access: 'readonly', accessLevel: 'certified' });
    const forged = { appId: 'dialer', accessLevel: 'certified' as const };
    await expect(platform.openStore(forged, 'contacts', 'facebook')).rejects.toBeInstanceOf(AccessError);
    const forgedOwner = { appId: 'facebook', accessLevel: 'certified' as const };
    await expect(
      platform.ownStore(forgedOwner, { name: 'contacts', access: 'readonly', accessLevel: 'web' }),
    ).rejects.toBeInstanceOf(AccessError);
    expect(() => platform.registerApp({ appId: 'facebook', accessLevel: 'certified' })).toThrow(/already/);
  });

  it('announces installs and uninstalls, and uninstall deletes the data', async () => {
    const platform = newPlatform();
    const seen: string[] = [];
    platform.announcements$.subscribe((a) => seen.push(`${a.type}:${a.store.owner}`));
    const app = platform.registerApp({ appId: 'plugin', accessLevel: 'web' });
    const owner = await platform.ownStore<{ n: number }>(app, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'web',
    });
    await owner.put('a', { n: 1 });
    await platform.removeStore(app, 'contacts');
    expect(seen).toEqual(['installed:plugin', 'uninstalled:plugin']);
    const again = await platform.ownStore<{ n: number }>(app, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'web',
    });
    expect(await again.getLength()).toBe(0);
  });

  it('persists across a restart of the platform (same namespace)', async () => {
    counter += 1;
    const namespace = `ds-restart-${counter}`;
    const first = new DataStorePlatform({ namespace });
    const app = first.registerApp({ appId: 'p', accessLevel: 'web' });
    const owner = await first.ownStore<{ n: number }>(app, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'web',
    });
    await owner.put('a', { n: 1 });
    const epoch = await owner.getEpoch();
    await first.close();
    const second = new DataStorePlatform({ namespace });
    const reader = await second.openStore<{ n: number }>(
      second.registerApp({ appId: 'r', accessLevel: 'web' }),
      'contacts',
      'p',
    );
    expect(await reader.get('a')).toEqual({ n: 1 });
    expect(await reader.getEpoch()).toBe(epoch);
    expect(summary(await drain(reader, { epoch, revision: 0 }))).toEqual(['add:a', 'done']);
    await second.close();
  });
});
