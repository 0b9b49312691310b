import { DEFAULT_DEMO_SEED, generateDemoBook } from '../../device/src/demo/demoBook';

/**
 * How many provider records the phone's "Load n people" writes: the demo book's local contacts, vCard
 * cards and facebook-sim friends (n people with their duplicates, plus the hard cases). The one-page
 * Chromium run measured beside it holds that many records, so both do the same work.
 */
export function demoProviderRecords(people: number): number {
  const book = generateDemoBook({ seed: DEFAULT_DEMO_SEED, people });
  return book.local.length + book.vcardCards + book.facebook.length;
}
