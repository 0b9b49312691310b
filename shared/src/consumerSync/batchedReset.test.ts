import { describe, expect, it } from 'vitest';
import { contact, type Harness, snapshot, startConsumer, startHarness } from '../testing';
import type { ConsumerSync } from './consumerSyncTypes';

class Killed extends Error {}

/** Twelve people in the GCDS, each pointing to one local record (`keep` filters who is written). */
async function seedTwelve(h: Harness, keep: (i: number) => boolean = () => true, clear = false) {
  const local = h.providers.get('local')?.store ?? (await h.install('local', 'privileged'));
  const ids = Array.from({ length: 12 }, (_, i) => i).filter(keep);
  await local.bulk(
    ids.map((i) => ({
      operation: 'put' as const,
      id: `l${i}`,
      data: contact(`l${i}`, { given: `Person${i}`, family: 'Test' }),
    })),
  );
  await h.gcds.bulk([
    ...(clear ? [{ operation: 'clear' as const }] : []),
    ...ids.map((i) => ({
      operation: 'put' as const,
      id: `p${String(i).padStart(2, '0')}`,
      data: h.person(`p${String(i).padStart(2, '0')}`, [h.pointer('local', `l${i}`)]),
    })),
  ]);
}

/** People the consumer holds after each of its commits, read once the commit is told. */
function countsAfterCommits(sync: ConsumerSync): number[] {
  const counts: number[] = [];
  sync.changes$.subscribe(() => {
    void sync.db.count('people').then((n) => counts.push(n));
  });
  return counts;
}

describe('a reset commits batch by batch', () => {
  it('a first population is readable after every batch: the first clears the stores, each later one adds', async () => {
    const h = await startHarness();
    await seedTwelve(h);
    const labels: string[] = [];
    const app = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const sync = await startConsumer(h, app, 'batched-first', {
      batchSize: 5,
      beforeCommit: (label) => labels.push(label),
    });
    const counts = countsAfterCommits(sync);
    await sync.whenIdle();
    await sync.db.count('people');
    expect(labels.map((label) => label.split('@')[0])).toEqual(['reset', 'batch', 'batch']);
    expect(counts).toEqual([5, 10, 12]);
  });

  it('a kill after the first batch resumes from its sync point and ends as an uninterrupted sync', async () => {
    const h = await startHarness();
    await seedTwelve(h);
    const app = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    let commits = 0;
    const killed = await startConsumer(h, app, 'batched-kill', {
      batchSize: 5,
      beforeCommit: () => {
        if (++commits >= 2) throw new Killed('killed at the second batch');
      },
    });
    await killed.whenIdle();
    expect(killed.status().lastError?.message).toMatch(/killed/);
    expect(await killed.db.count('people')).toBe(5);
    await killed.stop();
    const resumed = await startConsumer(h, app, 'batched-kill', { batchSize: 5 });
    await resumed.whenIdle();
    const fresh = await startConsumer(h, app, 'batched-fresh');
    await fresh.whenIdle();
    expect(await snapshot(resumed)).toEqual(await snapshot(fresh));
    expect(await resumed.db.count('people')).toBe(12);
  });

  it('a kill in the middle of a replay after a clear starts the replay again: nothing lost, nothing stale', async () => {
    const h = await startHarness();
    await seedTwelve(h);
    const app = h.platform.registerApp({ appId: 'contacts', accessLevel: 'certified' });
    const first = await startConsumer(h, app, 'batched-replay', { batchSize: 5 });
    await first.whenIdle();
    await first.stop();
    // The GCDS starts over without p03 and p07: a clear, then ten people.
    await seedTwelve(h, (i) => i !== 3 && i !== 7, true);
    let commits = 0;
    const killed = await startConsumer(h, app, 'batched-replay', {
      batchSize: 4,
      beforeCommit: () => {
        if (++commits >= 2) throw new Killed('killed mid-replay');
      },
    });
    await killed.whenIdle();
    // The replay's first batch cleared the stores and wrote its four; the rest never committed.
    expect(await killed.db.count('people')).toBe(4);
    await killed.stop();
    const resumed = await startConsumer(h, app, 'batched-replay', { batchSize: 4 });
    await resumed.whenIdle();
    const people = (await snapshot(resumed)).people.map((row) => row.personId);
    expect(people).toHaveLength(10);
    expect(people).not.toContain('p03');
    expect(people).not.toContain('p07');
  });
});
