import { CALLER_ID_STORE } from '@gcds/consumer-dialer';
import { RECIPIENT_STORE } from '@gcds/consumer-messaging';
import type { Contact } from '@gcds/shared';
import { deleteDB, openDB } from 'idb';
import { concatMap, filter, firstValueFrom, forkJoin, map, type Observable, take } from 'rxjs';
import { BENCH_PROVIDERS, type BenchDataset } from '../dataset';
import { type BenchPipeline, PIPELINE_CONSUMERS, startPipeline } from '../pipeline';
import type { RowSink } from '../rows';
import { timed } from '../stats';

/**
 * The physical floor: the same records bulk-written with plain `idb` (one readwrite transaction per
 * store, a put per record, no index, no log) into as many stores as the pipeline fills. Each provider
 * store gets its own records; the GCDS store and every consumer store get all n, which is more than
 * the pipeline writes there (merged people are fewer than records), so the floor errs high.
 */
export async function bulkWriteFloor(dataset: BenchDataset, consumers: number, tag: string): Promise<number> {
  const all = BENCH_PROVIDERS.flatMap((provider) => dataset.records[provider]);
  const targets: Contact[][] = [
    ...BENCH_PROVIDERS.map((provider) => dataset.records[provider]),
    all,
    ...Array.from({ length: consumers }, () => all),
  ];
  const names = targets.map((_, i) => `${tag}:floor-${i}`);
  const elapsed = await timed(async () => {
    for (const [i, records] of targets.entries()) {
      const db = await openDB(names[i]!, 1, {
        upgrade(database) {
          database.createObjectStore('records');
        },
      });
      const tx = db.transaction('records', 'readwrite');
      for (const record of records) void tx.store.put(record, record.id);
      await tx.done;
      db.close();
    }
  });
  for (const name of names) await deleteDB(name);
  return elapsed;
}

/** An app's first commit after which a read of its own store finds someone: when it stops showing nobody. */
function firstShown(changes$: Observable<unknown>, showsSomeone: () => Promise<boolean>): Observable<number> {
  return changes$.pipe(
    concatMap(() => showsSomeone()),
    filter(Boolean),
    map(() => performance.now()),
    take(1),
  );
}

/**
 * When every app first shows someone, read as each app reads: the Contacts list's letter groups, the
 * Phone app's caller-ID rows, Messages' recipients. Subscribed before the import starts.
 */
function everyAppShowsSomeone(pipeline: BenchPipeline): Promise<number> {
  const { contacts, dialer, messaging } = pipeline;
  return firstValueFrom(
    forkJoin([
      firstShown(contacts.changes$, async () => (await contacts.groups()).some((group) => group.count > 0)),
      firstShown(dialer.changes$, async () => (await dialer.sync.db.count(CALLER_ID_STORE)) > 0),
      firstShown(messaging.changes$, async () => (await messaging.sync.db.count(RECIPIENT_STORE)) > 0),
    ]).pipe(map((times) => Math.max(...times))),
  );
}

/** When each provider store, the GCDS and each app first committed: where the first batch waits. */
function firstCommitTimes(pipeline: BenchPipeline): Promise<Array<[string, number]>> {
  const streams: Array<[string, Observable<unknown>]> = [
    ...Object.entries(pipeline.stores).map(([name, store]): [string, Observable<unknown>] => [
      name,
      store.changes$,
    ]),
    ['gcds', pipeline.gcds.store.changes$],
    ...pipeline.consumers.map((consumer): [string, Observable<unknown>] => [
      consumer.name,
      consumer.sync.changes$,
    ]),
  ];
  return firstValueFrom(
    forkJoin(
      streams.map(([name, stream]) =>
        stream.pipe(
          take(1),
          map((): [string, number] => [name, performance.now()]),
        ),
      ),
    ),
  );
}

/**
 * The floor, then providers → GCDS → every consumer, from an empty phone until every consumer has
 * settled, and when every app first showed someone on the way. Returns the populated pipeline for the
 * metrics that read it.
 */
export async function measureInitialPopulation(
  dataset: BenchDataset,
  sink: RowSink,
  log: (line: string) => void = () => undefined,
): Promise<BenchPipeline> {
  // The floor first, on a fresh heap and an empty IndexedDB, so it is never slowed by the pipeline.
  const floor = await bulkWriteFloor(dataset, PIPELINE_CONSUMERS, `bench-floor-${Date.now().toString(36)}`);
  const pipeline = await startPipeline();
  if (pipeline.consumers.length !== PIPELINE_CONSUMERS) throw new Error('the floor counts the wrong stores');
  await pipeline.settled();
  const phases: string[] = [];
  const firstVisible = everyAppShowsSomeone(pipeline);
  const firstCommits = firstCommitTimes(pipeline);
  const start = performance.now();
  const mark = (phase: string) => phases.push(`${phase} ${Math.round(performance.now() - start)} ms`);
  const initial = await timed(async () => {
    await pipeline.importDataset(dataset);
    mark('providers written');
    await pipeline.gcds.whenIdle();
    mark('GCDS idle');
    await pipeline.settled();
    mark('consumers settled');
  });
  const firstVisibleMs = (await firstVisible) - start;
  const firsts = (await firstCommits).map(([name, at]) => `${name} ${Math.round(at - start)}`).join(', ');
  log(
    `  initial population: ${phases.join(', ')}, every app showing someone ${Math.round(firstVisibleMs)} ms`,
  );
  log(`  first commit of each, ms: ${firsts}`);
  sink.add('initial_population_ms', initial, 'ms');
  sink.add('first_visible_ms', firstVisibleMs, 'ms');
  sink.add('floor_ms', floor, 'ms');
  sink.add('initial_vs_floor', initial / floor, 'ratio');
  return pipeline;
}

/** The pipeline with the dataset imported and settled, nothing measured. */
export async function populatedPipeline(dataset: BenchDataset): Promise<BenchPipeline> {
  const pipeline = await startPipeline();
  await pipeline.importDataset(dataset);
  await pipeline.settled();
  return pipeline;
}
