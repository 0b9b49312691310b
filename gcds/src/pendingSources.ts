import { type ExtraObjectStore, requestAll } from '@gcds/shared';
import { unwrap } from 'idb';
import { MAX_BUCKET } from './clustering';
import type { GcdsSchema } from './schema';
import {
  applyToSnapshot,
  byKeyOrder,
  lookupKey,
  lookupsOf,
  pushTo,
  type SourceSnapshot,
  snapshotOf,
} from './sourceLookups';
import { sourceFromStored, sourceFromStoredOrNone, storedSource } from './storedSource';
import type { SourceRecord } from './types';

/** A per-key index lookup costs about as much as reading this many sources in a whole-store read. */
const LOOKUP_COST_IN_SOURCES = 8;

/**
 * When to read the stored sources whole: `auto` for loads and holders (and for a person's members when
 * cheaper than asking by person), `always`, or `never` (by key and by person, and holders from a fresh
 * whole read each time: the reference the kept snapshot is tested against). The phone and email holders
 * are always answered from the whole sources: no index keeps them, since eight index entries a source
 * were most of what writing one cost.
 */
export type WholeReads = 'auto' | 'never' | 'always';

/**
 * The stored sources as the GCDS's last committed transaction left them, kept across transactions by
 * the GCDS (their only writer, one transaction at a time), so a transaction need not read them again.
 * A transaction reads through it and writes into it; whoever runs the transaction drops the snapshot
 * (`snapshot = undefined`) when it does not commit.
 */
export interface SourceMirror {
  snapshot: SourceSnapshot | undefined;
}

/**
 * The `sources` store of one owner transaction, with the changed sources held in memory until
 * `flush` writes each once. Its lookups answer as the store would had every change been written:
 * stored answers without the sources changed since, plus the changed ones that match, in key order.
 * Reads by key or person are issued in batches, and a batch that would ask about a good share of the
 * stored sources reads them whole instead; who holds a phone or an email is read from them whole.
 */
export class PendingSources {
  readonly #sources: ExtraObjectStore<GcdsSchema, 'sources', 'readwrite'>;
  readonly #wholeReads: WholeReads;
  /** Current versions (undefined: removed or never stored). */
  readonly #cache = new Map<string, SourceRecord | undefined>();
  /** Sources changed and not written yet (null: to delete). */
  readonly #pending = new Map<string, SourceRecord | null>();
  /** How many pending sources are stored too: index answers may hold that many stale entries. */
  #pendingStored = 0;
  #snapshot: SourceSnapshot | undefined;
  /** How many sources are stored, once known (only when few enough to be worth reading whole). */
  #storedCount: number | undefined;

  readonly #mirror: SourceMirror | undefined;

  constructor(
    sources: ExtraObjectStore<GcdsSchema, 'sources', 'readwrite'>,
    wholeReads: WholeReads,
    mirror?: SourceMirror,
  ) {
    this.#sources = sources;
    this.#wholeReads = wholeReads;
    this.#mirror = mirror;
    this.#snapshot = wholeReads === 'never' ? undefined : mirror?.snapshot;
  }

  /** The current version of a source `load` has read (undefined: removed, never stored or not loaded). */
  current(key: string): SourceRecord | undefined {
    return this.#cache.get(key);
  }

  /** The current version of a source an index answered with: the changed one when it changed since. */
  currentOf(stored: SourceRecord): SourceRecord | undefined {
    return this.#cache.has(stored.key) ? this.#cache.get(stored.key) : stored;
  }

