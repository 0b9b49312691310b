import { concatMap, filter, firstValueFrom, from, map, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../contact/contact';
import {
  contact,
  type Harness,
  type PersonRow,
  snapshot,
  startConsumer,
  startHarness,
  TEST_SCHEMA,
  testProjection,
} from '../testing';
import type { ConsumerChange, ConsumerSync } from './consumerSyncTypes';

class Killed extends Error {}

async function people(sync: ConsumerSync): Promise<Record<string, PersonRow>> {
  const rows = (await sync.db.getAll('people')) as PersonRow[];
  return Object.fromEntries(rows.map((row) => [row.personId, row]));
}

async function seed(h: Harness) {
  const local = await h.install('local', 'privileged');
  const facebook = await h.install('facebook-sim', 'certified');
  await local.put(
    'l1',
    contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0101' }] }),
  );
  await local.put(
    'l2',
    contact('l2', { given: 'Alan', family: 'Turing', email: [{ value: 'alan@example.org' }] }),
  );
  await facebook.put(
    'f1',
    contact('f1', { given: 'Augusta', family: 'King', email: [{ value: 'ada@fb.example' }] }),
  );
  await facebook.put(
    'f2',
    contact('f2', { given: 'Grace', family: 'Hopper', tel: [{ value: '+1 212 555 0199' }] }),
  );
  await h.gcds.bulk([
    // Facebook is the primary of p1: a privileged reader must fall back to the local record.
    {
      operation: 'put',
      id: 'p1',
      data: h.person('p1', [h.pointer('facebook-sim', 'f1'), h.pointer('local', 'l1')]),
    },
    { operation: 'put', id: 'p2', data: h.person('p2', [h.pointer('local', 'l2')]) },
    // Only on Facebook: a privileged reader must not see this person at all.
    { operation: 'put', id: 'p3', data: h.person('p3', [h.pointer('facebook-sim', 'f2')]) },
  ]);
  return { local, facebook };
}

describe('consumer sync engine', () => {
  it('builds a certified consumer from every source and a privileged one without facebook-sim', async () => {
    const h = await startHarness();
    await seed(h);
    const certified = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-certified',
    );
    const privileged = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
      'c-privileged',
    );
    await certified.syncNow();
    await privileged.syncNow();

    const all = await people(certified);
    expect(Object.keys(all).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(all.p1).toMatchObject({ name: 'Augusta King', sources: ['facebook-sim:f1', 'local:l1'] });
    expect(all.p1?.emails).toEqual(['ada@fb.example']);

    const visible = await people(privileged);
    expect(Object.keys(visible).sort()).toEqual(['p1', 'p2']);
    expect(visible.p1).toEqual({ personId: 'p1', name: 'Ada Lovelace', sources: ['local:l1'], emails: [] });
    const everything = JSON.stringify(await snapshot(privileged));
    for (const facebookValue of [
      'Augusta',
      'King',
      'ada@fb.example',
      'Grace',
      'Hopper',
      '2125550199',
      'f1',
      'f2',
    ]) {
      expect(everything).not.toContain(facebookValue);
    }
    expect(privileged.status().revision).toBe(await h.gcds.getRevision());
    await certified.stop();
    await privileged.stop();
  });

  it('composes people when asked exactly as it projected them, at its level, nobody it cannot see', async () => {
    const h = await startHarness();
    await seed(h);
    const careless = await h.install('careless', 'privileged');
    // Not a well-formed contact: the projection throws on it, so it is left out of the person.
    await careless.put('c1', { id: 'c1', tel: [{ value: 42 }] } as unknown as Contact);
    await h.gcds.bulk([
      {
        operation: 'put',
        id: 'p2',
        data: h.person('p2', [h.pointer('local', 'l2'), h.pointer('careless', 'c1')]),
      },
      { operation: 'put', id: 'p4', data: { ...h.person('p4', [h.pointer('local', 'l1')]), hidden: true } },
    ]);
    const privileged = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
      'c-compose',
    );
    await privileged.syncNow();

    const ids = ['p1', 'p2', 'p3', 'p4', 'nobody'];
    const composed = await privileged.composePeople(ids);
    expect(composed.map((merged) => merged?.personId)).toEqual(['p1', 'p2', undefined, undefined, undefined]);
    const stored = await people(privileged);
    expect(
      composed.map((merged) => (merged === undefined ? undefined : testProjection(merged).people[0])),
    ).toEqual(ids.map((id) => stored[id]));
    expect(stored.p2?.sources).toEqual(['local:l2']);
    await privileged.stop();
  });

  it('applies updates and removals, replacing every row of a changed person', async () => {
    const h = await startHarness();
    const { local } = await seed(h);
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-updates',
    );
    await sync.syncNow();
    expect(await sync.db.getAllKeys('phones')).toEqual([
      ['12125550199', 'p3'],
      ['14155550101', 'p1'],
    ]);

    await local.put(
      'l1',
      contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+44 20 7946 0000' }] }),
    );
    await h.gcds.put('p1', h.person('p1', [h.pointer('facebook-sim', 'f1'), h.pointer('local', 'l1', 2)]));
    await h.gcds.remove('p3');
    await sync.syncNow();

    expect(await sync.db.getAllKeys('phones')).toEqual([['442079460000', 'p1']]);
    expect(Object.keys(await people(sync)).sort()).toEqual(['p1', 'p2']);
    await sync.stop();
  });

  it('skips a vanished record and an uninstalled provider, and drops a person with nothing left', async () => {
    const h = await startHarness();
    const { local } = await seed(h);
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-vanished',
    );
    await sync.syncNow();
    await local.remove('l2');
    await h.gcds.put('p2', h.person('p2', [h.pointer('local', 'l2', 2)]));
    await h.uninstall('facebook-sim');
    await h.gcds.put('p1', h.person('p1', [h.pointer('facebook-sim', 'f1', 2), h.pointer('local', 'l1', 2)]));
    await sync.syncNow();

    const rows = await people(sync);
    expect(Object.keys(rows).sort()).toEqual(['p1', 'p3']);
    expect(rows.p1).toEqual({ personId: 'p1', name: 'Ada Lovelace', sources: ['local:l1'], emails: [] });
    expect(sync.status().lastError).toBeUndefined();
    await sync.stop();
  });

  it('applies a GCDS reset (clear and replay) in one transaction', async () => {
    const h = await startHarness();
    await seed(h);
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-reset',
    );
    await sync.syncNow();
    // Away while the GCDS resets: the engine started again meets the clear and the replay.
    await sync.stop();
    const labels: string[] = [];
    await h.gcds.bulk([
      { operation: 'clear' },
      {
        operation: 'put',
        id: 'q1',
        data: h.person('q1', [h.pointer('local', 'l1'), h.pointer('local', 'l2')]),
      },
    ]);
    const restarted = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts-2', accessLevel: 'certified' }),
      'c-reset',
      { beforeCommit: (label) => labels.push(label) },
    );
    await restarted.syncNow();
    expect(labels).toEqual([`reset@${await h.gcds.getRevision()}`]);
    expect(Object.keys(await people(restarted))).toEqual(['q1']);
    expect((await people(restarted)).q1?.sources).toEqual(['local:l1', 'local:l2']);
    await restarted.stop();
  });

  it('tells live queries which people changed, after their rows are readable', async () => {
    const h = await startHarness();
    const { local } = await seed(h);
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-changes',
    );
    await sync.syncNow();
    const observed = firstValueFrom(
      sync.changes$.pipe(
        concatMap((change) =>
          from(sync.db.get('people', 'p2')).pipe(
            map((row) => ({ change, row: row as PersonRow | undefined })),
          ),
        ),
      ),
    );
    await local.put('l2', contact('l2', { given: 'Alan M.', family: 'Turing' }));
    await h.gcds.put('p2', h.person('p2', [h.pointer('local', 'l2', 2)]));
    await sync.syncNow();
    const { change, row } = await observed;
    expect(change).toEqual({ personIds: ['p2'], reset: false, revision: await h.gcds.getRevision() });
    expect(row?.name).toBe('Alan M. Turing');
    await sync.stop();
  });

  it('wakes on GCDS change events and coalesces a burst into a few runs', async () => {
    const h = await startHarness();
    const local = await h.install('local', 'privileged');
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-burst',
    );
    await sync.syncNow();
    const ids = Array.from({ length: 60 }, (_, i) => `c${i}`);
    await local.bulk(ids.map((id) => ({ operation: 'put', id, data: contact(id, { given: id }) })));
    // Completes when the engine stops: every change it told about.
    const caughtUp = firstValueFrom(sync.changes$.pipe(toArray()));
    // Sixty separate GCDS writes, issued at once: sixty change events.
    await Promise.all(ids.map((id) => h.gcds.put(`p-${id}`, h.person(`p-${id}`, [h.pointer('local', id)]))));
    const target = await h.gcds.getRevision();
    await firstValueFrom(sync.status$.pipe(filter((s) => s.revision === target && !s.syncing)));
    await sync.whenIdle();
    const status = sync.status();
    expect(status.events).toBe(60);
    expect(status.wakeups).toBeLessThan(status.events / 4);
    expect(status.revision).toBe(await h.gcds.getRevision());
    await sync.stop();
    expect((await caughtUp).flatMap((c) => c.personIds).sort()).toEqual(ids.map((id) => `p-${id}`).sort());
  });

  it('resumes from its sync point after a restart, applying only what is new', async () => {
    const h = await startHarness();
    const { local } = await seed(h);
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const first = await startConsumer(h, identity, 'c-resume');
    await first.syncNow();
    await first.stop();

    await local.put('l3', contact('l3', { given: 'Edsger', family: 'Dijkstra' }));
    await h.gcds.put('p4', h.person('p4', [h.pointer('local', 'l3')]));
    const labels: string[] = [];
    const second = await startConsumer(h, identity, 'c-resume', {
      beforeCommit: (label) => labels.push(label),
    });
    const changes: ConsumerChange[] = [];
    second.changes$.subscribe((change) => changes.push(change));
    await second.syncNow();
    expect(labels).toEqual([`batch@${await h.gcds.getRevision()}`]);
    expect(changes.map((c) => c.personIds)).toEqual([['p4']]);
    expect(Object.keys(await people(second)).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    await second.stop();
  });

  it('commits a long incremental sync in batches, each with its own sync point', async () => {
    const h = await startHarness();
    const { local } = await seed(h);
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const labels: string[] = [];
    const sync = await startConsumer(h, identity, 'c-batches', {
      batchSize: 2,
      beforeCommit: (label) => labels.push(label),
    });
    await sync.syncNow();
    const changes: ConsumerChange[] = [];
    sync.changes$.subscribe((change) => changes.push(change));
    labels.length = 0;
    const ids = ['b0', 'b1', 'b2', 'b3', 'b4'];
    await local.bulk(ids.map((id) => ({ operation: 'put', id, data: contact(id, { given: id }) })));
    await h.gcds.bulk(
      ids.map((id) => ({ operation: 'put', id, data: h.person(id, [h.pointer('local', id)]) })),
    );
    await sync.syncNow();
    const revision = await h.gcds.getRevision();
    expect(labels).toEqual([`batch@${revision - 3}`, `batch@${revision - 1}`, `batch@${revision}`]);
    expect(changes.map((c) => c.personIds)).toEqual([['b0', 'b1'], ['b2', 'b3'], ['b4']]);
    await sync.stop();
  });

  it('moves its sync point past changes the platform hides from it, without touching rows', async () => {
    const h = await startHarness();
    const { facebook } = await seed(h);
    const identity = h.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' });
    const sync = await startConsumer(h, identity, 'c-hidden');
    await sync.syncNow();
    const before = await snapshot(sync);
    await facebook.put('f9', contact('f9', { given: 'Hidden' }));
    await h.gcds.put('p9', h.person('p9', [h.pointer('facebook-sim', 'f9')]));
    await sync.syncNow();
    expect(sync.status().revision).toBe(await h.gcds.getRevision());
    expect(await snapshot(sync)).toEqual(before);
    await sync.stop();
  });

  it('rebuilds everything when the projection version changes', async () => {
    const h = await startHarness();
    await seed(h);
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const first = await startConsumer(h, identity, 'c-projection', { projectionVersion: 'en' });
    await first.syncNow();
    await first.stop();
    const labels: string[] = [];
    const second = await startConsumer(h, identity, 'c-projection', {
      projectionVersion: 'sv',
      beforeCommit: (label) => labels.push(label),
      project: (merged) => ({
        people: [{ personId: merged.personId, name: 'rebuilt', sources: [], emails: [] }],
      }),
    });
    await second.syncNow();
    expect(labels).toEqual([`reset@${await h.gcds.getRevision()}`]);
    expect(Object.values(await people(second)).map((row) => row.name)).toEqual([
      'rebuilt',
      'rebuilt',
      'rebuilt',
    ]);
    expect(await second.db.count('phones')).toBe(0);
    await second.stop();
  });

  it('rebuilds from the GCDS when the schema version changes', async () => {
    const h = await startHarness();
    await seed(h);
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const first = await startConsumer(h, identity, 'c-schema');
    await first.syncNow();
    await first.stop();
    const second = await startConsumer(h, identity, 'c-schema', {
      schema: {
        version: 2,
        stores: [...TEST_SCHEMA.stores, { name: 'extra', keyPath: 'personId' }],
      },
      project: (merged) => ({ extra: [{ personId: merged.personId }] }),
    });
    await second.syncNow();
    expect(await second.db.getAllKeys('extra')).toEqual(['p1', 'p2', 'p3']);
    expect(await second.db.count('people')).toBe(0);
    await second.stop();
  });

  it('refuses a projection that writes outside its schema, committing nothing', async () => {
    const h = await startHarness();
    await seed(h);
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
      'c-bad',
      { project: (merged) => ({ nowhere: [{ personId: merged.personId }] }) },
    );
    await expect(sync.syncNow()).rejects.toThrow(/"nowhere", which is not in the consumer schema/);
    expect(sync.status().lastError?.message).toMatch(/nowhere/);
    expect(sync.status().revision).toBe(0);
    expect(await sync.db.count('people')).toBe(0);
    await sync.stop();
  });

  it('refuses bad schemas and a missing region with clear errors', async () => {
    const h = await startHarness();
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    await expect(
      startConsumer(h, identity, 'c-bad-schema', {
        schema: { version: 1, stores: [{ name: 'consumerSync', keyPath: 'personId' }] },
      }),
    ).rejects.toThrow(/engine's own store/);
    await expect(
      startConsumer(h, identity, 'c-bad-schema', {
        schema: {
          version: 1,
          stores: [
            { name: 'a', keyPath: 'x' },
            { name: 'a', keyPath: 'y' },
          ],
        },
      }),
    ).rejects.toThrow(/declared twice/);
    await expect(startConsumer(h, identity, 'c-no-region', { region: '' })).rejects.toThrow(/region/);
  });

  it('waits for a GCDS that is installed after the consumer starts', async () => {
    const h = await startHarness();
    const local = await h.install('local', 'privileged');
    await local.put('l1', contact('l1', { given: 'Ada' }));
    const identity = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const sync = await startConsumer(h, identity, 'c-late', {
      gcdsStore: { name: 'gcds', owner: 'late-gcds' },
    });
    await sync.syncNow();
    expect(sync.status().lastError).toBeUndefined();
    const lateApp = h.platform.registerApp({ appId: 'late-gcds', accessLevel: 'certified' });
    const committed = firstValueFrom(sync.changes$);
    const late = await h.platform.ownStore(lateApp, { name: 'gcds', access: 'readonly', accessLevel: 'web' });
    await late.put('p1', h.person('p1', [h.pointer('local', 'l1')]));
    await committed;
    await sync.whenIdle();
    expect(Object.keys(await people(sync))).toEqual(['p1']);
    await sync.stop();
  });
});

