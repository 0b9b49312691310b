import { contact, type Pipeline, startPipeline } from '@gcds/gcds/testing';
import type { Contact, DataStoreOwner } from '@gcds/shared';
import { type Harness, startHarness } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  createMessagingConsumer,
  type MessagingConsumer,
  type MessagingConsumerOptions,
  type RecipientRow,
} from '../src';

class Killed extends Error {}

const ADDRESSES = [
  '+1 415 555 0101',
  '+1 415 555 0102',
  'cy@example.org',
  'dee@work.example',
  '+1 650 555 0104',
];

function messagingOn(
  platform: Pipeline['platform'],
  dbName: string,
  options: Partial<MessagingConsumerOptions> = {},
): Promise<MessagingConsumer> {
  return createMessagingConsumer({
    platform,
    identity: platform.registerApp({ appId: `messaging-${Math.random()}`, accessLevel: 'privileged' }),
    region: 'US',
    dbName,
    ...options,
  });
}

/** Rows and thread names without the GCDS's random person ids, so two worlds compare. */
async function state(messaging: MessagingConsumer) {
  const rows = (await messaging.sync.db.getAll('recipients')) as RecipientRow[];
  const names = await messaging.displayNamesFor(ADDRESSES);
  return {
    rows: rows
      .map((row) => `${row.displayName}: ${[...row.phones, ...row.emails].map((a) => a.value).join(', ')}`)
      .sort(),
    names: ADDRESSES.map((address) => `${address} → ${names.get(address)?.displayName ?? '-'}`),
  };
}

function putAll(store: DataStoreOwner<Contact>, contacts: Contact[]) {
  return store.bulk(contacts.map((data) => ({ operation: 'put' as const, id: data.id, data })));
}

/** Providers write through a day; `step` lets the Messages app sync (or die) after each part. */
async function day(pipeline: Pipeline, step: () => Promise<void>) {
  const local = await pipeline.install('local', 'privileged');
  await putAll(local, [
    contact('a', { given: 'Ann', tel: [{ value: ADDRESSES[0]! }] }),
    contact('b', { given: 'Ben', tel: [{ value: ADDRESSES[1]! }] }),
    contact('c', { given: 'Cy', email: [{ value: ADDRESSES[2]! }] }),
    contact('d', { given: 'Dee', email: [{ value: 'dee@home.example' }] }),
    contact('n', { given: 'Nobody', note: 'no address' }),
  ]);
  await pipeline.gcds.whenIdle();
  await step();
  const vcard = await pipeline.install('vcard', 'privileged');
  await putAll(vcard, [
    contact('v1', { given: 'Cy', tel: [{ value: '(650) 555-0104' }], email: [{ value: 'CY@example.org' }] }),
    contact('v2', { given: 'Eve', email: [{ value: 'eve@example.org' }] }),
  ]);
  await local.put('d', contact('d', { given: 'Dee', family: 'Renamed', email: [{ value: ADDRESSES[3]! }] }));
  await local.remove('b');
  await pipeline.gcds.whenIdle();
  await step();
  const facebook = await pipeline.install('facebook-sim', 'certified');
  await putAll(facebook, [
    contact('f1', { given: 'Ann', tel: [{ value: ADDRESSES[0]! }], email: [{ value: 'ann@fb' }] }),
  ]);
  await pipeline.gcds.whenIdle();
  await step();
  await pipeline.registry.uninstall('vcard');
  await pipeline.gcds.whenIdle();
  await step();
}

