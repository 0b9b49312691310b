import { allRecords, type BenchDataset } from '../dataset';
import type { BenchPipeline } from '../pipeline';
import { quantile, timed } from '../stats';
import { calledNumbers, keystrokes } from './readPath';

/** The device's Messages app asks for this many suggestions a keystroke. */
const SHOWN = 8;

/** Email addresses of the book typed a keystroke at a time, spread over the book. */
function emailKeystrokes(dataset: BenchDataset, count = 4): string[] {
  const emails = allRecords(dataset).flatMap(
    ({ contact }) => contact.email?.map((email) => email.value) ?? [],
  );
  if (emails.length === 0) return [];
  return Array.from(
    { length: count },
    (_, i) => emails[Math.floor(((i + 0.5) * emails.length) / count)]!,
  ).flatMap((email) => Array.from({ length: Math.min(email.length, 6) }, (_, k) => email.slice(0, k + 1)));
}

const ms = (value: number) => value.toFixed(2);

/**
 * The Messages app's reads, logged (not metrics of the results contract): recipient search a keystroke
 * at a time (names, digits, email addresses), its first search, and thread names for numbers as
 * networks present them, and the search index's estimated memory a person.
 */
export async function measureRecipientSearch(
  pipeline: BenchPipeline,
  dataset: BenchDataset,
  log: (line: string) => void,
): Promise<void> {
  await pipeline.settled();
  const messaging = pipeline.messaging;
  const first = await timed(() => messaging.searchRecipients('a', SHOWN));
  const searches: number[] = [];
  for (const query of [...keystrokes(dataset), ...emailKeystrokes(dataset)])
    searches.push(await timed(() => messaging.searchRecipients(query, SHOWN)));
  const calls = calledNumbers(dataset, 100);
  const names: number[] = [];
  for (const number of calls) names.push(await timed(() => messaging.displayNameFor(number)));
  const stats = messaging.recipientSearchStats();
  const perPerson =
    stats === undefined ? '?' : Math.round(stats.approximateBytes / Math.max(stats.people, 1));
  log(
    `  messages app: recipient search first ${ms(first)} ms, then p50 ${ms(quantile(searches, 0.5))} ms, ` +
      `p95 ${ms(quantile(searches, 0.95))} ms over ${searches.length} keystrokes; thread name p50 ` +
      `${ms(quantile(names, 0.5))} ms, p95 ${ms(quantile(names, 0.95))} ms; search index about ` +
      `${perPerson} bytes a person (estimate) for ${stats?.people ?? '?'} people`,
  );
}
