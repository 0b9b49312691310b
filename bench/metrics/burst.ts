import type { Contact } from '@gcds/shared';
import { BENCH_PROVIDERS, type BenchDataset } from '../dataset';
import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';

export const BURST_CHANGES = 10_000;

/**
 * A burst of 10,000 changes: each provider edits its records one write at a time, as fast as it can
 * (the three at once), cycling through its book. Counts the sync runs each consumer started and the
 * time until every consumer has settled; reports the busiest consumer's wake-ups.
 */
export async function measureBurst(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  sink: RowSink,
): Promise<void> {
  await pipeline.settled();
  const wakeupsBefore = pipeline.consumers.map((consumer) => consumer.sync.status().wakeups);
  const start = performance.now();
  await Promise.all(
    BENCH_PROVIDERS.map(async (provider, p) => {
      const records = dataset.records[provider];
      const share =
        Math.floor(BURST_CHANGES / BENCH_PROVIDERS.length) +
        (p < BURST_CHANGES % BENCH_PROVIDERS.length ? 1 : 0);
      for (let i = 0; i < share; i += 1) {
        const record = records[i % records.length]!;
        const edited: Contact = { ...record, note: `burst ${i}` };
        await pipeline.stores[provider].put(edited.id, edited);
      }
    }),
  );
  await pipeline.settled();
  const settle = performance.now() - start;
  const wakeups = pipeline.consumers.map((consumer, i) => consumer.sync.status().wakeups - wakeupsBefore[i]!);
  sink.add('burst_wakeups', Math.max(...wakeups), 'count');
  sink.add('burst_settle_ms', settle, 'ms');
}
