import type { Contact } from '@gcds/shared';
import type { Subscription } from 'rxjs';
import { BENCH_PROVIDERS, type BenchDataset, type BenchProviderId } from '../dataset';
import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';
import { quantile } from '../stats';

export type ChangeKind = 'edit' | 'add' | 'delete';

/**
 * Milliseconds from a provider write until the last consumer committed the GCDS revision that carries
 * it. Every consumer's commits are timestamped as they happen, so the bench's own waiting adds nothing.
 */
export async function timeVisibleEverywhere(
  pipeline: BenchPipeline,
  write: () => Promise<unknown>,
): Promise<number> {
  await pipeline.settled();
  const before = await pipeline.gcds.store.getRevision();
  const commits = pipeline.consumers.map(() => [] as Array<[number, number]>);
  const subscriptions: Subscription[] = pipeline.consumers.map((consumer, i) =>
    consumer.sync.status$.subscribe((status) => commits[i]!.push([performance.now(), status.revision])),
  );
  const start = performance.now();
  try {
    await write();
    await pipeline.settled();
  } finally {
    for (const subscription of subscriptions) subscription.unsubscribe();
  }
  const target = await pipeline.gcds.store.getRevision();
  if (target === before) throw new Error('the write did not reach the GCDS');
  const seen = commits.map((log) => log.find(([, revision]) => revision >= target)?.[0]);
  if (seen.some((at) => at === undefined)) throw new Error('a consumer never reached the change');
  return Math.max(...(seen as number[])) - start;
}

/** Cycles edits, adds and deletes over the three providers; returns one latency per change. */
export async function sampleChanges(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  from: number,
  samples: number,
): Promise<Array<{ kind: ChangeKind; ms: number }>> {
  const kinds: ChangeKind[] = ['edit', 'add', 'delete'];
  const results: Array<{ kind: ChangeKind; ms: number }> = [];
  for (let i = from; i < from + samples; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const provider: BenchProviderId = BENCH_PROVIDERS[Math.floor(i / kinds.length) % BENCH_PROVIDERS.length]!;
    const records = dataset.records[provider];
    // Spread the touched records over the book; a record is touched once (i differs, and so does i * 7919).
    const victim = records[(i * 7919) % records.length]!;
    const store = pipeline.stores[provider];
    let write: () => Promise<unknown>;
    if (kind === 'edit') {
      const edited: Contact = {
        ...victim,
        family: `${victim.family ?? ''}-edited${i}`,
        updatedAt: Date.now(),
      };
      write = () => store.put(edited.id, edited);
    } else if (kind === 'add') {
      const added: Contact = {
        id: `bench-added-${i}`,
        given: 'Zelda',
        family: `Added${i}`,
        tel: [{ value: `+1 212-555-${String(1000 + i).slice(-4)}` }],
      };
      write = () => store.put(added.id, added);
    } else {
      write = () => store.remove(victim.id);
    }
    results.push({ kind, ms: await timeVisibleEverywhere(pipeline, write) });
  }
  return results;
}

export async function measureChangeVisibility(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  sink: RowSink,
  samples = 30,
): Promise<void> {
  // One untimed round trip first: the first change after the import warms caches and code paths.
  await sampleChanges(pipeline, dataset, 0, 3);
  const results = await sampleChanges(pipeline, dataset, 3, samples);
  const ms = results.map((result) => result.ms);
  sink.add('change_visible_p50_ms', quantile(ms, 0.5), 'ms');
  sink.add('change_visible_p95_ms', quantile(ms, 0.95), 'ms');
}
