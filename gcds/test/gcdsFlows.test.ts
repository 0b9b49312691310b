import type { DataStoreReader, PersonRecord, SyncTask } from '@gcds/shared';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { GCDS_STORE_NAME } from '../src/gcdsService';
import { contact, startPipeline } from '../src/testing';

const adaLocal = contact('l-ada', {
  given: 'Ada',
  family: 'Lovelace',
  tel: [{ value: '(415) 555-0100', type: ['cell'] }],
});
const adaCard = contact('v-ada', {
  given: 'Ada',
  family: 'Lovelace',
  tel: [{ value: '+1 415 555 0100' }],
  email: [{ value: 'ada@example.org' }],
});
const adaFacebook = contact('f-ada', {
  formattedName: 'Lovelace Ada',
  email: [{ value: 'ADA@example.org ' }],
});
const grace = contact('l-grace', { given: 'Grace', family: 'Hopper', tel: [{ value: '4155550111' }] });

async function drain(reader: DataStoreReader<PersonRecord>, from = 0) {
  const tasks: SyncTask<PersonRecord>[] = [];
  for await (const task of reader.sync(from)) tasks.push(task);
  return tasks;
}

describe('GCDS flows from the Gaia seed', () => {
  it('initial population: one record per person, duplicates passively merged with reasons', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    const facebook = await p.install('facebook-sim', 'certified');
    await local.bulk([
      { operation: 'put', id: adaLocal.id, data: adaLocal },
      { operation: 'put', id: grace.id, data: grace },
    ]);
    await vcard.put(adaCard.id, adaCard);
    await facebook.put(adaFacebook.id, adaFacebook);
    expect(await p.groups()).toEqual(['facebook-sim:f-ada + local:l-ada + vcard:v-ada', 'local:l-grace']);
    const ada = (await p.people()).find((person) => person.pointers.length === 3)!;
    expect(ada.pointers.map((pointer) => pointer.provider)).toEqual(['local', 'vcard', 'facebook-sim']);
    const reasonKeys = ada.reasons.flatMap((reason) => reason.keys);
    expect(reasonKeys).toContain('phone:+14155550100');
    expect(reasonKeys).toContain('email:ada@example.org');
  });

  it('picks up a provider installed later without a restart, and splits people back on uninstall', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    await local.put(adaLocal.id, adaLocal);
    expect(await p.groups()).toEqual(['local:l-ada']);
    const [before] = await p.people();

    const vcard = await p.install('vcard', 'privileged');
    await vcard.put(adaCard.id, adaCard);
    expect(await p.groups()).toEqual(['local:l-ada + vcard:v-ada']);
    expect((await p.people())[0]!.id).toBe(before!.id);

    await p.registry.uninstall('vcard');
    await p.gcds.whenIdle();
    expect(await p.groups()).toEqual(['local:l-ada']);
    expect((await p.people())[0]!.id).toBe(before!.id);
  });

  it('local and external edits flow through; an edit that breaks the match splits the person', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(adaLocal.id, adaLocal);
    // The local record founds the person: which source the GCDS sees first decides the id it keeps.
    await p.gcds.whenIdle();
    await vcard.put(adaCard.id, adaCard);
    const [merged] = await p.people();
    const revisionBefore = merged!.pointers.find((pointer) => pointer.provider === 'vcard')!.revision;

    await vcard.put(adaCard.id, { ...adaCard, note: 'edited on the card' });
    const [edited] = await p.people();
    expect(edited!.id).toBe(merged!.id);
    expect(edited!.pointers.find((pointer) => pointer.provider === 'vcard')!.revision).toBeGreaterThan(
      revisionBefore,
    );

    await local.put(adaLocal.id, { ...adaLocal, tel: [{ value: '+1 415 555 0199' }] });
    expect(await p.groups()).toEqual(['local:l-ada', 'vcard:v-ada']);
    await local.put(adaLocal.id, adaLocal);
    expect(await p.groups()).toEqual(['local:l-ada + vcard:v-ada']);
    expect((await p.people())[0]!.id).toBe(merged!.id);
  });

  it('publishes its own revisioned store: consumers sync people, and a privileged reader never sees facebook', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const facebook = await p.install('facebook-sim', 'certified');
    await local.put(grace.id, grace);
    await facebook.put(adaFacebook.id, adaFacebook);
    await p.gcds.whenIdle();
    const dialer = await p.platform.openStore<PersonRecord>(
      p.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
      GCDS_STORE_NAME,
      'gcds',
    );
    const tasks = await drain(dialer);
    expect(tasks.filter((task) => task.operation === 'add')).toHaveLength(1);
    expect(JSON.stringify(tasks)).not.toContain('facebook');
  });

  it('coalesces a burst of provider writes into a handful of GCDS transactions', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    await p.gcds.whenIdle();
    let transactions = 0;
    const subscription = p.gcds.status$.subscribe((status) => {
      transactions = status.transactions;
    });
    const start = transactions;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        local.put(
          `c${i}`,
          contact(`c${i}`, {
            given: `Person ${i}`,
            tel: [{ value: `+1415555${String(i).padStart(4, '0')}` }],
          }),
        ),
      ),
    );
    await p.gcds.whenIdle();
    subscription.unsubscribe();
    expect((await p.people()).length).toBe(300);
    expect(transactions - start).toBeLessThanOrEqual(5);
  });
});

