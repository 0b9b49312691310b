import type { Contact } from '@gcds/shared';
import { BENCH_PROVIDERS, type BenchDataset } from '../dataset';
import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';

export const BURST_CHANGES = 10_000;

/**
 * A burst of 10,000 changes: the three providers each issue their share of single-record writes at
 * once, each write its own transaction and its own change event, cycling through their books (as the
 * GCDS's own coalescing test does). Counts the sync runs each consumer started and the time from the
 * first write until every consumer has settled; reports the busiest consumer's wake-ups.
 */
export async function measureBurst(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  sink: RowSink,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await pipeline.settled();
  const wakeupsBefore = pipeline.consumers.map((consumer) => consumer.sync.status().wakeups);
  let gcdsCommits = 0;
  const counting = pipeline.gcds.store.changes$.subscribe(() => {
    gcdsCommits += 1;
  });
  const start = performance.now();
  const writes: Promise<number>[] = [];
  BENCH_PROVIDERS.forEach((provider, p) => {
    const records = dataset.records[provider];
    const share =
      Math.floor(BURST_CHANGES / BENCH_PROVIDERS.length) +
      (p < BURST_CHANGES % BENCH_PROVIDERS.length ? 1 : 0);
    for (let i = 0; i < share; i += 1) {
      const record = records[i % records.length]!;
      const edited: Contact = { ...record, note: `burst ${i}` };
      writes.push(pipeline.stores[provider].put(edited.id, edited));
    }
  });
  await Promise.all(writes);
  const written = performance.now() - start;
  await pipeline.settled();
  const settle = performance.now() - start;
  counting.unsubscribe();
  const wakeups = pipeline.consumers.map((consumer, i) => consumer.sync.status().wakeups - wakeupsBefore[i]!);
  log(
    `  burst: written in ${Math.round(written)} ms, ${gcdsCommits} GCDS commits, wake-ups ${pipeline.consumers
      .map((consumer, i) => `${consumer.name} ${wakeups[i]}`)
      .join(', ')}`,
  );
  sink.add('burst_wakeups', Math.max(...wakeups), 'count');
  sink.add('burst_settle_ms', settle, 'ms');
}
