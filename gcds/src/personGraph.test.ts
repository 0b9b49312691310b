import { DataStorePlatform, type PersonRecord } from '@gcds/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IncomingSource, PersonGraph, type PersonGraphOptions, type SourceChange } from './personGraph';
import { GCDS_SCHEMA, GCDS_STORES, type GcdsSchema } from './schema';

let counter = 0;

async function graphStore() {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `person-graph-${counter}` });
  const identity = platform.registerApp({ appId: 'gcds', accessLevel: 'certified' });
  const store = await platform.ownStore<PersonRecord, GcdsSchema>(
    identity,
    { name: 'gcds', access: 'readonly', accessLevel: 'web' },
    { schema: GCDS_SCHEMA },
  );
  return { platform, store };
}

const NAMES = ['ada lovelace', 'grace hopper', 'alan turing'];
const PHONES = ['+14155550100', '+14155550101', '+14155550102', '+14155550103'];
const EMAILS = ['a@example.org', 'b@example.org', 'c@example.org'];

function incoming(
  provider: string,
  contactId: string,
  name: number,
  phones: number[],
  emails: number[],
): IncomingSource {
  const sourcePhones = [...new Set(phones)].map((i) => {
    const e164 = PHONES[i]!;
    return {
      key: `e:${e164}`,
      indexKeys: [`e:${e164}`, `s:${e164.slice(-7)}`],
      isShortCode: false,
      types: ['cell'],
    };
  });
  return {
    key: `${provider}\u001f${contactId}`,
    provider,
    contactId,
    accessLevel: 'privileged',
    revision: 1,
    nameKeys: [NAMES[name]!],
    nameSuffix: '',
    names: [{ given: NAMES[name]!.split(' ').slice(0, -1), family: NAMES[name]!.split(' ').slice(-1) }],
    company: '',
    org: '',
    displayName: NAMES[name]!,
    phones: sourcePhones,
    phoneKeys: sourcePhones.flatMap((phone) => phone.indexKeys),
    emails: [...new Set(emails)].map((i) => EMAILS[i]!),
  };
}

const changeArbitrary: fc.Arbitrary<SourceChange> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('local', 'vcard', 'facebook-sim'),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: NAMES.length - 1 }),
        fc.array(fc.integer({ min: 0, max: PHONES.length - 1 }), { maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: EMAILS.length - 1 }), { maxLength: 1 }),
      )
      .map(([provider, id, name, phones, emails]) => ({
        upsert: incoming(provider, `c${id}`, name, phones, emails),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('local', 'vcard', 'facebook-sim'), fc.integer({ min: 0, max: 5 }))
      .map(([provider, id]) => ({ remove: `${provider}\u001fc${id}` })),
  },
);

/** The people as sorted groups of source keys, and every stored source's key and person group. */
async function observe(store: Awaited<ReturnType<typeof graphStore>>['store']) {
  const ids: string[] = [];
  for await (const task of store.sync()) if (task.operation === 'add') ids.push(task.id);
  const people = await store.getMany(ids);
  const groups = people.map((person) =>
    person!.pointers
      .map((p) => `${p.provider}:${p.contactId}`)
      .sort()
      .join(' + '),
  );
  const sources = await store.readExtra(['sources'], ([s]) => s.getAll());
  const groupOf = new Map(people.map((person, i) => [person!.id, groups[i]!]));
  return {
    groups: groups.sort(),
    sources: sources.map((source) => `${source.key} in ${groupOf.get(source.personId) ?? 'nobody'}`),
  };
}