/** GCDS and provider history for the crash test; every step is followed by a sync. */
async function crashScript(h: Harness, step: () => Promise<void>) {
  const { local, facebook } = await seed(h);
  await step();
  await local.put(
    'l1',
    contact('l1', { given: 'Ada', family: 'Byron', tel: [{ value: '+1 415 555 0102' }] }),
  );
  await h.gcds.put('p1', h.person('p1', [h.pointer('facebook-sim', 'f1'), h.pointer('local', 'l1', 2)]));
  await h.gcds.remove('p3');
  for (let i = 0; i < 5; i += 1) {
    await local.put(`n${i}`, contact(`n${i}`, { given: `New${i}`, tel: [{ value: `+1 650 555 010${i}` }] }));
    await h.gcds.put(`n${i}`, h.person(`n${i}`, [h.pointer('local', `n${i}`)]));
  }
  await step();
  await facebook.remove('f1');
  await h.gcds.put('p1', h.person('p1', [h.pointer('facebook-sim', 'f1', 2), h.pointer('local', 'l1', 2)]));
  await h.gcds.bulk([
    { operation: 'clear' },
    ...['p1', 'p2', 'n0', 'n1'].map((id) => ({
      operation: 'put' as const,
      id,
      data:
        id === 'p1'
          ? h.person('p1', [h.pointer('local', 'l1', 2)])
          : id === 'p2'
            ? h.person('p2', [h.pointer('local', 'l2'), h.pointer('local', 'n2')])
            : h.person(id, [h.pointer('local', id)]),
    })),
  ]);
  await step();
  await h.gcds.put('n3', h.person('n3', [h.pointer('local', 'n3')]));
  await step();
}

