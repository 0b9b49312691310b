import type { Contact, DataStoreOwner } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import type { GcdsOptions } from '../src/gcdsService';
import { contact, type Pipeline, startPipeline } from '../src/testing';

class Killed extends Error {}

/**
 * Fourteen cards of one export: Ada twice (first and last: the same mobile and email, so one person),
 * Grace twice in the middle, and ten people of their own.
 */
function oneExport(): Contact[] {
  const ada = (id: string) =>
    contact(id, {
      given: 'Ada',
      family: 'Lovelace',
      tel: [{ value: '+1 415 555 0100', type: ['cell'] }],
      email: [{ value: 'ada@example.org' }],
    });
  const grace = (id: string, tel: string) =>
    contact(id, {
      given: 'Grace',
      family: 'Hopper',
      tel: [{ value: tel }],
      email: [{ value: 'grace@navy.mil' }],
    });
  const others = Array.from({ length: 10 }, (_, i) =>
    contact(`p${i}`, { given: `Person${i}`, family: `Family${i}`, tel: [{ value: `+1 415 555 02${i}0` }] }),
  );
  return [
    ada('a-first'),
    ...others.slice(0, 5),
    grace('g1', '+1 212 555 0101'),
    grace('g2', '(212) 555-0101'),
    ...others.slice(5),
    ada('a-last'),
  ];
}

