import { Gcds } from '@gcds/gcds';
import { describe, expect, it } from 'vitest';
import type { ContactListEntry, ContactsConsumer } from '../src';
import { contact, putAll, startWorld, type World } from './contactsHarness';

class Killed extends Error {}

/**
 * Everything the consumer holds and shows: its list rows and every listed person's detail, with GCDS
 * person ids replaced by the sources they stand for, so two worlds (whose person ids are random)
 * compare equal when they hold the same people.
 */
async function canonical(consumer: ContactsConsumer) {
  const list = (await consumer.sync.db.getAll('list')) as ContactListEntry[];
  const details = await consumer.getDetails(list.map((row) => row.personId));
  expect(details.filter((detail) => detail === undefined)).toEqual([]);
  const nameOf = new Map(
    details.map((d) => [d!.personId, d!.sources.map((s) => `${s.provider}:${s.contactId}`).join('+')]),
  );
  const swap = (text: string) =>
    [...nameOf].reduce((acc, [personId, name]) => acc.split(personId).join(`<${name}>`), text);
  return {
    stores: [...consumer.sync.db.objectStoreNames].sort(),
    list: list.map((row) => swap(JSON.stringify(row))).sort(),
    details: details.map((row) => swap(JSON.stringify(row))).sort(),
  };
}

/** A day of provider and GCDS activity; `step` lets the consumer sync after each part. */
async function day(world: World, step: () => Promise<void>) {
  const local = await world.install('local', 'privileged');
  const vcard = await world.install('vcard', 'privileged');
  const facebook = await world.install('facebook-sim', 'certified');
  await putAll(
    local,
    Array.from({ length: 8 }, (_, i) =>
      contact(`l${i}`, { given: `Name${i}`, family: 'Common', tel: [{ value: `+1 415 555 01${i}0` }] }),
    ),
  );
  await world.gcds.whenIdle();
  await step();
  await putAll(vcard, [
    contact('v1', {
      given: 'Name1',
      family: 'Common',
      tel: [{ value: '(415) 555-0110' }],
      email: [{ value: 'n1@x.org' }],
    }),
    contact('v9', { given: 'Ärla', family: 'Berg', favorite: true }),
  ]);
  await facebook.put(
    'f2',
    contact('f2', { given: 'Name2', family: 'Common', tel: [{ value: '+14155550120' }], ice: true }),
  );
  await world.gcds.whenIdle();
  await step();
  await local.put(
    'l3',
    contact('l3', { given: 'Renamed', family: 'Person', tel: [{ value: '+1 415 555 0130' }] }),
  );
  await local.remove('l4');
  await vcard.remove('v9');
  await world.gcds.whenIdle();
  await step();
  await world.registry.uninstall('facebook-sim');
  await world.gcds.whenIdle();
  await step();
}

describe('contacts consumer: exactly once under crash injection', () => {
  it('converges to the uncrashed result wherever it is killed, and a restart resumes', async () => {
    const reference = await startWorld();
    let commits = 0;
    const ref = await reference.consumer({ batchSize: 2, beforeCommit: () => (commits += 1) });
    await day(reference, () => ref.sync.syncNow());
    await reference.settle(ref);
    const expected = await canonical(ref);
    await ref.stop();
    expect(expected.list).toHaveLength(7);
    expect(commits).toBeGreaterThanOrEqual(6);

    for (let crashAt = 1; crashAt <= commits; crashAt += 1) {
      const world = await startWorld();
      let seen = 0;
      let crashed = false;
      const doomed = await world.consumer({
        batchSize: 2,
        beforeCommit: (label) => {
          seen += 1;
          if (seen >= crashAt) {
            crashed = true;
            throw new Killed(`killed before ${label}`);
          }
        },
      });
      await day(world, () =>
        doomed.sync.syncNow().catch((error: unknown) => {
          if (!(error instanceof Killed)) throw error;
        }),
      );
      await doomed.stop();
      expect(crashed).toBe(true);
      const restarted = await world.consumer({ batchSize: 2 });
      await world.settle(restarted);
      expect({ crashAt, state: await canonical(restarted) }).toEqual({ crashAt, state: expected });
      await restarted.stop();
    }
  }, 120_000);

  it('resumes after a restart with only the changes it missed, in order', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    await putAll(local, [contact('a', { given: 'Ada' }), contact('b', { given: 'Bob' })]);
    const first = await world.consumer();
    await world.settle(first);
    const revision = first.sync.status().revision;
    await first.stop();

    await local.put('c', contact('c', { given: 'Cy' }));
    await world.gcds.whenIdle();
    const labels: string[] = [];
    const second = await world.consumer({ beforeCommit: (label) => labels.push(label) });
    await world.settle(second);
    expect(labels).toEqual([`batch@${second.sync.status().revision}`]);
    expect(second.sync.status().revision).toBeGreaterThan(revision);
    expect((await second.firstPage(10)).items.map((i) => i.entry.displayName)).toEqual(['Ada', 'Bob', 'Cy']);
    await second.stop();
  });
});