describe('exactly once under crash injection', () => {
  it('converges to the uncrashed result wherever the engine is killed', async () => {
    const reference = await startHarness();
    const identity = reference.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    let commits = 0;
    const ref = await startConsumer(reference, identity, 'crash-ref', {
      batchSize: 2,
      beforeCommit: () => {
        commits += 1;
      },
    });
    await crashScript(reference, () => ref.syncNow());
    await ref.whenIdle();
    const expected = await snapshot(ref);
    await ref.stop();
    expect(expected.people.map((p) => p.personId)).toEqual(['n0', 'n1', 'n3', 'p1', 'p2']);
    expect(commits).toBeGreaterThanOrEqual(6);

    for (let crashAt = 1; crashAt <= commits; crashAt += 1) {
      const h = await startHarness();
      const app = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
      let seen = 0;
      let crashed = false;
      const doomed = await startConsumer(h, app, 'crash-run', {
        batchSize: 2,
        beforeCommit: (label) => {
          seen += 1;
          // Once killed, the process is gone: no later commit of this engine may land.
          if (seen >= crashAt) {
            crashed = true;
            throw new Killed(`killed before ${label}`);
          }
        },
      });
      const revisionBefore = { value: 0 };
      await crashScript(h, async () => {
        revisionBefore.value = doomed.status().revision;
        await doomed.syncNow().catch((error: unknown) => {
          if (!(error instanceof Killed)) throw error;
        });
      });
      await doomed.stop();
      expect(crashed).toBe(true);
      const restarted = await startConsumer(h, app, 'crash-run', { batchSize: 2 });
      await restarted.syncNow();
      expect({ crashAt, state: await snapshot(restarted) }).toEqual({ crashAt, state: expected });
      await restarted.stop();
    }
  }, 60_000);
});