describe('messaging: exactly once under crash injection', () => {
  it('converges to the uncrashed result wherever it is killed', async () => {
    const reference = await startPipeline({ region: 'US' });
    let commits = 0;
    const ref = await messagingOn(reference.platform, 'ref', {
      batchSize: 2,
      beforeCommit: () => (commits += 1),
    });
    await day(reference, () => ref.syncNow());
    await reference.gcds.whenIdle();
    await ref.syncNow();
    const expected = await state(ref);
    await ref.stop();
    expect(expected).toEqual({
      rows: ['Ann: +1 415 555 0101', 'Cy: cy@example.org', 'Dee Renamed: dee@work.example'],
      names: [
        '+1 415 555 0101 → Ann',
        '+1 415 555 0102 → -',
        'cy@example.org → Cy',
        'dee@work.example → Dee Renamed',
        '+1 650 555 0104 → -',
      ],
    });
    expect(commits).toBeGreaterThanOrEqual(5);

    for (let crashAt = 1; crashAt <= commits; crashAt += 1) {
      const pipeline = await startPipeline({ region: 'US' });
      let seen = 0;
      const doomed = await messagingOn(pipeline.platform, 'doomed', {
        batchSize: 2,
        beforeCommit: (label) => {
          seen += 1;
          if (seen >= crashAt) throw new Killed(label);
        },
      });
      await day(pipeline, async () => {
        await doomed.syncNow().catch((error: unknown) => {
          if (!(error instanceof Killed)) throw error;
        });
      });
      await doomed.stop();
      const restarted = await messagingOn(pipeline.platform, 'doomed', { batchSize: 2 });
      await pipeline.gcds.whenIdle();
      await restarted.syncNow();
      expect({ crashAt, seen: seen >= crashAt, state: await state(restarted) }).toEqual({
        crashAt,
        seen: true,
        state: expected,
      });
      await restarted.stop();
      await pipeline.gcds.stop();
    }
  }, 60_000);
});

