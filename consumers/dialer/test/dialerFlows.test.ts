import { GCDS_APP_ID, Gcds } from '@gcds/gcds';
import { contact, type Pipeline, startPipeline, storeProvider } from '@gcds/gcds/testing';
import { type Contact, type DataStoreOwner, DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import {
  type CallerIdRow,
  createDialerConsumer,
  type DialerConsumer,
  type DialerConsumerOptions,
} from '../src';

class Killed extends Error {}

const NUMBERS = [
  '+1 415 555 0100',
  '+1 415 555 0110',
  '+1 415 555 0120',
  '+1 415 555 0130',
  '+1 650 555 0140',
];

function put(store: DataStoreOwner<Contact>, contacts: Contact[]): Promise<number> {
  return store.bulk(contacts.map((data) => ({ operation: 'put' as const, id: data.id, data })));
}

function dialerOf(
  { platform }: { platform: DataStorePlatform },
  dbName: string,
  options: Partial<DialerConsumerOptions> = {},
) {
  return createDialerConsumer({
    platform,
    identity: platform.registerApp({ appId: `dialer-${Math.random()}`, accessLevel: 'privileged' }),
    region: 'US',
    dbName,
    ...options,
  });
}

async function settle(pipeline: { gcds: Gcds }, dialer: DialerConsumer): Promise<void> {
  await pipeline.gcds.whenIdle();
  await dialer.syncNow();
}

/** What the dialer holds and answers, without the GCDS's random person ids: equal worlds compare equal. */
async function observable(dialer: DialerConsumer) {
  const rows = (await dialer.sync.db.getAll('callerId')) as CallerIdRow[];
  const names = await dialer.namesFor(NUMBERS);
  return {
    rows: rows.map((row) => `${row.displayName}: ${row.phones.map((p) => p.value).join(', ')}`).sort(),
    keys: rows.map((row) => row.lookupKeys.join(' ')).sort(),
    names: [...names].map(([number, matches]) => [
      number,
      matches.map((m) => `${m.displayName}|${m.matchedTel.value}|${m.match}`),
    ]),
  };
}

/** A day of provider activity; the dialer may sync (or be killed) after each part. */
async function day(pipeline: Pipeline, step: () => Promise<void>) {
  const local = await pipeline.install('local', 'privileged');
  const vcard = await pipeline.install('vcard', 'privileged');
  const facebook = await pipeline.install('facebook-sim', 'certified');
  await put(
    local,
    [0, 1, 2, 3].map((i) =>
      contact(`l${i}`, { given: `Person${i}`, family: 'Local', tel: [{ value: NUMBERS[i]! }] }),
    ),
  );
  await pipeline.gcds.whenIdle();
  await step();
  await put(vcard, [
    contact('v1', {
      given: 'Person1',
      family: 'Local',
      tel: [{ value: '(415) 555-0110' }, { value: '555 0199' }],
    }),
    contact('v9', { given: 'Card', family: 'Only', tel: [{ value: NUMBERS[4]! }] }),
  ]);
  await put(facebook, [
    contact('f2', { given: 'Person2', family: 'Local', tel: [{ value: '+1 415 555 0120' }] }),
  ]);
  await pipeline.gcds.whenIdle();
  await step();
  await local.put('l3', contact('l3', { given: 'Renamed', family: 'Person', tel: [{ value: NUMBERS[3]! }] }));
  await local.remove('l0');
  await pipeline.gcds.whenIdle();
  await step();
  await pipeline.registry.uninstall('vcard');
  await pipeline.gcds.whenIdle();
  await step();
}

describe('dialer: exactly once under crash injection', () => {
  it('converges to the uncrashed result wherever it is killed, nothing lost or doubled', async () => {
    const reference = await startPipeline({ region: 'US' });
    let commits = 0;
    const ref = await dialerOf(reference, 'reference', { batchSize: 2, beforeCommit: () => (commits += 1) });
    await day(reference, () => ref.syncNow());
    await settle(reference, ref);
    const expected = await observable(ref);
    await ref.stop();
    expect(expected.rows).toEqual([
      'Person1 Local: +1 415 555 0110',
      'Person2 Local: +1 415 555 0120',
      'Renamed Person: +1 415 555 0130',
    ]);
    expect(commits).toBeGreaterThanOrEqual(5);

    for (let crashAt = 1; crashAt <= commits; crashAt += 1) {
      const pipeline = await startPipeline({ region: 'US' });
      let seen = 0;
      const doomed = await dialerOf(pipeline, 'doomed', {
        batchSize: 2,
        beforeCommit: (label) => {
          seen += 1;
          if (seen >= crashAt) throw new Killed(`killed before ${label}`);
        },
      });
      await day(pipeline, () =>
        doomed.syncNow().catch((error: unknown) => {
          if (!(error instanceof Killed)) throw error;
        }),
      );
      await doomed.stop();
      expect(seen).toBeGreaterThanOrEqual(crashAt);
      const restarted = await dialerOf(pipeline, 'doomed', { batchSize: 2 });
      await settle(pipeline, restarted);
      expect({ crashAt, state: await observable(restarted) }).toEqual({ crashAt, state: expected });
      await restarted.stop();
      await pipeline.gcds.stop();
    }
  }, 60_000);
});

describe('dialer: flows from a provider write to caller ID', () => {
  it('shows a provider write in caller ID and suggestions, and drops a removed contact', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    const dialer = await dialerOf(pipeline, 'write-flow');
    await local.put('a', contact('a', { given: 'Ada', tel: [{ value: '(415) 555-0101', type: ['cell'] }] }));
    await settle(pipeline, dialer);
    expect((await dialer.lookupNumber('+14155550101')).map((m) => m.displayName)).toEqual(['Ada']);
    expect((await dialer.suggest('4155')).map((s) => s.displayName)).toEqual(['Ada']);
    await local.remove('a');
    await settle(pipeline, dialer);
    expect(await dialer.lookupNumber('+14155550101')).toEqual([]);
    expect(await dialer.sync.db.count('callerId')).toBe(0);
    await dialer.stop();
  });

  it('skips a pointer to a vanished provider record, then converges when the GCDS catches up', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    const vcard = await pipeline.install('vcard', 'privileged');
    await local.put(
      'l1',
      contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0101' }] }),
    );
    await put(vcard, [
      contact('v1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+1 415 555 0101' }, { value: '+1 415 555 0102', label: 'Lab' }],
      }),
      contact('v2', { given: 'Only', family: 'Vcard', tel: [{ value: '+1 212 555 0199' }] }),
    ]);
    await pipeline.gcds.whenIdle();
    // The GCDS is down while the records vanish: its pointers still name them.
    await pipeline.gcds.stop();
    await vcard.remove('v1');
    await vcard.remove('v2');
    const dialer = await dialerOf(pipeline, 'vanished');
    await dialer.syncNow();
    expect((await dialer.lookupNumber('+1 415 555 0101')).map((m) => m.displayName)).toEqual([
      'Ada Lovelace',
    ]);
    expect(await dialer.lookupNumber('+1 415 555 0102')).toEqual([]);
    expect(await dialer.lookupNumber('+1 212 555 0199')).toEqual([]);
    expect(dialer.status().lastError).toBeUndefined();

    await pipeline.restartGcds();
    await settle(pipeline, dialer);
    expect((await observable(dialer)).rows).toEqual(['Ada Lovelace: +1 415 555 0101']);
    await dialer.stop();
  });

  it('converges when a provider is uninstalled in the middle of a dialer sync', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    const vcard = await pipeline.install('vcard', 'privileged');
    const first = await dialerOf(pipeline, 'uninstall');
    await settle(pipeline, first);
    // Off while the providers write, so the restarted dialer has a backlog of batches to work through.
    await first.stop();
    await put(
      local,
      [0, 1, 2].map((i) => contact(`l${i}`, { given: `Local${i}`, tel: [{ value: `+1 650 555 01${i}0` }] })),
    );
    await put(
      vcard,
      [0, 1, 2, 3].map((i) =>
        contact(`v${i}`, { given: `Card${i}`, tel: [{ value: `+1 212 555 01${i}0` }] }),
      ),
    );
    await pipeline.gcds.whenIdle();
    let uninstalling: Promise<void> | undefined;
    const labels: string[] = [];
    const dialer = await dialerOf(pipeline, 'uninstall', {
      batchSize: 2,
      beforeCommit: (label) => {
        labels.push(label);
        // At the first batch's commit: the batches after it read a provider that is going away.
        uninstalling ??= pipeline.registry.uninstall('vcard');
      },
    });
    await dialer.syncNow();
    await uninstalling;
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(dialer.status().lastError).toBeUndefined();
    await settle(pipeline, dialer);
    expect((await observable(dialer)).rows).toEqual([
      'Local0: +1 650 555 0100',
      'Local1: +1 650 555 0110',
      'Local2: +1 650 555 0120',
    ]);
    expect(await dialer.suggest('212')).toEqual([]);
    expect(dialer.status().lastError).toBeUndefined();
    await dialer.stop();
  });

  it('rebuilds from a GCDS reset (a new GCDS store: clear and replay) in one transaction', async () => {
    // Built by hand: removing the GCDS store takes the GCDS's own identity.
    const platform = new DataStorePlatform({ namespace: `dialer-reset-${Math.random()}` });
    const registry = new ProviderRegistry(platform);
    const gcdsIdentity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
    const world = { platform, gcds: await Gcds.start({ platform, identity: gcdsIdentity, region: 'US' }) };
    const local = (await registry.install(storeProvider('local', 'privileged'))).api;
    await put(local, [
      contact('a', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }),
      contact('b', { given: 'Bob', tel: [{ value: '+1 415 555 0102' }] }),
    ]);
    const labels: string[] = [];
    const dialer = await dialerOf(world, 'reset', { beforeCommit: (label) => labels.push(label) });
    await settle(world, dialer);
    const before = await dialer.lookupNumber('+1 415 555 0101');

    await world.gcds.stop();
    await platform.removeStore(gcdsIdentity, 'gcds');
    await local.put('c', contact('c', { given: 'Cy', tel: [{ value: '+1 415 555 0103' }] }));
    labels.length = 0;
    world.gcds = await Gcds.start({ platform, identity: gcdsIdentity, region: 'US' });
    await settle(world, dialer);

    expect(labels.filter((label) => label.startsWith('reset@'))).toHaveLength(1);
    expect((await observable(dialer)).rows).toEqual([
      'Ada: +1 415 555 0101',
      'Bob: +1 415 555 0102',
      'Cy: +1 415 555 0103',
    ]);
    const after = await dialer.lookupNumber('+1 415 555 0101');
    expect(after.map((m) => m.displayName)).toEqual(['Ada']);
    expect(after[0]?.personId).not.toBe(before[0]?.personId);
    await dialer.stop();
    await world.gcds.stop();
  });
});
