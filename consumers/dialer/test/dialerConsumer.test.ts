import { contact, startPipeline } from '@gcds/gcds/testing';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createDialerConsumer } from '../src';

async function world(region = 'US') {
  const pipeline = await startPipeline({ region });
  const local = await pipeline.install('local', 'privileged');
  const dialer = await createDialerConsumer({
    platform: pipeline.platform,
    identity: pipeline.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
    region,
    dbName: `dialer-${Math.random()}`,
  });
  const settle = async () => {
    await pipeline.gcds.whenIdle();
    await dialer.syncNow();
  };
  return { pipeline, local, dialer, settle };
}

describe('dialer: suggestions while typing', () => {
  it('finds digits anywhere in any form of a number, prefixes first, one suggestion per number', async () => {
    const { local, dialer, settle } = await world('GB');
    await local.bulk(
      [
        contact('ada', {
          given: 'Ada',
          family: 'Lovelace',
          tel: [{ value: '+44 20 7946 0958', type: ['work'] }],
        }),
        contact('bob', {
          given: 'Bob',
          family: 'Brown',
          tel: [{ value: '07400 120207', type: ['cell'] }, { value: '020 7946 1234' }],
        }),
        contact('cy', { given: 'Cy', tel: [{ value: '+1 415 555 0207' }] }),
      ].map((data) => ({ operation: 'put' as const, id: data.id, data })),
    );
    await settle();
    const shown = async (digits: string, limit?: number) =>
      (await dialer.suggest(digits, limit)).map((s) => `${s.displayName}|${s.matchedTel.value}|${s.match}`);

    expect(await shown('0207')).toEqual([
      'Ada Lovelace|+44 20 7946 0958|prefix',
      'Bob Brown|020 7946 1234|prefix',
      'Bob Brown|07400 120207|infix',
      'Cy|+1 415 555 0207|infix',
    ]);
    expect(await shown('0207', 2)).toEqual([
      'Ada Lovelace|+44 20 7946 0958|prefix',
      'Bob Brown|020 7946 1234|prefix',
    ]);
    expect(await shown('+44 7400')).toEqual(['Bob Brown|07400 120207|prefix']);
    expect(await shown('1415 555 0207')).toEqual(['Cy|+1 415 555 0207|exact']);
    expect(await shown('')).toEqual([]);
    expect(await shown('99999')).toEqual([]);
    await dialer.stop();
  });
});

describe('dialer: suggestions for common digits', () => {
  it('walks people in name order when the digits are everywhere, ranking as for rare digits', async () => {
    const { local, dialer, settle } = await world('US');
    const people = Array.from({ length: 120 }, (_, i) => {
      const n = String(i).padStart(3, '0');
      return contact(`c${n}`, { given: 'Person', family: n, tel: [{ value: `+1 415 555 0${n}` }] });
    });
    people.push(contact('zed', { given: 'Zed', tel: [{ value: '555 0100' }] }));
    people.push(contact('anon', { tel: [{ value: '+1 650 555 0999' }] }));
    await local.bulk(people.map((data) => ({ operation: 'put' as const, id: data.id, data })));
    await settle();
    const shown = async (digits: string, limit: number) =>
      (await dialer.suggest(digits, limit)).map((s) => `${s.displayName}|${s.matchedTel.value}|${s.match}`);

    // Every number holds a 5 several times over: hundreds of index entries.
    expect(await shown('5', 4)).toEqual([
      'Zed|555 0100|prefix',
      'Person 000|+1 415 555 0000|infix',
      'Person 001|+1 415 555 0001|infix',
      'Person 002|+1 415 555 0002|infix',
    ]);
    const all = await shown('5', 200);
    expect(all).toHaveLength(122);
    expect(all.slice(-2)).toEqual(['Person 119|+1 415 555 0119|infix', '|+1 650 555 0999|infix']);
    // Rare digits take the index path and rank the same way.
    expect(await shown('0119', 5)).toEqual(['Person 119|+1 415 555 0119|infix']);
    expect(await shown('6505', 5)).toEqual(['|+1 650 555 0999|prefix']);
    await dialer.stop();
  });
});

