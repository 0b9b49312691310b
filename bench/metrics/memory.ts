import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';

/** The JS heap after a full collection, where the runtime lets us force one; undefined elsewhere. */
export type HeapProbe = () => Promise<number | undefined>;

/**
 * Memory the Contacts app's engine holds for its book: the heap after opening it and running a phone
 * search (which builds its in-memory digit index) minus the heap before, per person in its list. The
 * engine's rows live in IndexedDB; in Node fake-indexeddb keeps them on the heap too, but they exist
 * before the engine opens and are not counted. Without a heap probe, the digit index's own estimate.
 */
export async function measureListMemory(
  pipeline: BenchPipeline,
  sink: RowSink,
  heap: HeapProbe,
): Promise<void> {
  await pipeline.settled();
  const before = await heap();
  const app = await pipeline.openContacts();
  await app.search('0');
  const after = await heap();
  const groups = await app.groups();
  const people = groups
    .filter((group) => group.kind !== 'ice' && group.kind !== 'favorites')
    .reduce((sum, group) => sum + group.count, 0);
  const estimate = app.digitIndexStats()?.approximateBytes ?? 0;
  await app.stop();
  const bytes = before !== undefined && after !== undefined ? Math.max(0, after - before) : estimate;
  sink.add('list_bytes_per_contact', bytes / Math.max(people, 1), 'bytes');
}
