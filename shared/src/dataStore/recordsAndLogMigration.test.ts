import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { type EarlierStoreContents, writeEarlierStoreLayout } from '../testing/earlierStoreLayout';
import { type AppIdentity, DataStorePlatform } from './dataStorePlatform';
import { ENTRIES_LAYOUT_BASE, openRevisionedDb } from './revisionedDb';
import type { StoreEntry } from './revisionedSchema';
import type { DataStoreReader, StoreSchema, SyncPoint, SyncTask } from './types';

type Row = { n: number };

const schema: StoreSchema = {
  version: 1,
  stores: [
    { name: 'index', keyPath: 'key', indexes: [{ name: 'byTag', keyPath: 'tags', multiEntry: true }] },
  ],
};

/** A put (a, updated at 4), a put written before the log carried records (b), a removal (c at 5). */
const earlier: EarlierStoreContents = {
  log: [
    { rev: 2, id: 'b', op: 'put', born: 2 },
    { rev: 4, id: 'a', op: 'put', born: 1, data: { n: 4 } },
    { rev: 5, id: 'c', op: 'remove', born: 3, tomb: 1_000 },
  ],
  records: { a: { n: 4 }, b: { n: 2 } },
  state: { revision: 5, horizon: 1, epoch: 'earlier-epoch' },
  ownerMeta: { cursor: 'token-7' },
  blobs: { photo: { bytes: new Uint8Array([1, 2, 3]), mediaType: 'image/png' } },
  schema,
  extraRows: { index: [{ key: 'k1', tags: ['x'] }] },
};

const migrated: StoreEntry[] = [
  { id: 'a', rev: 4, op: 'put', born: 1, data: { n: 4 } },
  { id: 'b', rev: 2, op: 'put', born: 2, data: { n: 2 } },
  { id: 'c', rev: 5, op: 'remove', born: 3, tomb: 1_000 },
];

let counter = 0;

/** A namespace whose `owner/people` store holds `earlier` in the earlier layout, registered on the device. */
async function earlierDevice() {
  const namespace = `migration-test-${++counter}`;
  const platform = new DataStorePlatform({ namespace, now: () => 2_000 });
  const owner = platform.registerApp({ appId: 'owner', accessLevel: 'certified' });
  await platform.ownStore(owner, { name: 'people', access: 'readonly', accessLevel: 'web' }, { schema });
  await platform.close();
  const dbName = `${namespace}:store:owner:people`;
  await deleteDB(dbName);
  await writeEarlierStoreLayout(dbName, earlier);
  return { namespace, dbName };
}

function context(namespace: string) {
  const platform = new DataStorePlatform({ namespace, now: () => 2_000 });
  const owner = platform.registerApp({ appId: 'owner', accessLevel: 'certified' });
  const reader = platform.registerApp({ appId: 'reader', accessLevel: 'web' });
  return {
    platform,
    own: () =>
      platform.ownStore<Row>(owner, { name: 'people', access: 'readonly', accessLevel: 'web' }, { schema }),
    read: (identity: AppIdentity = reader) => platform.openStore<Row>(identity, 'people', 'owner'),
  };
}

async function drain<T>(reader: DataStoreReader<T>, from?: number | SyncPoint): Promise<string[]> {
  const tasks: SyncTask<T>[] = [];
  for await (const task of reader.sync(from)) tasks.push(task);
  return tasks.map((task) =>
    'id' in task ? `${task.operation}:${task.id}@${task.revision}` : `${task.operation}@${task.revision}`,
  );
}

/** Everything a reader sees of `earlier`, read through the store's own API. */
async function expectEarlierContents(reader: DataStoreReader<Row>): Promise<void> {
  expect(await reader.get('a')).toEqual({ n: 4 });
  expect(await reader.get('b')).toEqual({ n: 2 });
  expect(await reader.get('c')).toBeUndefined();
  expect(await reader.getMany(['a', 'b', 'c'])).toEqual([{ n: 4 }, { n: 2 }, undefined]);
  expect(await reader.getLength()).toBe(2);
  expect(await reader.keys()).toEqual(['a', 'b']);
  expect(await reader.getRevision()).toBe(5);
  expect(await reader.getEpoch()).toBe('earlier-epoch');
  expect(await reader.getBlob('photo')).toEqual(earlier.blobs!.photo);
  // Incremental syncs see the same revisions, born and tombstone as before.
  expect(await drain(reader, { epoch: 'earlier-epoch', revision: 3 })).toEqual([
    'update:a@4',
    'remove:c@5',
    'done@5',
  ]);
  expect(await drain(reader, { epoch: 'earlier-epoch', revision: 2 })).toEqual(['update:a@4', 'done@5']);
  // Below the horizon: a reset, then a replay of the live records.
  expect(await drain(reader, { epoch: 'earlier-epoch', revision: 0 })).toEqual([
    'clear@5',
    'add:a@5',
    'add:b@5',
    'done@5',
  ]);
}