describe('dialer: suggestions in memory', () => {
  it('follow an add, an edit that changes a number and a delete, live and asked again', async () => {
    const { local, dialer, settle } = await world('US');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }));
    await settle();
    const shown = async (digits: string) =>
      (await dialer.suggest(digits)).map((s) => `${s.displayName}|${s.matchedTel.value}|${s.match}`);
    // The first suggestion builds the index; every later answer comes from following commits.
    expect(await shown('555')).toEqual(['Ada|+1 415 555 0101|infix']);
    const live = firstValueFrom(dialer.suggest$('4155').pipe(take(4), toArray()));

    await local.put('bob', contact('bob', { given: 'Bob', tel: [{ value: '(415) 555-0199' }] }));
    await settle();
    expect(await shown('555')).toEqual(['Ada|+1 415 555 0101|infix', 'Bob|(415) 555-0199|infix']);
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 212 555 0101' }] }));
    await settle();
    expect(await shown('4155')).toEqual(['Bob|(415) 555-0199|prefix']);
    expect(await shown('2125550101')).toEqual(['Ada|+1 212 555 0101|exact']);
    await local.remove('bob');
    await settle();
    expect(await shown('555')).toEqual(['Ada|+1 212 555 0101|infix']);
    expect(await shown('0199')).toEqual([]);

    expect((await live).map((list) => list.map((s) => s.displayName))).toEqual([
      ['Ada'],
      ['Ada', 'Bob'],
      ['Bob'],
      [],
    ]);
    expect(dialer.dialIndexStats()).toMatchObject({ people: 1, numbers: 1 });
    await dialer.stop();
  });

  it('answers caller ID from a fresh open without loading the dial index', async () => {
    const { pipeline, local, dialer, settle } = await world('US');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '(415) 555-0101' }] }));
    await local.put('sos', contact('sos', { org: 'Emergency', tel: [{ value: '911' }] }));
    await settle();
    await dialer.stop();

    const reopened = await createDialerConsumer({
      platform: pipeline.platform,
      identity: pipeline.platform.registerApp({ appId: 'dialer-again', accessLevel: 'privileged' }),
      region: 'US',
      dbName: dialer.sync.db.name,
    });
    const getAll = vi.spyOn(reopened.sync.db, 'getAll');
    expect((await reopened.lookupNumber('+14155550101')).map((m) => m.displayName)).toEqual(['Ada']);
    expect(
      (await reopened.namesFor(['911', '+1 650 555 0000'])).get('911')?.map((m) => m.displayName),
    ).toEqual(['Emergency']);
    // Candidates by key from IndexedDB: no store read whole, no index built.
    expect(getAll).not.toHaveBeenCalled();
    expect(reopened.dialIndexStats()).toBeUndefined();
    getAll.mockRestore();
    expect((await reopened.suggest('911')).map((s) => s.match)).toEqual(['exact']);
    expect(reopened.dialIndexStats()).toMatchObject({ people: 2 });
    await reopened.stop();
  });
});