describe('PersonGraph: deferred writes, whole reads and a kept snapshot give what writing at once and asking key by key gives', () => {
  it('groups the same people after any sequence of batches, whichever way it reads and writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(changeArbitrary, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          const variants: Array<[Awaited<ReturnType<typeof graphStore>>, PersonGraphOptions]> = [
            [await graphStore(), { deferWrites: false, wholeReads: 'never' }],
            [await graphStore(), { wholeReads: 'never' }],
            [await graphStore(), { wholeReads: 'always' }],
            // The sources kept across transactions, and followed through two regroups in one.
            [await graphStore(), { wholeReads: 'always', mirror: { snapshot: undefined } }],
            [await graphStore(), { mirror: { snapshot: undefined } }],
          ];
          for (const batch of batches) {
            const half = Math.ceil(batch.length / 2);
            for (const [{ store }, options] of variants) {
              await store.transact(GCDS_STORES, async (tx) => {
                const graph = new PersonGraph(tx, options);
                await graph.apply(batch.slice(0, half));
                await graph.regroup();
                await graph.apply(batch.slice(half));
                await graph.regroup();
              });
            }
            const [reference, ...others] = await Promise.all(variants.map(([{ store }]) => observe(store)));
            for (const other of others) expect(other).toEqual(reference);
          }
          for (const [{ platform }] of variants) await platform.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes each changed source once, with its person, and a batch sees its own earlier changes', async () => {
    const { store } = await graphStore();
    await store.transact(GCDS_STORES, async (tx) => {
      const graph = new PersonGraph(tx);
      await graph.apply([
        { upsert: incoming('local', 'c1', 0, [0], []) },
        { upsert: incoming('vcard', 'c1', 0, [0], []) },
        { remove: 'vcard\u001fc1' },
        { upsert: incoming('vcard', 'c1', 0, [0], []) },
      ]);
      await graph.regroup();
    });
    const { groups, sources } = await observe(store);
    expect(groups).toEqual(['local:c1 + vcard:c1']);
    expect(sources).toEqual(['local\u001fc1 in local:c1 + vcard:c1', 'vcard\u001fc1 in local:c1 + vcard:c1']);
  });

  it('counts a number shared by more than MAX_BUCKET sources right while some of them are pending', async () => {
    const everyone = ['facebook-sim', 'local', 'vcard'].flatMap((provider) =>
      Array.from({ length: 8 }, (_, id) => incoming(provider, `c${id}`, 0, [0], [])),
    );
    // Three of the first holders drop the number: 21 still share it, more than MAX_BUCKET (20); one
    // that keeps it is synced again, so its number is looked up.
    const dropped: SourceChange[] = [
      ...['c0', 'c1', 'c2'].map((id) => ({ upsert: incoming('facebook-sim', id, 0, [], []) })),
      { upsert: incoming('vcard', 'c7', 0, [0], []) },
    ];
    const variants: Array<[Awaited<ReturnType<typeof graphStore>>, PersonGraphOptions]> = [
      [await graphStore(), { deferWrites: false, wholeReads: 'never' }],
      [await graphStore(), { wholeReads: 'never' }],
      [await graphStore(), { wholeReads: 'always' }],
    ];
    for (const [{ store }, options] of variants) {
      for (const batch of [everyone.map((source): SourceChange => ({ upsert: source })), dropped]) {
        await store.transact(GCDS_STORES, async (tx) => {
          const graph = new PersonGraph(tx, options);
          await graph.apply(batch);
          await graph.regroup();
        });
      }
    }
    const [reference, ...others] = await Promise.all(variants.map(([{ store }]) => observe(store)));
    // A shared line is no evidence: the name alone never merges anyone.
    expect(reference!.groups).toHaveLength(24);
    for (const other of others) expect(other).toEqual(reference);
  });
});

describe("a provider's sources", () => {
  it('are found by key range, not mixed with a provider whose id starts the same, whether read or kept', async () => {
    const sources = [
      incoming('local', 'a', 0, [0], []),
      incoming('local', 'b', 1, [1], []),
      incoming('local2', 'a', 2, [2], []),
      incoming('loca', 'z', 0, [3], []),
    ];
    for (const wholeReads of ['never', 'always'] as const) {
      const { store } = await graphStore();
      await store.transact(GCDS_STORES, async (tx) => {
        const graph = new PersonGraph(tx, { wholeReads });
        await graph.apply(sources.map((source): SourceChange => ({ upsert: source })));
        await graph.regroup();
      });
      const found = await store.transact(GCDS_STORES, async (tx) => {
        const graph = new PersonGraph(tx, { wholeReads });
        await graph.apply([{ upsert: incoming('local', 'c', 2, [], []) }, { remove: 'local\u001fb' }]);
        return graph.sourcesOfProvider('local');
      });
      expect({ wholeReads, found }).toEqual({ wholeReads, found: ['local\u001fa', 'local\u001fc'] });
    }
  });
});