describe('manual merge and unmerge (the seed edge cases)', () => {
  async function threeSources() {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    const facebook = await p.install('facebook-sim', 'certified');
    // Nothing in common: only the user can join these.
    await local.put(
      'l1',
      contact('l1', { given: 'Bob', family: 'Stone', tel: [{ value: '+1 212 555 0101' }] }),
    );
    await vcard.put(
      'v1',
      contact('v1', { given: 'Robert', family: 'Stone', email: [{ value: 'rs@work.com' }] }),
    );
    await facebook.put('f1', contact('f1', { formattedName: 'Bobby Stone' }));
    return { p, local, vcard, facebook };
  }

  async function personOf(p: Awaited<ReturnType<typeof startPipeline>>, provider: string, contactId: string) {
    await p.gcds.whenIdle();
    return (await p.gcds.personOf({ provider, contactId }))!;
  }

  it('merges 3 (local + read-only + read-write), then unmerges back to exactly the original people', async () => {
    const { p } = await threeSources();
    const before = (await p.people()).map((person) => person.id).sort();
    const ids = await Promise.all([
      personOf(p, 'local', 'l1'),
      personOf(p, 'vcard', 'v1'),
      personOf(p, 'facebook-sim', 'f1'),
    ]);
    const merged = await p.gcds.merge(ids);
    expect(await p.groups()).toEqual(['facebook-sim:f1 + local:l1 + vcard:v1']);
    expect(ids).toContain(merged);
    const person = await p.gcds.getPerson(merged);
    expect(person!.reasons.every((reason) => reason.kind === 'user')).toBe(true);

    const split = await p.gcds.unmerge(merged);
    expect(split).toHaveLength(3);
    expect((await p.people()).map((x) => x.id).sort()).toEqual(before);
    expect(await p.groups()).toEqual(['facebook-sim:f1', 'local:l1', 'vcard:v1']);
  });

  it('a merge that did not commit leaves no decision behind for the next regroup', async () => {
    let killMerge = true;
    const p = await startPipeline({
      beforeCommit: (label) => {
        if (label === 'merge' && killMerge) throw new Error('killed before committing the merge');
      },
    });
    const local = await p.install('local', 'privileged');
    await local.bulk([
      { operation: 'put', id: 'l1', data: contact('l1', { given: 'Ada', family: 'Lovelace' }) },
      { operation: 'put', id: 'l2', data: contact('l2', { given: 'Grace', family: 'Hopper' }) },
    ]);
    // A regroup first, so the decisions are kept in memory from then on.
    await local.put(
      'l1',
      contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+14155550100' }] }),
    );
    await p.gcds.whenIdle();
    const ids = await Promise.all([personOf(p, 'local', 'l1'), personOf(p, 'local', 'l2')]);
    await expect(p.gcds.merge(ids)).rejects.toThrow(/killed/);
    killMerge = false;
    await local.put(
      'l2',
      contact('l2', { given: 'Grace', family: 'Hopper', tel: [{ value: '+14155550199' }] }),
    );
    expect(await p.groups()).toEqual(['local:l1', 'local:l2']);
  });

  it('merges an already merged person with another, and two merged people together', async () => {
    const { p, local } = await threeSources();
    await local.put('l2', contact('l2', { given: 'Bob', family: 'Stone Jr' }));
    const a = await p.gcds.merge([await personOf(p, 'local', 'l1'), await personOf(p, 'vcard', 'v1')]);
    const b = await p.gcds.merge([await personOf(p, 'facebook-sim', 'f1'), await personOf(p, 'local', 'l2')]);
    expect(await p.groups()).toEqual(['facebook-sim:f1 + local:l2', 'local:l1 + vcard:v1']);
    await p.gcds.merge([a, b]);
    expect(await p.groups()).toEqual(['facebook-sim:f1 + local:l1 + local:l2 + vcard:v1']);
  });

  it('merges many suggested pairs in one transaction, pairs sharing a person making one, stale pairs skipped', async () => {
    const { p, local } = await threeSources();
    await local.put(
      'l2',
      contact('l2', { given: 'Rob', family: 'Stone', tel: [{ value: '+1 646 555 0199' }] }),
    );
    await local.put(
      'l3',
      contact('l3', { given: 'Grace', family: 'Hopper', tel: [{ value: '+1 202 555 0143' }] }),
    );
    await local.put(
      'l4',
      contact('l4', { given: 'Grace B.', family: 'Hopper', email: [{ value: 'gh@navy.mil' }] }),
    );
    const [l1, v1, f1, l2, l3, l4] = await Promise.all([
      personOf(p, 'local', 'l1'),
      personOf(p, 'vcard', 'v1'),
      personOf(p, 'facebook-sim', 'f1'),
      personOf(p, 'local', 'l2'),
      personOf(p, 'local', 'l3'),
      personOf(p, 'local', 'l4'),
    ]);
    let events = 0;
    p.gcds.store.changes$.subscribe(() => {
      events += 1;
    });
    const transactions = (await firstValueFrom(p.gcds.status$)).transactions;
    const merged = await p.gcds.mergeMany([
      [l1!, v1!],
      [v1!, f1!],
      [l3!, l4!],
      [l2!, 'a person merged away long ago'],
    ]);
    expect(merged).toBe(3);
    expect(await p.groups()).toEqual([
      'facebook-sim:f1 + local:l1 + vcard:v1',
      'local:l2',
      'local:l3 + local:l4',
    ]);
    expect((await firstValueFrom(p.gcds.status$)).transactions).toBe(transactions + 1);
    expect(events).toBe(1);
  });

  it('unmerges into chosen groups, and the user decision survives re-sync, edits and a provider reinstall', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    let vcard = await p.install('vcard', 'privileged');
    await local.put(adaLocal.id, adaLocal);
    await vcard.put(adaCard.id, adaCard);
    const [merged] = await p.people();
    await p.gcds.unmerge(merged!.id, [
      [{ provider: 'local', contactId: 'l-ada' }],
      [{ provider: 'vcard', contactId: 'v-ada' }],
    ]);
    expect(await p.groups()).toEqual(['local:l-ada', 'vcard:v-ada']);

    await vcard.put(adaCard.id, { ...adaCard, note: 'edited' });
    await p.gcds.syncNow();
    expect(await p.groups()).toEqual(['local:l-ada', 'vcard:v-ada']);

    await p.registry.uninstall('vcard');
    vcard = await p.install('vcard', 'privileged');
    await vcard.put(adaCard.id, adaCard);
    expect(await p.groups()).toEqual(['local:l-ada', 'vcard:v-ada']);

    await p.restartGcds();
    await p.gcds.syncNow();
    expect(await p.groups()).toEqual(['local:l-ada', 'vcard:v-ada']);
  });

  it('deleting the local half of a merged (local + read-only) person leaves the read-only half as the same person', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const facebook = await p.install('facebook-sim', 'certified');
    await local.put(
      'l',
      contact('l', { given: 'Ada', family: 'Lovelace', email: [{ value: 'ada@example.org' }] }),
    );
    await facebook.put(
      'f',
      contact('f', { given: 'Ada', family: 'Lovelace', email: [{ value: 'ada@example.org' }] }),
    );
    const [merged] = await p.people();
    expect(merged!.pointers).toHaveLength(2);
    await local.remove('l');
    const people = await p.people();
    expect(people.map((person) => person.pointers.map((pointer) => pointer.provider))).toEqual([
      ['facebook-sim'],
    ]);
  });

  it('suggests look-alikes with reasons, and remembers a dismissal', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(
      'l',
      contact('l', { given: 'Jon', family: 'Smith', tel: [{ value: '+1 415 555 0150', type: ['work'] }] }),
    );
    await vcard.put(
      'v',
      contact('v', { given: 'Jon', family: 'Smith', tel: [{ value: '+1 415 555 0150', type: ['work'] }] }),
    );
    const mine = await personOf(p, 'local', 'l');
    const theirs = await personOf(p, 'vcard', 'v');
    expect(mine).not.toBe(theirs);
    const suggestions = await p.gcds.suggestDuplicates(mine);
    expect(suggestions).toEqual([
      // The name reason is the shared name key, nicknames canonicalised: Jon reads as John first.
      { personId: theirs, score: 80, reasons: ['name:john smith', 'phone:+14155550150'] },
    ]);
    await p.gcds.dismissSuggestion(mine, theirs);
    expect(await p.gcds.suggestDuplicates(mine)).toEqual([]);
  });
});

describe('crash safety', () => {
  it('a kill before any commit of a sync loses and doubles nothing once restarted', async () => {
    let armed = true;
    const p = await startPipeline({
      beforeCommit: (label) => {
        if (armed && label.startsWith('sync:')) throw new Error('killed');
      },
    });
    const local = await p.install('local', 'privileged');
    await local.bulk([
      { operation: 'put', id: adaLocal.id, data: adaLocal },
      { operation: 'put', id: grace.id, data: grace },
    ]);
    await p.gcds.whenIdle();
    expect(await p.gcds.personIds()).toEqual([]);
    armed = false;
    await p.restartGcds();
    expect(await p.groups()).toEqual(['local:l-ada', 'local:l-grace']);
    await p.restartGcds();
    expect(await p.groups()).toEqual(['local:l-ada', 'local:l-grace']);
  });

  it('forgets a provider uninstalled while the GCDS was not running', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(grace.id, grace);
    await vcard.put(adaCard.id, adaCard);
    expect(await p.groups()).toEqual(['local:l-grace', 'vcard:v-ada']);
    await p.gcds.stop();
    await p.registry.uninstall('vcard');
    await p.restartGcds();
    expect(await p.groups()).toEqual(['local:l-grace']);
  });
});