describe('dialer: names for a call log', () => {
  it('answers every number of a log from one read, best match first, nothing for strangers', async () => {
    const { local, dialer, settle } = await world('US');
    await local.put(
      'ada',
      contact('ada', { given: 'Ada', tel: [{ value: '(415) 555-0101', label: 'Lab' }] }),
    );
    await local.put('eve', contact('eve', { given: 'Eve', tel: [{ value: '555 0101' }] }));
    await local.put('sos', contact('sos', { org: 'Emergency', tel: [{ value: '911' }] }));
    await settle();
    const transaction = vi.spyOn(dialer.sync.db, 'transaction');
    const names = await dialer.namesFor([
      '+14155550101',
      '911',
      '+1 650 555 0000',
      '+14155550101',
      'garbage',
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(
      Object.fromEntries([...names].map(([number, matches]) => [number, matches.map((m) => m.displayName)])),
    ).toEqual({
      '+14155550101': ['Ada', 'Eve'],
      '911': ['Emergency'],
      '+1 650 555 0000': [],
      garbage: [],
    });
    expect(names.get('+14155550101')?.[0]?.matchedTel).toEqual({
      value: '(415) 555-0101',
      e164: '+14155550101',
      label: 'Lab',
    });
    expect(await dialer.namesFor([])).toEqual(new Map());
    await dialer.stop();
  });
});

describe('dialer: live queries', () => {
  it('re-emits caller ID and suggestions when the store changes, and only when the answer changes', async () => {
    const { local, dialer, settle } = await world('US');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }));
    await settle();
    const lookups = firstValueFrom(dialer.lookup$('(415) 555-0101').pipe(take(3), toArray()));
    const suggestions = firstValueFrom(dialer.suggest$('555').pipe(take(2), toArray()));
    await firstValueFrom(dialer.lookup$('(415) 555-0101'));

    // Unrelated to that number: the suggestion list changes, the caller ID does not re-emit.
    await local.put('bob', contact('bob', { given: 'Bob', tel: [{ value: '+1 212 555 0199' }] }));
    await settle();
    await local.put(
      'ada',
      contact('ada', { given: 'Ada', family: 'King', tel: [{ value: '+1 415 555 0101' }] }),
    );
    await settle();
    await local.remove('ada');
    await settle();

    expect((await lookups).map((matches) => matches.map((m) => m.displayName))).toEqual([
      ['Ada'],
      ['Ada King'],
      [],
    ]);
    expect((await suggestions).map((list) => list.map((s) => s.displayName))).toEqual([
      ['Ada'],
      ['Ada', 'Bob'],
    ]);
    await dialer.stop();
  });

  it('reports its status: revision, wake-ups and commits', async () => {
    const { pipeline, local, dialer, settle } = await world('US');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }));
    await settle();
    const status = await firstValueFrom(dialer.status$.pipe(filter((s) => !s.syncing)));
    expect(status.revision).toBe((await firstValueFrom(pipeline.gcds.status$)).revision);
    expect(status.revision).toBeGreaterThan(0);
    expect(status.commits).toBeGreaterThanOrEqual(1);
    expect(status.wakeups).toBeGreaterThanOrEqual(1);
    expect(dialer.status()).toEqual(status);
    expect(status.lastError).toBeUndefined();
    await dialer.stop();
  });
});

describe('dialer: bad input', () => {
  it('refuses what is not a number, digits or a limit, with clear errors, and keeps working', async () => {
    const { local, dialer, settle } = await world('US');
    await local.put('ada', contact('ada', { given: 'Ada', tel: [{ value: '+1 415 555 0101' }] }));
    await settle();
    await expect(dialer.lookupNumber(42 as never)).rejects.toThrow(TypeError);
    await expect(dialer.suggest('abc')).rejects.toThrow(/keypad/);
    await expect(dialer.suggest('555', 0)).rejects.toThrow(/positive whole/);
    await expect(dialer.namesFor('555' as never)).rejects.toThrow(/array/);
    await expect(dialer.namesFor([null as never])).rejects.toThrow(TypeError);
    expect(() => dialer.lookup$(undefined as never)).toThrow(TypeError);
    expect(() => dialer.suggest$('12', -1)).toThrow(/positive whole/);
    expect(await dialer.lookupNumber('')).toEqual([]);
    expect(await dialer.lookupNumber('call me')).toEqual([]);
    expect((await dialer.lookupNumber('+1 415 555 0101')).map((m) => m.displayName)).toEqual(['Ada']);
    await dialer.stop();
  });

  it('refuses a region it does not know', async () => {
    const { pipeline } = await world('US');
    await expect(
      createDialerConsumer({
        platform: pipeline.platform,
        identity: pipeline.platform.registerApp({ appId: 'dialer-2', accessLevel: 'privileged' }),
        region: 'Atlantis',
      }),
    ).rejects.toThrow(/region/);
  });
});
