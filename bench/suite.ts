import { generateDataset } from './dataset';
import { measureBurst } from './metrics/burst';
import { measureChangeVisibility } from './metrics/changeVisibility';
import { measureInitialPopulation } from './metrics/initialPopulation';
import { type HeapProbe, measureListMemory } from './metrics/memory';
import { measureMergeCost } from './metrics/mergeCost';
import { measurePeers, type PeerRunners } from './metrics/peers';
import { measureReadPath } from './metrics/readPath';
import { type BenchEnv, type BenchRow, RowSink } from './rows';

/** What the runtime supplies: how to read the heap, and the peers it can run. */
export interface SuiteEnvironment {
  env: BenchEnv;
  heap: HeapProbe;
  peers: PeerRunners;
  log(line: string): void;
}

/**
 * Every metric at one size, in an order where each needs only what came before: the import populates
 * the pipeline the reads, memory and changes use; the burst comes last on it, as it rewrites the book;
 * merge cost and peers run on their own stores.
 */
export async function runSuite(n: number, environment: SuiteEnvironment): Promise<BenchRow[]> {
  const sink = new RowSink(environment.env, n, environment.log);
  const dataset = generateDataset(n);
  environment.log(
    `${environment.env} n=${n}: ${dataset.people} people, ${dataset.duplicateRecords} duplicate records`,
  );
  const pipeline = await measureInitialPopulation(dataset, sink);
  await measureReadPath(pipeline, dataset, sink);
  await measureListMemory(pipeline, sink, environment.heap);
  await measureChangeVisibility(pipeline, dataset, sink);
  await measureBurst(pipeline, dataset, sink);
  await pipeline.stop();
  await measureMergeCost(dataset, sink);
  await measurePeers(dataset, sink, environment.peers);
  return sink.rows;
}
