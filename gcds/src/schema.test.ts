import { DataStorePlatform, type PersonRecord, type StoreSchema } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { GCDS_SCHEMA, GCDS_STORES, type GcdsSchema } from './schema';
import type { StoredSource } from './storedSource';

describe('the GCDS schema', () => {
  it('types every store, index and value, so a wrong name fails to compile', async () => {
    const platform = new DataStorePlatform({ namespace: 'gcds-schema-types' });
    const identity = platform.registerApp({ appId: 'gcds', accessLevel: 'certified' });
    const store = await platform.ownStore<PersonRecord, GcdsSchema>(
      identity,
      { name: 'gcds', access: 'readonly', accessLevel: 'web' },
      { schema: GCDS_SCHEMA },
    );
    const found = await store.readExtra(['sources', 'decisions'], async ([sources, decisions]) => {
      // Values come typed from the schema: no cast to SourceRecord or Decision.
      const holders = await sources.index('byPerson').getAll('p1');
      const members: string[] = (await decisions.index('byMember').getAll('x')).flatMap((d) => d.members);
      // @ts-expect-error: "byMember" is an index of decisions, not of sources
      expect(() => sources.index('byMember')).toThrow();
      return holders.map((holder) => holder.personId).concat(members);
    });
    expect(found).toEqual([]);
    // @ts-expect-error: the GCDS has no "source" store
    await expect(store.readExtra(['source'], async () => undefined)).rejects.toThrow();
    await store.transact(GCDS_STORES, async (tx) => {
      expect(await tx.objectStore('cursors').get('local')).toBeUndefined();
    });
    await store.transact(['cursors'], async (tx) => {
      // @ts-expect-error: "sources" is not in this transaction's scope
      expect(() => tx.objectStore('sources')).toThrow(/scope/);
    });
  });

  it('opens a version 1 database: the phone, email, name and provider indexes go, every source stays', async () => {
    const platform = new DataStorePlatform({ namespace: 'gcds-schema-v1' });
    const identity = platform.registerApp({ appId: 'gcds', accessLevel: 'certified' });
    const manifest = { name: 'gcds', access: 'readonly', accessLevel: 'web' } as const;
    const sources = GCDS_SCHEMA.stores.find((spec) => spec.name === 'sources')!;
    const v1 = {
      version: 1,
      stores: [
        {
          ...sources,
          indexes: [
            ...(sources.indexes ?? []),
            { name: 'byProvider', keyPath: 'provider' },
            { name: 'byPhone', keyPath: 'phoneKeys', multiEntry: true },
            { name: 'byEmail', keyPath: 'emails', multiEntry: true },
            { name: 'byName', keyPath: 'nameKeys', multiEntry: true },
          ],
        },
        ...GCDS_SCHEMA.stores.filter((spec) => spec.name !== 'sources'),
      ],
    } as unknown as StoreSchema<GcdsSchema>;
    const old = await platform.ownStore<PersonRecord, GcdsSchema>(identity, manifest, { schema: v1 });
    const source = { key: 'local\u001fa', personId: 'p1' } as StoredSource;
    await old.transact(['sources'], async (tx) => {
      await tx.objectStore('sources').put(source);
    });
    const store = await platform.ownStore<PersonRecord, GcdsSchema>(identity, manifest, {
      schema: GCDS_SCHEMA,
    });
    const [indexes, kept] = await store.readExtra(['sources'], async ([stored]) => [
      [...stored.indexNames].sort(),
      await stored.index('byPerson').getAll('p1'),
    ]);
    expect(indexes).toEqual(['byPerson']);
    expect(kept).toEqual([source]);
    await platform.close();
  });
});
