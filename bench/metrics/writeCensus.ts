import { BENCH_PROVIDERS, type BenchDataset } from '../dataset';
import { PIPELINE_CONSUMERS, startPipeline } from '../pipeline';
import type { RowSink } from '../rows';

/** What the census counts for one object store during a first population. */
export interface StoreCensus {
  /** `database/store`, with the run's namespace taken out. */
  store: string;
  writes: number;
  deletes: number;
  reads: number;
  /** Index entries the writes add (a multiEntry index adds one per array item). */
  indexEntries: number;
  /** Structured-clone bytes of the values written. */
  bytes: number;
}

/** The size of a value as IndexedDB would serialise it (Node: `v8.serialize(value).length`). */
export type SerializedSize = (value: unknown) => number;

type Counter = Omit<StoreCensus, 'store'>;

const WRITES = ['put', 'add'] as const;
const READS = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'] as const;

function valueAt(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
  return at;
}

/** Index entries one value adds to a store, from the store's own index definitions. */
function indexEntriesOf(store: IDBObjectStore, value: unknown): number {
  let entries = 0;
  for (const name of Array.from(store.indexNames)) {
    const index = store.index(name);
    const keyPath = index.keyPath;
    const key = Array.isArray(keyPath)
      ? keyPath.map((path) => valueAt(value, path))
      : valueAt(value, keyPath);
    if (key === undefined) continue;
    entries += index.multiEntry && Array.isArray(key) ? new Set(key).size : 1;
  }
  return entries;
}

/**
 * Runs `body` with every IndexedDB request counted per object store: writes, deletes, reads, the index
 * entries the writes add and the bytes they clone. The counts depend only on the code and the data, not
 * on the machine, so they say where a first population spends its IndexedDB work even on a busy machine,
 * where timings do not. The prototypes are patched for the duration only: nothing else is measured then.
 */
export async function withWriteCensus(
  size: SerializedSize,
  body: () => Promise<void>,
): Promise<StoreCensus[]> {
  const counters = new Map<string, Counter>();
  const counterOf = (store: IDBObjectStore): Counter => {
    const key = `${store.transaction.db.name.replace(/^bench-[^:]*:/, '')}/${store.name}`;
    let counter = counters.get(key);
    if (counter === undefined) {
      counter = { writes: 0, deletes: 0, reads: 0, indexEntries: 0, bytes: 0 };
      counters.set(key, counter);
    }
    return counter;
  };
  const restore: Array<() => void> = [];
  const patch = <P extends object>(
    proto: P,
    method: string,
    count: (self: never, args: unknown[]) => void,
  ) => {
    const target = proto as Record<string, unknown>;
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: never, ...args: unknown[]) {
      count(this, args);
      return original.apply(this, args);
    };
    restore.push(() => {
      target[method] = original;
    });
  };
  for (const method of WRITES) {
    patch(IDBObjectStore.prototype, method, (store: IDBObjectStore, [value]) => {
      const counter = counterOf(store);
      counter.writes += 1;
      counter.bytes += size(value);
      counter.indexEntries += indexEntriesOf(store, value);
    });
  }
  patch(IDBObjectStore.prototype, 'delete', (store: IDBObjectStore) => {
    counterOf(store).deletes += 1;
  });
  for (const method of READS) {
    patch(IDBObjectStore.prototype, method, (store: IDBObjectStore) => {
      counterOf(store).reads += 1;
    });
    patch(IDBIndex.prototype, method, (index: IDBIndex) => {
      counterOf(index.objectStore).reads += 1;
    });
  }
  try {
    await body();
  } finally {
    for (const undo of restore) undo();
  }
  return [...counters]
    .map(([store, counter]) => ({ store, ...counter }))
    .sort((a, b) => a.store.localeCompare(b.store));
}

/**
 * The census of a first population (providers → GCDS → every consumer, until settled), with per-record
 * totals as rows and the per-store table in the log. The floor writes each record once per store it
 * fills (5 writes a record, no index entries), which is what the totals compare with.
 */
export async function measureWriteCensus(
  dataset: BenchDataset,
  sink: RowSink,
  size: SerializedSize,
  log: (line: string) => void,
): Promise<StoreCensus[]> {
  const pipeline = await startPipeline();
  await pipeline.settled();
  const census = await withWriteCensus(size, async () => {
    await pipeline.importDataset(dataset);
    await pipeline.settled();
  });
  await pipeline.stop();
  const per = (value: number) => value / dataset.n;
  const total = (field: keyof Counter) => per(census.reduce((sum, row) => sum + row[field], 0));
  log('  write census of a first population, per provider record:');
  log('    store                                  writes  deletes    reads  index entries    bytes');
  for (const row of census) {
    if (row.writes + row.deletes + row.reads < dataset.n / 100) continue;
    log(
      `    ${row.store.padEnd(38)} ${per(row.writes).toFixed(2).padStart(6)} ${per(row.deletes).toFixed(2).padStart(8)} ${per(row.reads).toFixed(2).padStart(8)} ${per(row.indexEntries).toFixed(2).padStart(14)} ${Math.round(per(row.bytes)).toString().padStart(8)}`,
    );
  }
  // The floor writes every record into its provider's store, the GCDS's and each consumer's.
  const floorWrites = 2 + PIPELINE_CONSUMERS;
  const recordBytes = per(
    BENCH_PROVIDERS.flatMap((provider) => dataset.records[provider]).reduce(
      (sum, record) => sum + size(record),
      0,
    ),
  );
  log(
    `    the floor, for comparison: ${floorWrites} writes, 0 index entries, ${Math.round(floorWrites * recordBytes)} bytes`,
  );
  sink.add('census_writes_per_record', total('writes') + total('deletes'), 'count');
  sink.add('census_reads_per_record', total('reads'), 'count');
  sink.add('census_index_entries_per_record', total('indexEntries'), 'count');
  sink.add('census_bytes_per_record', total('bytes'), 'bytes');
  return census;
}
