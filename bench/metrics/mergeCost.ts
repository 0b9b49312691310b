import { clusterSources, type SourceRecord, sharedIdentifiers, sourceMatchKeys } from '@gcds/gcds';
import { forgetNormalisedNumbers, sourceKey } from '@gcds/shared';
import { allRecords, type BenchDataset, generateDataset } from '../dataset';
import { BENCH_REGION } from '../pipeline';
import type { RowSink } from '../rows';
import { median, timed } from '../stats';

/**
 * Passive merge alone, in memory: the match keys of every record (names folded, phones parsed), the
 * shared identifiers and the clustering of the whole book as one neighbourhood, which is what the GCDS
 * does on a first population, without any storage. Numbers are parsed afresh each run, as on a first import: with the phone-key
 * cache warm, n / 10 would fit in it and n would not, and the growth would measure the cache.
 */
export function passiveMerge(dataset: BenchDataset): number {
  forgetNormalisedNumbers();
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
  return clusterSources(sources, [], sharedIdentifiers(sources)).length;
}

/**
 * `merge_only_ms` at n, and `merge_growth`: its ratio to the same work at n / 10 (10 is linear). Both
 * sizes are warmed up, then measured in alternation (median of each), so neither is favoured by a
 * warmer JIT or a quieter collector; the small size is repeated until it has run about as long.
 */
export async function measureMergeCost(dataset: BenchDataset, sink: RowSink): Promise<void> {
  const tenth = generateDataset(Math.max(1, Math.round(dataset.n / 10)), dataset.seed);
  passiveMerge(dataset);
  passiveMerge(tenth);
  const rounds = dataset.n >= 100_000 ? 3 : 5;
  const atN: number[] = [];
  const atTenth: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    atN.push(await timed(async () => passiveMerge(dataset)));
    // Ten runs of the small size per round: each measurement spans about as long as the large one.
    const ten = await timed(async () => {
      for (let i = 0; i < 10; i += 1) passiveMerge(tenth);
    });
    atTenth.push(ten / 10);
  }
  sink.add('merge_only_ms', median(atN), 'ms');
  sink.add('merge_growth', median(atN) / median(atTenth), 'ratio');
}
