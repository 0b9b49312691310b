import { clusterSources, type SourceRecord, sourceMatchKeys } from '@gcds/gcds';
import { sourceKey } from '@gcds/shared';
import { allRecords, type BenchDataset, generateDataset } from '../dataset';
import { BENCH_REGION } from '../pipeline';
import type { RowSink } from '../rows';
import { median, timed } from '../stats';

/**
 * Passive merge alone, in memory: the match keys of every record (names folded, phones parsed) and the
 * clustering of the whole book as one neighbourhood, which is what the GCDS does on a first population,
 * without any storage.
 */
export function passiveMerge(dataset: BenchDataset): number {
  const sources: SourceRecord[] = allRecords(dataset).map(({ provider, contact }) => ({
    key: sourceKey({ provider, contactId: contact.id }),
    provider,
    contactId: contact.id,
    accessLevel: provider === 'facebook-sim' ? 'certified' : 'privileged',
    revision: 1,
    personId: '',
    originPersonId: contact.id,
    ...sourceMatchKeys(contact, BENCH_REGION),
  }));
  return clusterSources(sources, [], new Set()).length;
}

async function mergeMs(dataset: BenchDataset, runs: number): Promise<number> {
  passiveMerge(dataset);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await timed(async () => passiveMerge(dataset)));
  return median(samples);
}

/** `merge_only_ms` at n, and `merge_growth`: its ratio to the same work at n / 10 (10 is linear). */
export async function measureMergeCost(dataset: BenchDataset, sink: RowSink): Promise<void> {
  const runs = dataset.n >= 100_000 ? 3 : 5;
  const atN = await mergeMs(dataset, runs);
  const atTenth = await mergeMs(generateDataset(Math.max(1, Math.round(dataset.n / 10)), dataset.seed), runs);
  sink.add('merge_only_ms', atN, 'ms');
  sink.add('merge_growth', atN / atTenth, 'ratio');
}
