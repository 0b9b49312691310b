import { allRecords, type BenchDataset } from '../dataset';
import type { BenchPipeline } from '../pipeline';
import type { RowSink } from '../rows';
import { median, quantile, timed } from '../stats';

/** What a user types, one keystroke at a time: names from the book, then digits of its numbers. */
export function keystrokes(dataset: BenchDataset, words = 12, numbers = 6): string[] {
  const records = allRecords(dataset).map(({ contact }) => contact);
  const typed: string[] = [];
  for (let i = 0; i < words; i += 1) {
    const record = records[Math.floor(((i + 0.5) * records.length) / words)]!;
    const word = (i % 2 === 0 ? record.given : record.family) ?? 'ann';
    for (let k = 1; k <= Math.min(word.length, 6); k += 1) typed.push(word.slice(0, k));
  }
  const numbersOf = calledNumbers(dataset, numbers);
  for (const number of numbersOf) {
    const digits = number.replace(/\D/g, '').slice(-7);
    for (let k = 1; k <= 5; k += 1) typed.push(digits.slice(0, k));
  }
  return typed;
}

/**
 * Numbers of the book as a network presents them (digits, national or with `+` and the country code),
 * spread over the book; every fifth is nobody's.
 */
export function calledNumbers(dataset: BenchDataset, count: number): string[] {
  const written = allRecords(dataset).flatMap(({ contact }) => contact.tel?.map((tel) => tel.value) ?? []);
  return Array.from({ length: count }, (_, i) =>
    i % 5 === 4
      ? `+1917000${String(1000 + i).slice(-4)}`
      : written[Math.floor((i * written.length) / count)]!.replace(/[^\d+]/g, ''),
  );
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push(await timed(work));
  return samples;
}

/** The Contacts app's reads on a settled book: launch to first screen, letter groups, detail, search. */
export async function measureReadPath(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  sink: RowSink,
): Promise<void> {
  await pipeline.settled();
  const contacts = pipeline.contacts;

  // An app launch: open the app's engine over its database, read the first 20 rows of the list.
  const launches = await repeat(5, async () => {
    const app = await pipeline.openContacts();
    const page = await app.firstPage(20);
    if (page.items.length === 0) throw new Error('the first screen is empty');
    await app.stop();
  });
  sink.add('first_screen_ms', median(launches), 'ms');

  sink.add('all_groups_ms', median(await repeat(5, () => contacts.groups())), 'ms');

  const ids = (await contacts.firstPage(200)).items.map((item) => item.entry.personId);
  let k = 0;
  const details = await repeat(50, async () => {
    const detail = await contacts.getDetail(ids[(k++ * 37) % ids.length]!);
    if (detail === undefined) throw new Error('a listed person has no detail');
  });
  sink.add('detail_ms', median(details), 'ms');

  // The first search builds the in-memory search index once (see list_bytes_per_contact).
  await contacts.search('0');
  const typed = keystrokes(dataset);
  const searches: number[] = [];
  for (const query of typed) searches.push(await timed(() => contacts.search(query, 20)));
  sink.add('search_p50_ms', quantile(searches, 0.5), 'ms');
  sink.add('search_p95_ms', quantile(searches, 0.95), 'ms');

  // Caller ID: an incoming call's number, as the network presents it, to the Phone app's engine.
  const calls = calledNumbers(dataset, 100);
  await pipeline.dialer.lookupNumber(calls[0]!);
  const lookups: number[] = [];
  for (const number of calls) lookups.push(await timed(() => pipeline.dialer.lookupNumber(number)));
  sink.add('caller_id_p50_ms', quantile(lookups, 0.5), 'ms');
  sink.add('caller_id_p95_ms', quantile(lookups, 0.95), 'ms');
}
