import {
  type Consumer,
  ConsumerBase,
  type ConsumerOptions,
  type ConsumerSync,
  checkQueryLimit,
  FollowedIndex,
  type PhoneKeys,
  phoneKeys,
  phoneLookupKeys,
  phoneRegion,
  syncForConsumer,
} from '@gcds/shared';
import type { Observable } from 'rxjs';
import { type CallerIdMatch, rankCallerId } from './callerIdMatch';
import { readByLookupKeys } from './dialerQueries';
import { CALLER_ID_STORE, type CallerIdRow, DIALER_SCHEMA, type DialerDb } from './dialerRows';
import { DialIndex } from './dialIndex';
import type { DialSuggestion } from './dialSuggestions';
import { projectCallerId } from './projectCallerId';

/** The Phone app's identity is privileged in the seed; stored and looked-up numbers are read in `region`. */
export type DialerConsumerOptions = ConsumerOptions;

/** The Phone app's consumer: caller ID, dialling suggestions and call-log names from its own IndexedDB. */
export interface DialerConsumer extends Consumer<DialerDb> {
  /** Everyone the number belongs to, best first (see `rankCallerId`); empty when unknown. */
  lookupNumber(number: string): Promise<CallerIdMatch[]>;
  /** Numbers containing the typed digits anywhere, ranked; `limit` defaults to 10. */
  suggest(digits: string, limit?: number): Promise<DialSuggestion[]>;
  /** For a call log: each distinct number given → its matches, best first; all read in one transaction. */
  namesFor(numbers: readonly string[]): Promise<Map<string, CallerIdMatch[]>>;
  /** Every person with a number, in no order: what a keypad's name search (T9) reads its names from. */
  everyone(): Promise<CallerIdRow[]>;
  lookup$(number: string): Observable<CallerIdMatch[]>;
  suggest$(digits: string, limit?: number): Observable<DialSuggestion[]>;
  /** Memory held for suggestions (built on the first suggestion; caller ID never needs it). */
  dialIndexStats(): ReturnType<DialIndex['stats']> | undefined;
}

/**
 * Bumped when the row shape or the projection changes: the database is then rebuilt from the GCDS
 * (2: lookup keys on the caller-ID row, no dial keys; 3: compact phone keys, dial forms made in memory).
 */
const PROJECTION_TAG = 'dialer/3';
const KEYPAD_TEXT = /^[\d\s+().\-*#]*$/u;

export async function createDialerConsumer(options: DialerConsumerOptions): Promise<DialerConsumer> {
  const region = phoneRegion(options.region);
  const sync = await syncForConsumer(options, {
    defaultDbName: 'consumer-dialer',
    region,
    schema: DIALER_SCHEMA,
    project: projectCallerId(region),
    // Stored phone keys are read in the region: a new region rebuilds them.
    projectionVersion: `${PROJECTION_TAG}/${region}`,
  });
  return new DialerConsumerImpl(
    sync,
    region,
    new FollowedIndex(sync, {
      store: CALLER_ID_STORE,
      build: (rows: readonly CallerIdRow[]) => DialIndex.from(rows),
    }),
  );
}

class DialerConsumerImpl extends ConsumerBase<DialerDb> implements DialerConsumer {
  readonly #region: string;
  readonly #dialIndex: FollowedIndex<CallerIdRow, DialIndex>;

  constructor(
    sync: ConsumerSync<DialerDb>,
    region: string,
    dialIndex: FollowedIndex<CallerIdRow, DialIndex>,
  ) {
    // Live queries re-run once the dial index has followed a commit, not as soon as it is written.
    super(sync, dialIndex.changes$);
    this.#region = region;
    this.#dialIndex = dialIndex;
  }

  async lookupNumber(number: string): Promise<CallerIdMatch[]> {
    const query = this.#keysOf(number);
    const candidates = await readByLookupKeys(this.sync.db, phoneLookupKeys(query));
    return rankCallerId(query, unique(candidates.values()));
  }

  async suggest(digits: string, limit = 10): Promise<DialSuggestion[]> {
    const typed = this.#typedDigits(digits);
    checkQueryLimit(limit);
    if (typed === '') return [];
    return (await this.#dialIndex.load()).suggest(typed, limit);
  }

  async everyone(): Promise<CallerIdRow[]> {
    return this.sync.db.getAll(CALLER_ID_STORE);
  }

  async namesFor(numbers: readonly string[]): Promise<Map<string, CallerIdMatch[]>> {
    if (!Array.isArray(numbers)) throw new TypeError('namesFor takes an array of numbers');
    const queries = new Map<string, PhoneKeys>();
    for (const number of numbers) if (!queries.has(number)) queries.set(number, this.#keysOf(number));
    const byKey = await readByLookupKeys(
      this.sync.db,
      [...queries.values()].flatMap((keys) => phoneLookupKeys(keys)),
    );
    const names = new Map<string, CallerIdMatch[]>();
    for (const [number, keys] of queries) {
      const rows = phoneLookupKeys(keys).map((key) => byKey.get(key) ?? []);
      names.set(number, rankCallerId(keys, unique(rows)));
    }
    return names;
  }

  lookup$(number: string): Observable<CallerIdMatch[]> {
    this.#keysOf(number);
    return this.live(() => this.lookupNumber(number));
  }

  suggest$(digits: string, limit = 10): Observable<DialSuggestion[]> {
    this.#typedDigits(digits);
    checkQueryLimit(limit);
    return this.live(() => this.suggest(digits, limit));
  }

  dialIndexStats() {
    return this.#dialIndex.stats();
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#dialIndex.stop();
  }

  #keysOf(number: string): PhoneKeys {
    if (typeof number !== 'string') throw new TypeError(`a phone number is a string, got ${typeof number}`);
    return phoneKeys(number, this.#region);
  }

  #typedDigits(digits: string): string {
    if (typeof digits !== 'string') throw new TypeError(`typed digits are a string, got ${typeof digits}`);
    if (!KEYPAD_TEXT.test(digits)) throw new RangeError(`suggest takes what a keypad types, got "${digits}"`);
    return digits.replace(/\D/g, '');
  }
}

/** Rows of several key lookups, each person once. */
function unique<T extends { personId: string }>(lists: Iterable<readonly T[]>): T[] {
  const rows = new Map<string, T>();
  for (const list of lists) for (const row of list) rows.set(row.personId, row);
  return [...rows.values()];
}