describe('rows keyed by person', () => {
  it('are replaced by the new row, and deleted only when the person no longer projects one', async () => {
    const h = await startHarness();
    const local = await h.install('local', 'privileged');
    // One card per person with an email, indexed by the address; none for a person without one.
    const sync = await startConsumer(
      h,
      h.platform.registerApp({ appId: 'mail', accessLevel: 'privileged' }),
      'cards-by-person',
      {
        schema: {
          version: 1,
          stores: [{ name: 'cards', keyPath: 'personId', indexes: [{ name: 'byEmail', keyPath: 'email' }] }],
        },
        project: (merged) => ({
          cards: merged.email
            .slice(0, 1)
            .map((email) => ({ personId: merged.personId, email: email.value.value })),
        }),
      },
    );
    const write = async (email: string | undefined) => {
      await local.put('l1', contact('l1', { given: 'Ada', ...(email ? { email: [{ value: email }] } : {}) }));
      const revision = await local.getRevision();
      await h.gcds.put('p1', h.person('p1', [h.pointer('local', 'l1', revision)]));
      await sync.syncNow();
      return {
        cards: await sync.db.getAll('cards'),
        byOld: await sync.db.getAllKeysFromIndex('cards', 'byEmail', 'ada@a.example'),
      };
    };
    expect(await write('ada@a.example')).toEqual({
      cards: [{ personId: 'p1', email: 'ada@a.example' }],
      byOld: ['p1'],
    });
    expect(await write('ada@b.example')).toEqual({
      cards: [{ personId: 'p1', email: 'ada@b.example' }],
      byOld: [],
    });
    expect(await write(undefined)).toEqual({ cards: [], byOld: [] });
    await sync.stop();
  });
});