  /**
   * Reads every source not known yet: from the whole sources (`auto`: the regroup after a load asks who
   * holds its numbers, which reads them whole anyway), or by key in one batch (`never`).
   */
  async load(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.#cache.has(key));
    if (missing.length === 0) return;
    const snapshot = this.#wholeReads === 'never' ? undefined : await this.#wholeSnapshot();
    const found =
      snapshot === undefined
        ? (await Promise.all(missing.map((key) => this.#sources.get(key)))).map(sourceFromStoredOrNone)
        : missing.map((key) => snapshot.byKey.get(key));
    missing.forEach((key, i) => {
      if (!this.#cache.has(key)) this.#cache.set(key, found[i]);
    });
  }

  /** Reads the sources whole if that costs less than `lookups` index lookups (which then answer from it). */
  async readWholeIfCheaperThan(lookups: number): Promise<void> {
    await this.#snapshotIfCheaper(lookups, LOOKUP_COST_IN_SOURCES);
  }

  /** The snapshot of every source, if it is read already or reading it costs less than `requests` requests. */
  async #snapshotIfCheaper(requests: number, costInSources: number): Promise<SourceSnapshot | undefined> {
    if (this.#snapshot !== undefined) return this.#snapshot;
    if (this.#wholeReads === 'never') return undefined;
    if (this.#wholeReads === 'auto' && !(await this.#holdsAtMost(requests * costInSources))) return undefined;
    return this.#wholeSnapshot();
  }

  /** Every stored source, read whole once (and kept in the mirror: it follows each write from then on). */
  async #wholeSnapshot(): Promise<SourceSnapshot> {
    if (this.#snapshot !== undefined) return this.#snapshot;
    // Read as stored: the pending changes are applied over it by whoever asks, as over an index answer.
    const snapshot = snapshotOf(
      this.#storedCount === 0 ? [] : (await this.#sources.getAll()).map(sourceFromStored),
    );
    if (this.#wholeReads !== 'never') {
      this.#snapshot = snapshot;
      if (this.#mirror !== undefined) this.#mirror.snapshot = snapshot;
    }
    return snapshot;
  }

  /**
   * Whether at most `limit` sources are stored, reading at most `limit + 1` keys: a count would walk
   * every key (in a browser, tens of milliseconds at 30,000 for a one-record change).
   */
  async #holdsAtMost(limit: number): Promise<boolean> {
    if (this.#storedCount !== undefined) return this.#storedCount <= limit;
    const keys = await this.#sources.getAllKeys(undefined, Math.min(limit + 1, 2 ** 32 - 1));
    if (keys.length <= limit) this.#storedCount = keys.length;
    return keys.length <= limit;
  }

  /** A source changed (undefined: removed); written by the next `flush`. */
  change(key: string, record: SourceRecord | undefined): void {
    // Not pending yet: the cached version is the stored one.
    if (!this.#pending.has(key) && this.#cache.get(key) !== undefined) this.#pendingStored += 1;
    this.#pending.set(key, record ?? null);
    this.#cache.set(key, record);
  }

  /**
   * Writes every pending source once. A snapshot follows the writes (it is what reading the store
   * again would give); the stored count is stale afterwards.
   */
  async flush(): Promise<void> {
    const sources = unwrap(this.#sources);
    const writes = [...this.#pending].map(
      ([key, record]) =>
        () =>
          record === null ? sources.delete(key) : sources.put(storedSource(record)),
    );
    const snapshot = this.#snapshot;
    if (snapshot !== undefined) {
      for (const [key, record] of this.#pending) applyToSnapshot(snapshot, key, record ?? undefined);
    }
    this.#pending.clear();
    this.#pendingStored = 0;
    this.#storedCount = undefined;
    await requestAll(writes);
  }

  async sourcesOfProvider(provider: string): Promise<string[]> {
    const stored =
      this.#snapshot === undefined
        ? await this.#sources.getAllKeys(providerKeys(provider))
        : [...this.#snapshot.byKey.values()]
            .filter((source) => source.provider === provider)
            .map((s) => s.key);
    const keys = stored.filter((key) => !this.#pending.has(key));
    for (const [key, record] of this.#pending) if (record?.provider === provider) keys.push(key);
    return keys.sort();
  }

  async membersOf(personId: string): Promise<SourceRecord[]> {
    const stored =
      this.#snapshot?.byPerson.get(personId) ??
      (this.#snapshot === undefined
        ? (await this.#sources.index('byPerson').getAll(personId)).map(sourceFromStored)
        : []);
    const members: SourceRecord[] = [];
    for (const member of stored) {
      if (!this.#cache.has(member.key)) this.#cache.set(member.key, member);
      const current = this.#cache.get(member.key);
      if (current !== undefined && current.personId === personId) members.push(current);
    }
    return members;
  }

  /**
   * For every phone and email key of the seeds, its holders as an index would answer (first
   * MAX_BUCKET + 1 in key order) if every pending source had been written: the stored holders, less
   * the pending sources, plus the pending sources that hold the key. Lookups in `known` are not asked again.
   */
  async holdersOf(
    seeds: readonly SourceRecord[],
    known: ReadonlyMap<string, unknown> = new Map(),
  ): Promise<Map<string, SourceRecord[]>> {
    const lookups = new Set<string>();
    for (const seed of seeds) {
      for (const [index, key] of lookupsOf(seed)) {
        const lookup = lookupKey(index, key);
        if (!known.has(lookup)) lookups.add(lookup);
      }
    }
    const holders = new Map<string, SourceRecord[]>();
    if (lookups.size === 0) return holders;
    const snapshot = await this.#wholeSnapshot();
    const pendingHolders = new Map<string, SourceRecord[]>();
    for (const record of this.#pending.values()) {
      if (record === null) continue;
      for (const [index, key] of lookupsOf(record)) pushTo(pendingHolders, lookupKey(index, key), record);
    }
    for (const lookup of lookups) {
      const current = (snapshot.byLookup.get(lookup) ?? []).filter(
        (source) => !this.#pending.has(source.key),
      );
      const added = pendingHolders.get(lookup) ?? [];
      const all = added.length === 0 ? current : [...current, ...added].sort(byKeyOrder);
      holders.set(lookup, all.slice(0, MAX_BUCKET + 1));
    }
    return holders;
  }
}

/** Every source key of one provider: `sourceKey` puts the provider and \u001f first. */
function providerKeys(provider: string): IDBKeyRange {
  return IDBKeyRange.bound(`${provider}\u001f`, `${provider}\u0020`, false, true);
}