describe('messaging: flows from a provider write to the To: field', () => {
  it('offers a contact as soon as its provider writes it, and names its thread', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    const messaging = await messagingOn(pipeline.platform, 'write');
    expect(await messaging.searchRecipients('zo')).toEqual([]);
    await local.put('z', contact('z', { given: 'Zoë', tel: [{ value: '+1 415 555 0199', type: ['cell'] }] }));
    await pipeline.gcds.whenIdle();
    await messaging.syncNow();
    expect((await messaging.searchRecipients('zo')).map((s) => s.address.value)).toEqual(['+1 415 555 0199']);
    expect((await messaging.displayNameFor('4155550199'))?.displayName).toBe('Zoë');
    await messaging.stop();
    await pipeline.gcds.stop();
  });

  /** A GCDS store the test writes: pointers that run ahead of (or behind) the providers. */
  async function handWorld(): Promise<{
    h: Harness;
    local: DataStoreOwner<Contact>;
    vcard: DataStoreOwner<Contact>;
  }> {
    const h = await startHarness();
    const local = await h.install('local', 'privileged');
    const vcard = await h.install('vcard', 'privileged');
    return { h, local, vcard };
  }

  it('skips a primary pointer whose record vanished, then converges when the GCDS catches up', async () => {
    const { h, local, vcard } = await handWorld();
    await local.put('l1', { id: 'l1', given: 'Ada', email: [{ value: 'ada@local.example' }] });
    await vcard.put('v1', { id: 'v1', given: 'Ada', family: 'Card', email: [{ value: 'ada@card.example' }] });
    await h.gcds.put('p1', h.person('p1', [h.pointer('vcard', 'v1'), h.pointer('local', 'l1')]));
    await h.gcds.put('p2', h.person('p2', [h.pointer('vcard', 'v2')]));
    await vcard.remove('v1');
    const messaging = await messagingOn(h.platform, 'vanished');
    await messaging.syncNow();
    expect(
      (await messaging.searchRecipients('ada')).map((s) => `${s.displayName}|${s.address.value}`),
    ).toEqual(['Ada|ada@local.example']);
    expect(await messaging.displayNameFor('ada@card.example')).toBeUndefined();
    expect(await messaging.sync.db.getAllKeys('recipients')).toEqual(['p1']);
    expect(messaging.status().lastError).toBeUndefined();

    await vcard.put('v2', { id: 'v2', given: 'Late', email: [{ value: 'late@card.example' }] });
    await h.gcds.bulk([
      { operation: 'put', id: 'p1', data: h.person('p1', [h.pointer('local', 'l1')]) },
      { operation: 'put', id: 'p2', data: h.person('p2', [h.pointer('vcard', 'v2', 2)]) },
    ]);
    await messaging.syncNow();
    expect((await messaging.displayNameFor('late@card.example'))?.displayName).toBe('Late');
    expect(await messaging.sync.db.getAllKeys('recipients')).toEqual(['p1', 'p2']);
    await messaging.stop();
  });

  it('converges when a provider is uninstalled while its people are being synced', async () => {
    const { h, local, vcard } = await handWorld();
    let armed = false;
    let uninstalling: Promise<void> | undefined;
    const afterArming: string[] = [];
    const messaging = await messagingOn(h.platform, 'uninstall', {
      batchSize: 2,
      beforeCommit: (label) => {
        if (!armed) return;
        afterArming.push(label);
        // At the first batch's commit: the batches after it read a provider that is going away.
        uninstalling ??= h.uninstall('vcard');
      },
    });
    await messaging.syncNow();
    const people = [0, 1, 2, 3, 4, 5].map((i) => `p${i}`);
    const pointers = people.map((_, i) => {
      const [store, provider] = i % 2 === 0 ? [local, 'local'] : [vcard, 'vcard'];
      return { store, pointer: h.pointer(provider, `c${i}`), given: `${provider}${i}` };
    });
    for (const [i, { store, given }] of pointers.entries()) {
      await store.put(`c${i}`, { id: `c${i}`, given, tel: [{ value: `+1 650 555 010${i}` }] });
    }
    // One GCDS write, so the whole change is one incremental sync of three batches.
    await h.gcds.bulk(
      people.map((id, i) => ({ operation: 'put' as const, id, data: h.person(id, [pointers[i]!.pointer]) })),
    );
    armed = true;
    await messaging.syncNow();
    await uninstalling;
    // Three batches of two: the uninstall began at the first commit, with two batches still to read.
    expect(afterArming).toHaveLength(3);
    expect(messaging.status().lastError).toBeUndefined();
    // The GCDS learns of the uninstall and drops the people it pointed at.
    await h.gcds.bulk(
      people.filter((_, i) => i % 2 === 1).map((id) => ({ operation: 'remove' as const, id })),
    );
    await messaging.syncNow();
    expect((await state(messaging)).rows).toEqual([
      'local0: +1 650 555 0100',
      'local2: +1 650 555 0102',
      'local4: +1 650 555 0104',
    ]);
    expect((await messaging.searchRecipients('650')).map((s) => s.displayName)).toEqual([
      'local0',
      'local2',
      'local4',
    ]);
    await messaging.stop();
  });

  it('applies a GCDS reset (a clear task and its replay) in one transaction', async () => {
    const { h, local } = await handWorld();
    await local.put('l1', { id: 'l1', given: 'Ada', tel: [{ value: '+1 415 555 0101' }] });
    await local.put('l2', { id: 'l2', given: 'Bob', tel: [{ value: '+1 415 555 0102' }] });
    await h.gcds.put('p1', h.person('p1', [h.pointer('local', 'l1')]));
    await h.gcds.put('p2', h.person('p2', [h.pointer('local', 'l2')]));
    const labels: string[] = [];
    const messaging = await messagingOn(h.platform, 'reset', { beforeCommit: (label) => labels.push(label) });
    await messaging.syncNow();
    labels.length = 0;
    await h.gcds.bulk([
      { operation: 'clear' },
      {
        operation: 'put',
        id: 'q1',
        data: h.person('q1', [h.pointer('local', 'l1'), h.pointer('local', 'l2')]),
      },
    ]);
    await messaging.syncNow();
    expect(labels).toEqual([`reset@${await h.gcds.getRevision()}`]);
    expect(await messaging.sync.db.getAllKeys('recipients')).toEqual(['q1']);
    expect((await messaging.displayNameFor('+1 415 555 0102'))?.displayName).toBe('Ada');
    await messaging.stop();
  });
});
