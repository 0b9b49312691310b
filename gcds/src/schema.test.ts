import { DataStorePlatform, type PersonRecord } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { GCDS_SCHEMA, GCDS_STORES, type GcdsSchema } from './schema';

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
      const holders = await sources.index('byPhone').getAll('+14155550100');
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
});