describe('contacts consumer: flows from a provider write to a query result', () => {
  it('skips a pointer to a vanished provider record, then converges when the GCDS catches up', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    const vcard = await world.install('vcard', 'privileged');
    await local.put(
      'l1',
      contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0101' }] }),
    );
    await vcard.put(
      'v1',
      contact('v1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+1 415 555 0101' }],
        email: [{ value: 'ada@vcard.example' }],
      }),
    );
    await vcard.put('v2', contact('v2', { given: 'Only', family: 'Vcard' }));
    await world.gcds.whenIdle();
    // The GCDS is down while the records vanish: its pointers still name them.
    await world.gcds.stop();
    await vcard.remove('v1');
    await vcard.remove('v2');
    const consumer = await world.consumer();
    await consumer.sync.syncNow();
    const items = (await consumer.firstPage(10)).items;
    expect(items.map((i) => i.entry.displayName)).toEqual(['Ada Lovelace']);
    const detail = await consumer.getDetail(items[0]?.entry.personId ?? '');
    expect(detail?.sources).toEqual([{ provider: 'local', contactId: 'l1' }]);
    expect(detail?.email).toEqual([]);
    expect(consumer.sync.status().lastError).toBeUndefined();

    world.gcds = await Gcds.start({ platform: world.platform, identity: world.gcdsIdentity, region: 'US' });
    await world.settle(consumer);
    expect((await consumer.search('only')).length).toBe(0);
    expect((await consumer.firstPage(10)).items.map((i) => i.entry.displayName)).toEqual(['Ada Lovelace']);
    await consumer.stop();
  });

  it('converges when a provider is uninstalled in the middle of a consumer sync', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    const vcard = await world.install('vcard', 'privileged');
    let armed = false;
    let uninstalling: Promise<void> | undefined;
    const consumer = await world.consumer({
      batchSize: 2,
      beforeCommit: () => {
        // After the first incremental batch, the next ones read a provider that is going away.
        if (armed) uninstalling ??= world.registry.uninstall('vcard');
      },
    });
    await world.settle(consumer);
    await putAll(
      local,
      Array.from({ length: 6 }, (_, i) =>
        contact(`l${i}`, { given: `Local${i}`, tel: [{ value: `+1 650 555 01${i}0` }] }),
      ),
    );
    await putAll(
      vcard,
      Array.from({ length: 6 }, (_, i) =>
        contact(`v${i}`, { given: `Card${i}`, email: [{ value: `c${i}@x.org` }] }),
      ),
    );
    await world.gcds.whenIdle();
    armed = true;
    await consumer.sync.syncNow();
    expect(uninstalling).toBeDefined();
    await uninstalling;
    await world.settle(consumer);
    const names = (await consumer.firstPage(50)).items.map((i) => i.entry.displayName);
    expect(names).toEqual(['Local0', 'Local1', 'Local2', 'Local3', 'Local4', 'Local5']);
    expect(await consumer.search('card')).toEqual([]);
    // Nothing of the uninstalled provider is stored, nor composed into a detail.
    const stored = await Promise.all(
      [...consumer.sync.db.objectStoreNames].map((name) => consumer.sync.db.getAll(name)),
    );
    expect(JSON.stringify(stored)).not.toMatch(/vcard|Card\d|c\d@x\.org/);
    const listed = (await consumer.sync.db.getAll('list')).map((row) => row.personId);
    const details = await consumer.getDetails(listed);
    expect(details.map((detail) => detail?.sources.map((s) => s.provider))).toEqual(
      listed.map(() => ['local']),
    );
    expect(JSON.stringify(details)).not.toMatch(/vcard|Card\d|c\d@x\.org/);
    expect(consumer.sync.status().lastError).toBeUndefined();
    await consumer.stop();
  });

  it('rebuilds from a GCDS reset (a new GCDS store: clear and replay) in one transaction', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    await putAll(local, [
      contact('a', { given: 'Ada', family: 'Lovelace', favorite: true }),
      contact('b', { given: 'Bob', family: 'Babbage' }),
    ]);
    const labels: string[] = [];
    const consumer = await world.consumer({ beforeCommit: (label) => labels.push(label) });
    await world.settle(consumer);
    const before = (await consumer.firstPage(10)).items.map((i) => `${i.section}:${i.entry.displayName}`);
    const oldIds = new Set((await consumer.firstPage(10)).items.map((i) => i.entry.personId));

    await world.gcds.stop();
    await world.platform.removeStore(world.gcdsIdentity, 'gcds');
    await local.put('c', contact('c', { given: 'Cy', family: 'Young' }));
    labels.length = 0;
    world.gcds = await Gcds.start({ platform: world.platform, identity: world.gcdsIdentity, region: 'US' });
    await world.settle(consumer);

    const after = (await consumer.firstPage(10)).items;
    expect(after.map((i) => `${i.section}:${i.entry.displayName}`)).toEqual([...before, 'all:Cy Young']);
    expect(after.some((i) => oldIds.has(i.entry.personId))).toBe(false);
    expect(labels.filter((label) => label.startsWith('reset@'))).toHaveLength(1);
    expect(await consumer.sync.db.count('list')).toBe(3);
    const details = await consumer.getDetails(after.map((i) => i.entry.personId));
    expect(details.map((detail) => detail?.personId)).toEqual(after.map((i) => i.entry.personId));
    await consumer.stop();
  });
});