async function importInOneWrite(p: Pipeline, cards: readonly Contact[]): Promise<DataStoreOwner<Contact>> {
  const local = await p.install('local', 'privileged');
  await local.bulk(cards.map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
  await p.gcds.whenIdle();
  return local;
}

async function pipelineWith(options: Partial<GcdsOptions>) {
  const labels: string[] = [];
  let events = 0;
  const p = await startPipeline({
    ...options,
    beforeCommit: (label) => {
      labels.push(label);
      options.beforeCommit?.(label);
    },
  });
  p.gcds.store.changes$.subscribe(() => {
    events += 1;
  });
  return { p, labels, events: () => events };
}

describe('the GCDS ingests a provider in pages', () => {
  it('commits a first population page by page, growing pages, each page one change event', async () => {
    const { p, labels, events } = await pipelineWith({ ingestPaging: { first: 2, max: 4 } });
    await importInOneWrite(p, oneExport());
    // 14 records: pages of 2, 4, 4 and the last 4.
    expect(labels.filter((label) => label === 'sync:local')).toHaveLength(4);
    expect(events()).toBe(4);
    expect((await p.people()).length).toBe(12);
  });

  it('starts small too for a provider synced while it was empty, and only then', async () => {
    const { p, labels } = await pipelineWith({ ingestPaging: { first: 2, max: 8 } });
    const local = await p.install('local', 'privileged');
    await p.gcds.whenIdle();
    const pages = () => labels.filter((label) => label === 'sync:local').length;
    // An empty provider costs no transaction: one for its cursor alone would queue before the first
    // people of the others.
    expect(pages()).toBe(0);
    await local.bulk(oneExport().map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
    await p.gcds.whenIdle();
    // 14 records: pages of 2, 4 and 8, as for a provider the GCDS had never seen.
    expect(pages()).toBe(3);
    // Later changes go in pages of the largest size: 8 and 6.
    await local.bulk(oneExport().map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
    await p.gcds.whenIdle();
    expect(pages()).toBe(5);
  });

  it('takes waiting providers in rounds, the one the most apps may read first', async () => {
    const { p, labels } = await pipelineWith({ ingestPaging: { first: 2, max: 2 } });
    await p.gcds.stop();
    // The certified-only store is installed and written first: in arrival order its first page would be
    // the first people, whom no privileged app can show.
    const cards = oneExport().slice(1, 7);
    for (const [id, level] of [
      ['a-social', 'certified'],
      ['local', 'privileged'],
    ] as const) {
      const store = await p.install(id, level);
      await store.bulk(cards.map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
    }
    labels.length = 0;
    await p.restartGcds({ beforeCommit: (label) => labels.push(label) });
    await p.gcds.whenIdle();
    const syncs = labels.filter((label) => label.startsWith('sync:'));
    expect(syncs).toEqual([
      'sync:local',
      'sync:a-social',
      'sync:local',
      'sync:a-social',
      'sync:local',
      'sync:a-social',
    ]);
  });

  it('an idle GCDS woken by the certified-only store takes a wider store that changes just after first', async () => {
    const { p, labels } = await pipelineWith({ ingestPaging: { first: 2, max: 2 } });
    const social = await p.install('a-social', 'certified');
    const local = await p.install('local', 'privileged');
    await p.gcds.whenIdle();
    labels.length = 0;
    // One import writing both: the certified-only store commits first, the other a moment later.
    const cards = oneExport().slice(1, 5);
    await social.bulk(cards.map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
    await local.bulk(cards.map((card) => ({ operation: 'put' as const, id: card.id, data: card })));
    await p.gcds.whenIdle();
    expect(labels.filter((label) => label.startsWith('sync:'))[0]).toBe('sync:local');
    expect((await p.people()).length).toBe(4);
  });

  it('merges duplicates that arrive in different pages exactly as one transaction does', async () => {
    const whole = await pipelineWith({ ingestPaging: { first: 1_000, max: 1_000 } });
    await importInOneWrite(whole.p, oneExport());
    const paged = await pipelineWith({ ingestPaging: { first: 1, max: 1 } });
    await importInOneWrite(paged.p, oneExport());
    expect(whole.labels.filter((label) => label === 'sync:local')).toHaveLength(1);
    expect(paged.labels.filter((label) => label === 'sync:local')).toHaveLength(14);
    const groups = await paged.p.groups();
    expect(groups).toEqual(await whole.p.groups());
    expect(groups).toContain('local:a-first + local:a-last');
    expect(groups).toContain('local:g1 + local:g2');
    const ada = (await paged.p.people()).find((person) =>
      person.pointers.some((pointer) => pointer.contactId === 'a-last'),
    );
    expect(ada?.reasons.flatMap((reason) => reason.keys)).toContain('phone:+14155550100');
  });

  it('keeps the pages committed before a kill, and a restart ends where an uninterrupted run does', async () => {
    let commits = 0;
    const { p } = await pipelineWith({
      ingestPaging: { first: 2, max: 4 },
      beforeCommit: (label) => {
        // Dead from the second page on: nothing more commits until the restart.
        if (label === 'sync:local' && ++commits >= 2) throw new Killed('killed at the second page');
      },
    });
    await importInOneWrite(p, oneExport());
    // The first page (two records of two people) is there and readable; the second never committed.
    expect((await p.gcds.personIds()).length).toBe(2);
    await p.restartGcds({ beforeCommit: () => undefined });
    const uninterrupted = await pipelineWith({});
    await importInOneWrite(uninterrupted.p, oneExport());
    expect(await p.groups()).toEqual(await uninterrupted.p.groups());
  });

  it('pages a replay after a clear: what it brings replaces the sources, what it does not goes at the end', async () => {
    const { p, labels } = await pipelineWith({ ingestPaging: { first: 2, max: 2 } });
    const local = await importInOneWrite(p, oneExport());
    labels.length = 0;
    await local.bulk([
      { operation: 'clear' },
      ...oneExport()
        .filter((card) => card.id !== 'g2' && card.id !== 'p3')
        .map((card) => ({ operation: 'put' as const, id: card.id, data: card })),
    ]);
    await p.gcds.whenIdle();
    expect(labels.filter((label) => label === 'sync:local').length).toBeGreaterThan(1);
    const groups = await p.groups();
    expect(groups).toContain('local:a-first + local:a-last');
    expect(groups).toContain('local:g1');
    expect(groups.join(' ')).not.toMatch(/local:(g2|p3)\b/);
    expect(groups).toHaveLength(11);
  });

  it('a kill in the middle of a replay replays it again from the start, losing and doubling nothing', async () => {
    let armed = false;
    let commits = 0;
    const { p } = await pipelineWith({
      ingestPaging: { first: 2, max: 2 },
      beforeCommit: (label) => {
        if (armed && label === 'sync:local' && ++commits === 3) throw new Killed('killed mid-replay');
      },
    });
    const local = await importInOneWrite(p, oneExport());
    armed = true;
    await local.bulk([
      { operation: 'clear' },
      ...oneExport()
        .filter((card) => card.id !== 'p0')
        .map((card) => ({ operation: 'put' as const, id: card.id, data: card })),
    ]);
    await p.gcds.whenIdle();
    await p.restartGcds({ beforeCommit: () => undefined });
    const groups = await p.groups();
    expect(groups).toHaveLength(11);
    expect(groups.join(' ')).not.toMatch(/local:p0\b/);
    expect(new Set(groups.flatMap((group) => group.split(' + '))).size).toBe(13);
  });
});