async function storedLayout(dbName: string) {
  const db = await openDB(dbName);
  const layout = {
    version: db.version,
    stores: [...db.objectStoreNames],
    entries: (await db.getAll('entries')) as StoreEntry[],
  };
  db.close();
  return layout;
}

describe('a database of the records + log layout is migrated to entries when it is first opened', () => {
  it('by its owner: every record, revision, born, tombstone, the state, blobs and extra stores are kept', async () => {
    const { namespace, dbName } = await earlierDevice();
    const phone = context(namespace);
    const owner = await phone.own();
    await expectEarlierContents(await phone.read());
    expect(await owner.getMeta('cursor')).toBe('token-7');
    expect(await owner.readExtra(['index'], ([index]) => index!.getAll())).toEqual(earlier.extraRows!.index);
    expect(await storedLayout(dbName)).toEqual({
      version: ENTRIES_LAYOUT_BASE + 1,
      stores: ['blobs', 'entries', 'index', 'meta'],
      entries: migrated,
    });
    // The store goes on from there: c written again keeps its birth, so a reader from 3 hears an update.
    await owner.put('c', { n: 6 });
    expect(await drain(await phone.read(), { epoch: 'earlier-epoch', revision: 3 })).toEqual([
      'update:a@4',
      'update:c@6',
      'done@6',
    ]);
    await phone.platform.close();
  });

  it('by a reader, before the owner: the owner then opens the migrated store at its schema', async () => {
    const { namespace, dbName } = await earlierDevice();
    const phone = context(namespace);
    await expectEarlierContents(await phone.read());
    expect((await storedLayout(dbName)).version).toBe(ENTRIES_LAYOUT_BASE + 1);
    const owner = await phone.own();
    expect(await owner.getMeta('cursor')).toBe('token-7');
    expect(await owner.compact(1_000 + 30 * 24 * 3600 * 1000 + 1)).toEqual({
      tombstonesDropped: 1,
      horizon: 5,
    });
    await phone.platform.close();
  });

  it('by two contexts at once, a reader and the owner: one migrates, both see the same store', async () => {
    const { namespace, dbName } = await earlierDevice();
    const app = context(namespace);
    const provider = context(namespace);
    const [reader, owner] = await Promise.all([app.read(), provider.own()]);
    await expectEarlierContents(reader);
    await expectEarlierContents(owner);
    expect((await storedLayout(dbName)).entries).toEqual(migrated);
    await Promise.all([app.platform.close(), provider.platform.close()]);
  });
});

describe('database versions of the entries layout', () => {
  it('a store without a schema is the base; an owner schema N is base + N; a new one is created at the base', async () => {
    const bare = `versions-test-${++counter}`;
    await writeEarlierStoreLayout(bare, { ...earlier, schema: undefined, extraRows: undefined });
    const opened = await openRevisionedDb(bare, undefined);
    expect([opened.version, [...opened.objectStoreNames]]).toEqual([
      ENTRIES_LAYOUT_BASE,
      ['blobs', 'entries', 'meta'],
    ]);
    opened.close();
    const fresh = await openRevisionedDb(`versions-test-${++counter}`, undefined);
    expect([fresh.version, [...fresh.objectStoreNames]]).toEqual([
      ENTRIES_LAYOUT_BASE,
      ['blobs', 'entries', 'meta'],
    ]);
    fresh.close();
    const owned = await openRevisionedDb(`versions-test-${++counter}`, { ...schema, version: 3 });
    expect([owned.version, [...owned.objectStoreNames]]).toEqual([
      ENTRIES_LAYOUT_BASE + 3,
      ['blobs', 'entries', 'index', 'meta'],
    ]);
    owned.close();
  });
});
