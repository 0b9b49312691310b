import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from './dataStorePlatform';
import { STATE_KEY, type StoreState } from './revisionedSchema';
import type { WriteOperation } from './types';

let counter = 0;

const operation: fc.Arbitrary<WriteOperation<{ n: number }>> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 0, max: 7 })
      .map((i) => ({ operation: 'put' as const, id: `c${i}`, data: { n: i } })),
  },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 7 }).map((i) => ({ operation: 'remove' as const, id: `c${i}` })),
  },
  { weight: 1, arbitrary: fc.constant({ operation: 'clear' as const }) },
);

describe('the tombstone count kept in the store state', () => {
  it('always equals the tombstones the entries hold, through writes, drops past the limit and compaction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operation, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        async (batches, compactAfter) => {
          counter += 1;
          let clock = 0;
          const namespace = `tombstone-count-${counter}`;
          const platform = new DataStorePlatform({ namespace, maxTombstones: 3, now: () => clock });
          const app = platform.registerApp({ appId: 'provider', accessLevel: 'web' });
          const owner = await platform.ownStore<{ n: number }>(app, {
            name: 'contacts',
            access: 'readonly',
            accessLevel: 'web',
          });
          for (const [i, batch] of batches.entries()) {
            clock += 1_000;
            await owner.bulk(batch);
            if (i === compactAfter) await owner.compact(clock + 10 ** 12);
          }
          const db = await openDB(`${namespace}:store:provider:contacts`);
          const state = (await db.get('meta', STATE_KEY)) as StoreState;
          const held = await db.countFromIndex('entries', 'tombstones');
          db.close();
          await platform.close();
          expect(state.tombstones).toBe(held);
          expect(held).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 60 },
    );
  });
});
