import type { ContactsConsumer } from '@gcds/consumer-contacts';
import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';

/** The JS heap after a full collection, where the runtime lets us force one; undefined elsewhere. */
export type HeapProbe = () => Promise<number | undefined>;

/** Open engines at once for one reading: a fourth of their heap is less at the mercy of other garbage. */
const ENGINES = 4;

/**
 * Memory the Contacts app's engine holds for its book, per person in its list: the heap with four
 * engines open, each after a search (which builds its in-memory search index), minus the heap
 * before they opened, both read once collections stop shrinking it, divided by four. The rows live in
 * IndexedDB (in Node fake-indexeddb keeps them on the heap, before and after alike). Without a heap
 * probe, or when the heap did not grow (garbage from before still being released), the search index's
 * own estimate.
 */
export async function measureListMemory(
  pipeline: BenchPipeline,
  sink: RowSink,
  heap: HeapProbe,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await pipeline.settled();
  const before = await heap();
  const apps: ContactsConsumer[] = [];
  for (let i = 0; i < ENGINES; i += 1) {
    const app = await pipeline.openContacts();
    await app.search('0');
    apps.push(app);
  }
  const open = await heap();
  const groups = await apps[0]!.groups();
  const people = groups
    .filter((group) => group.kind !== 'ice' && group.kind !== 'favorites')
    .reduce((sum, group) => sum + group.count, 0);
  const estimate = apps[0]!.searchIndexStats()?.approximateBytes ?? 0;
  for (const app of apps) await app.stop();
  const grown = before !== undefined && open !== undefined ? (open - before) / ENGINES : undefined;
  // A heap that did not grow means other garbage was still going as the engines came: no reading.
  const bytes = grown !== undefined && grown > 0 ? grown : estimate;
  log(
    `  contacts app memory: heap ${before ?? '?'} -> ${open ?? '?'} bytes with ${ENGINES} engines, ` +
      `search index estimate ${estimate}; reported: ${bytes === estimate ? 'the estimate' : 'the heap'}`,
  );
  sink.add('list_bytes_per_contact', bytes / Math.max(people, 1), 'bytes');
}
