import type { ChangeEvent } from './types';

/**
 * What the write behind a change event left for each of its ids (undefined: removed), for the readers
 * of the same context: a row policy then filters the event's ids against the records the write just
 * made instead of reading every one of them again. Kept beside the event, never on it: events cross
 * contexts, records must not. A bridged event has none, and its readers read the store.
 */
const written = new WeakMap<ChangeEvent, ReadonlyMap<string, unknown>>();

export function attachWrittenRecords(event: ChangeEvent, records: ReadonlyMap<string, unknown>): void {
  written.set(event, records);
}

export function writtenRecordsOf(event: ChangeEvent): ReadonlyMap<string, unknown> | undefined {
  return written.get(event);
}
