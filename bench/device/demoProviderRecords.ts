import { DEFAULT_DEMO_SEED, generateDemoBook } from '../../device/src/demo/demoBook';

/** Counted once a size: the planner and the device run both ask, and a 30,000 book takes a second. */
const counted = new Map<number, number>();

/**
 * How many provider records the phone's "Load n people" writes: the demo book's local contacts, vCard
 * cards and facebook-sim friends (n people with their duplicates, plus the hard cases). The one-page
 * Chromium run measured beside it holds that many records, so both do the same work.
 */
export function demoProviderRecords(people: number): number {
  let records = counted.get(people);
  if (records === undefined) {
    const book = generateDemoBook({ seed: DEFAULT_DEMO_SEED, people });
    records = book.local.length + book.vcardCards + book.facebook.length;
    counted.set(people, records);
  }
  return records;
}
