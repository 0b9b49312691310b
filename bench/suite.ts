import { generateDataset } from './dataset';
import { measureBurst } from './metrics/burst';
import { measureChangeVisibility } from './metrics/changeVisibility';
import { measureInitialPopulation, populatedPipeline } from './metrics/initialPopulation';
import { type HeapProbe, measureListMemory } from './metrics/memory';
import { measureMergeCost } from './metrics/mergeCost';
import { measureMergeQuality } from './metrics/mergeQuality';
import { measurePeers, type PeerRunners } from './metrics/peers';
import { measureReadPath } from './metrics/readPath';
import { measureRecipientSearch } from './metrics/recipientSearchLatency';
import { measureVcardImport } from './metrics/vcardImport';
import { measureWriteCensus, type SerializedSize } from './metrics/writeCensus';
import { type BenchEnv, type BenchRow, RowSink } from './rows';

/** The metric families, as `--only` names them (one file each under bench/metrics). */
export const FAMILIES = [
  'initial',
  'reads',
  'memory',
  'changes',
  'burst',
  'merge',
  'peers',
  'vcard',
  'carddav',
  'census',
] as const;
export type Family = (typeof FAMILIES)[number];

/** What the runtime supplies: how to read the heap, and the peers it can run. */
export interface SuiteEnvironment {
  env: BenchEnv;
  heap: HeapProbe;
  peers: PeerRunners;
  log(line: string): void;
  /** The CardDAV family (a Radicale process): Node supplies it, a browser page cannot start servers. */
  cardDav?: (n: number, sink: RowSink, log: (line: string) => void) => Promise<void>;
  /** Structured-clone size of a value, for the write census (Node has `v8.serialize`; a page does not). */
  serializedSize?: SerializedSize;
}

/**
 * Every metric (or the chosen families) at one size, in an order where each needs only what came
 * before: the import populates the pipeline the reads, memory and changes use; the burst comes last on
 * it, as it rewrites the book; merge cost and peers run on their own stores.
 */
export async function runSuite(
  n: number,
  environment: SuiteEnvironment,
  families: readonly Family[] = FAMILIES,
): Promise<BenchRow[]> {
  const chosen = new Set(families);
  const sink = new RowSink(environment.env, n, environment.log);
  const dataset = generateDataset(n);
  environment.log(
    `${environment.env} n=${n}: ${dataset.people} people, ${dataset.duplicateRecords} duplicate records`,
  );
  const onPipeline: Family[] = ['initial', 'reads', 'memory', 'changes', 'burst'];
  if (onPipeline.some((family) => chosen.has(family))) {
    // The later families need the populated pipeline (without the floor when it is not measured).
    const pipeline = chosen.has('initial')
      ? await measureInitialPopulation(dataset, sink, environment.log)
      : await populatedPipeline(dataset);
    if (chosen.has('reads')) {
      await measureReadPath(pipeline, dataset, sink);
      await measureRecipientSearch(pipeline, dataset, environment.log);
    }
    if (chosen.has('memory')) await measureListMemory(pipeline, sink, environment.heap, environment.log);
    if (chosen.has('changes')) await measureChangeVisibility(pipeline, dataset, sink);
    if (chosen.has('burst')) await measureBurst(pipeline, dataset, sink, environment.log);
    await pipeline.stop();
  }
  if (chosen.has('merge')) {
    await measureMergeCost(dataset, sink);
    measureMergeQuality(sink);
  }
  if (chosen.has('peers')) await measurePeers(dataset, sink, environment.peers);
  if (chosen.has('vcard')) await measureVcardImport(dataset, sink, `bench-${environment.env}-${n}`);
  if (chosen.has('carddav')) {
    if (environment.cardDav === undefined) environment.log(`  carddav: not measured in ${environment.env}`);
    else await environment.cardDav(n, sink, environment.log);
  }
  if (chosen.has('census')) {
    if (environment.serializedSize === undefined)
      environment.log(`  census: not measured in ${environment.env}`);
    else await measureWriteCensus(dataset, sink, environment.serializedSize, environment.log);
  }
  return sink.rows;
}

export function parseFamilies(text: string): Family[] {
  const names = text.split(',').filter(Boolean);
  for (const name of names) {
    if (!(FAMILIES as readonly string[]).includes(name)) {
      throw new Error(`unknown metric family "${name}": one of ${FAMILIES.join(', ')}`);
    }
  }
  return names as Family[];
}
