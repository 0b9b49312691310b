import {
  type ExtraObjectStore,
  issueAll,
  type PersonRecord,
  type Pointer,
  type WriteOperation,
  withOnceReadableAt,
} from '@gcds/shared';
import { v7 as uuidv7 } from 'uuid';
import { assignPersonIds, clusterSources, MAX_BUCKET } from './clustering';
import type { GcdsSchema, GcdsTransaction } from './schema';
import { identifierKey, markShared } from './sharedIdentifiers';
import type { Decision, SourceRecord } from './types';

/** A source as the GCDS is told of it: identity, revision and match keys, without person assignment. */
export type IncomingSource = Omit<SourceRecord, 'personId' | 'originPersonId'>;

/** One change of a provider's sources, in the order the provider's sync delivered it. */
export type SourceChange = { upsert: IncomingSource } | { remove: string };

/** The indexes the candidate search asks, and the key spaces the snapshot keeps them in. */
type LookupIndex = 'byPhone' | 'byEmail';

/**
 * The stored sources read whole, answering what the indexes would (holders of a phone or email key,
 * members of a person, sources of a provider) from memory, each list in primary-key order as an index
 * gives it. Read when a batch would otherwise ask the indexes about a good share of them anyway.
 */
interface SourceSnapshot {
  byKey: Map<string, SourceRecord>;
  byLookup: Map<string, SourceRecord[]>;
  byPerson: Map<string, SourceRecord[]>;
}

/** A per-key index lookup costs about as much as reading this many sources in a whole-store read. */
const LOOKUP_COST_IN_SOURCES = 8;
/** A get by primary key costs about as much as reading this many sources in a whole-store read. */
const GET_COST_IN_SOURCES = 2;

function lookupKey(index: LookupIndex, key: string): string {
  return `${index}\u0000${key}`;
}

function lookupOf(lookup: string): [LookupIndex, string] {
  const split = lookup.indexOf('\u0000');
  return [lookup.slice(0, split) as LookupIndex, lookup.slice(split + 1)];
}

function lookupsOf(source: SourceRecord): Array<[LookupIndex, string]> {
  return [
    ...[...new Set(source.phoneKeys)].map((key): [LookupIndex, string] => ['byPhone', key]),
    ...[...new Set(source.emails)].map((email): [LookupIndex, string] => ['byEmail', email]),
  ];
}

function byKeyOrder(a: SourceRecord, b: SourceRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export interface PersonGraphOptions {
  /** When to read the stored sources whole: `auto`, when cheaper than asking the indexes key by key. */
  wholeReads?: 'auto' | 'never' | 'always';
  /**
   * Hold changed sources until the regroup writes them once (default). `false` writes each batch at
   * once, as the indexes then answer for themselves: the reference the deferred answers are tested to.
   */
  deferWrites?: boolean;
}

/**
 * The GCDS's people, edited inside one owner transaction: sources come and go, and every person they
 * touch (and its candidates by phone and email) is regrouped. Everything awaited here is a request of
 * that transaction, so it commits or aborts as one.
 *
 * Sources changed by `apply` are held in memory and written once, with their final person, at the end
 * of the next `regroup` (every caller regroups before it commits). Until then the lookups see them as
 * the indexes would have: stored answers without the sources changed since, plus the changed ones that
 * match, in key order. Reads are issued in batches, and a batch that would ask the indexes about a good
 * share of the stored sources reads them whole instead. The outcome is that of writing each source
 * at once and asking key by key, in a few round trips per batch.
 */
export class PersonGraph {
  readonly #sources: ExtraObjectStore<GcdsSchema, 'sources', 'readwrite'>;
  readonly #decisions: ExtraObjectStore<GcdsSchema, 'decisions', 'readwrite'>;
  /** Current versions (undefined: removed or never stored). */
  readonly #cache = new Map<string, SourceRecord | undefined>();
  /** Sources changed and not written yet (null: to delete). */
  readonly #pending = new Map<string, SourceRecord | null>();
  /** How many pending sources are stored too: index answers may hold that many stale entries. */
  #pendingStored = 0;
  readonly #touchedPeople = new Set<string>();
  readonly #touchedSources = new Set<string>();
  /** Ids minted in this transaction: no stored record can have one, so nobody looks them up. */
  readonly #fresh = new Set<string>();
  #snapshot: SourceSnapshot | undefined;
  /** How many sources are stored, once known (only when few enough to be worth reading whole). */
  #storedCount: number | undefined;

  readonly #wholeReads: PersonGraphOptions['wholeReads'];
  readonly #deferWrites: boolean;

  constructor(
    private readonly tx: GcdsTransaction,
    options: PersonGraphOptions = {},
  ) {
    this.#sources = tx.objectStore('sources');
    this.#decisions = tx.objectStore('decisions');
    this.#wholeReads = options.wholeReads ?? 'auto';
    this.#deferWrites = options.deferWrites ?? true;
  }

  async getSource(key: string): Promise<SourceRecord | undefined> {
    await this.#load([key]);
    return this.#cache.get(key);
  }

  /** Reads every source not known yet: by key in one batch, or from the snapshot when that is cheaper. */
  async #load(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.#cache.has(key));
    if (missing.length === 0) return;
    const snapshot = await this.#snapshotIfCheaper(missing.length, GET_COST_IN_SOURCES);
    const found =
      snapshot === undefined
        ? await Promise.all(missing.map((key) => this.#sources.get(key)))
        : missing.map((key) => snapshot.byKey.get(key));
    missing.forEach((key, i) => {
      if (!this.#cache.has(key)) this.#cache.set(key, found[i]);
    });
  }

  /** The snapshot of every source, if it is read already or reading it costs less than `requests` requests. */
  async #snapshotIfCheaper(requests: number, costInSources: number): Promise<SourceSnapshot | undefined> {
    if (this.#snapshot !== undefined) return this.#snapshot;
    if (this.#wholeReads === 'never') return undefined;
    if (this.#wholeReads === 'auto' && !(await this.#holdsAtMost(requests * costInSources))) return undefined;
    const snapshot: SourceSnapshot = { byKey: new Map(), byLookup: new Map(), byPerson: new Map() };
    const stored = this.#storedCount === 0 ? [] : await this.#sources.getAll();
    for (const source of stored) {
      snapshot.byKey.set(source.key, source);
      pushTo(snapshot.byPerson, source.personId, source);
      for (const [index, key] of lookupsOf(source)) pushTo(snapshot.byLookup, lookupKey(index, key), source);
    }
    this.#snapshot = snapshot;
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

  #mint(): string {
    const id = uuidv7();
    this.#fresh.add(id);
    return id;
  }

  #change(key: string, record: SourceRecord | undefined): void {
    // Not pending yet: the cached version is the stored one.
    if (!this.#pending.has(key) && this.#cache.get(key) !== undefined) this.#pendingStored += 1;
    this.#pending.set(key, record ?? null);
    this.#cache.set(key, record);
  }

  /**
   * Applies a provider's changes in order: an upsert keeps the source's person (a new source has none
   * until the next regroup) and touches it; a remove touches the person it leaves.
   */
  async apply(changes: readonly SourceChange[]): Promise<void> {
    await this.#load(changes.map((change) => ('upsert' in change ? change.upsert.key : change.remove)));
    for (const change of changes) {
      if ('remove' in change) {
        const key = change.remove;
        const existing = this.#cache.get(key);
        if (existing === undefined) continue;
        this.#touchedPeople.add(existing.personId);
        this.#touchedSources.delete(key);
        this.#change(key, undefined);
        continue;
      }
      const incoming = change.upsert;
      const existing = this.#cache.get(incoming.key);
      const record: SourceRecord = {
        ...incoming,
        personId: existing?.personId ?? '',
        originPersonId: existing?.originPersonId ?? this.#mint(),
      };
      if (existing !== undefined) this.#touchedPeople.add(existing.personId);
      this.#touchedSources.add(record.key);
      this.#change(record.key, record);
    }
    if (!this.#deferWrites) await this.#flush();
  }

  async sourcesOfProvider(provider: string): Promise<string[]> {
    const stored =
      this.#snapshot === undefined
        ? await this.#sources.index('byProvider').getAllKeys(provider)
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
      (this.#snapshot === undefined ? await this.#sources.index('byPerson').getAll(personId) : []);
    const members: SourceRecord[] = [];
    for (const member of stored) {
      if (!this.#cache.has(member.key)) this.#cache.set(member.key, member);
      const current = this.#cache.get(member.key);
      if (current !== undefined && current.personId === personId) members.push(current);
    }
    return members;
  }

  touchPerson(personId: string): void {
    this.#touchedPeople.add(personId);
  }

  /**
   * Every decision naming one of the keys, in the order per-key lookups would find them (key by key,
   * each key's decisions by decision key). An empty or small decision store is read whole instead.
   */
  async decisionsFor(keys: Iterable<string>): Promise<Decision[]> {
    const wanted = [...keys];
    const total = await this.#decisions.count();
    if (total === 0 || wanted.length === 0) return [];
    let perKey: Decision[][];
    if (total <= wanted.length) {
      const byMember = new Map<string, Decision[]>();
      for (const decision of await this.#decisions.getAll()) {
        for (const member of new Set(decision.members)) pushTo(byMember, member, decision);
      }
      perKey = wanted.map((key) => byMember.get(key) ?? []);
    } else {
      perKey = await Promise.all(wanted.map((key) => this.#decisions.index('byMember').getAll(key)));
    }
    const found = new Map<string, Decision>();
    for (const list of perKey) for (const decision of list) found.set(decision.key, decision);
    return [...found.values()];
  }

  async putDecision(decision: Decision): Promise<void> {
    await this.#decisions.put(decision);
  }

  async deleteDecision(key: string): Promise<void> {
    await this.#decisions.delete(key);
  }

  /**
   * Regroups everyone the edits touched. The neighbourhood is the touched people, the touched sources,
   * one hop of candidates sharing a phone or email key (keys held by more than MAX_BUCKET records are
   * shared lines, not identity) and sources the user tied to them; it is regrouped as a whole. Then
   * every changed source is written once, with its person.
   *
   * Each step reads what it needs in one batch, then builds the neighbourhood in exactly the order
   * the step-by-step walk would, so the clusters (and the ids they keep) do not depend on the batching.
   */
  async regroup(): Promise<{ peopleWritten: number; peopleRemoved: number }> {
    const neighbourhood = new Map<string, SourceRecord>();
    const oldPeople = new Set<string>();
    const sharedNumbers = new Set<string>();
    const membersByPerson = new Map<string, SourceRecord[]>();
    const loadMembers = async (personIds: Iterable<string>) => {
      const missing = [...new Set(personIds)].filter((id) => id !== '' && !membersByPerson.has(id));
      if (missing.length === 0) return;
      await this.#snapshotIfCheaper(missing.length, LOOKUP_COST_IN_SOURCES);
      const lists = await Promise.all(missing.map((id) => this.membersOf(id)));
      missing.forEach((id, i) => {
        membersByPerson.set(id, lists[i]!);
      });
    };
    const addPerson = (personId: string) => {
      if (personId === '' || oldPeople.has(personId)) return;
      oldPeople.add(personId);
      for (const member of membersByPerson.get(personId)!) neighbourhood.set(member.key, member);
    };
    await loadMembers(this.#touchedPeople);
    for (const personId of this.#touchedPeople) addPerson(personId);
    await this.#load(this.#touchedSources);
    for (const key of this.#touchedSources) {
      const source = this.#cache.get(key);
      if (source !== undefined) neighbourhood.set(key, source);
    }
    const seeds = [...neighbourhood.values()];
    const holders = await this.#holdersOf(seeds);
    const candidates = seeds.map((seed) => this.#candidatesOf(seed, holders, sharedNumbers));
    await loadMembers(candidates.flat().map((candidate) => candidate.personId));
    for (const found of candidates) {
      for (const candidate of found) {
        if (!neighbourhood.has(candidate.key)) {
          neighbourhood.set(candidate.key, candidate);
          addPerson(candidate.personId);
        }
      }
    }
    // The user's ties reach as far as they go: a partner's person may hold sources tied to others still,
    // and a tie left out of the picture would be undone by this regroup (a merged person split apart).
    const decided = new Map<string, Decision>();
    const asked = new Set<string>();
    for (;;) {
      const keys = [...neighbourhood.keys()].filter((key) => !asked.has(key));
      if (keys.length === 0) break;
      for (const key of keys) asked.add(key);
      for (const decision of await this.decisionsFor(keys)) decided.set(decision.key, decision);
      const partnerKeys = [...decided.values()]
        .filter((decision) => decision.kind === 'together')
        .flatMap((decision) => decision.members)
        .filter((key) => !neighbourhood.has(key));
      await this.#load(partnerKeys);
      await loadMembers(partnerKeys.map((key) => this.#cache.get(key)?.personId ?? ''));
      for (const key of partnerKeys) {
        const partner = neighbourhood.has(key) ? undefined : this.#cache.get(key);
        if (partner !== undefined) {
          neighbourhood.set(key, partner);
          addPerson(partner.personId);
        }
      }
    }
    const decisions = [...decided.values()];
    // Whether a number or address is shared is asked of its holders for every source of the
    // neighbourhood, not only the seeds: two candidates pulled in through someone else may meet on a
    // landline whose other holders (the "Jr.") only the index knows.
    const seedKeys = new Set(seeds.map((seed) => seed.key));
    const others = [...neighbourhood.values()].filter((source) => !seedKeys.has(source.key));
    const moreHolders = await this.#holdersOf(others, holders);
    for (const [lookup, list] of moreHolders) {
      const [index, key] = lookupOf(lookup);
      markShared(sharedNumbers, identifierKey(index, key), list);
    }

    const clusters = clusterSources([...neighbourhood.values()], decisions, sharedNumbers);
    const outside = [
      ...new Set(
        clusters.flatMap((cluster) =>
          cluster.members
            .map((member) => member.originPersonId)
            .filter((id) => !oldPeople.has(id) && !this.#fresh.has(id)),
        ),
      ),
    ];
    const existing = await Promise.all(outside.map((id) => this.tx.get(id)));
    const taken = new Set(outside.filter((_, i) => existing[i] !== undefined));
    const ids = assignPersonIds(clusters, taken, () => this.#mint());
    const stored = ids.filter((id) => !this.#fresh.has(id));
    const previousRecords = await Promise.all(stored.map((id) => this.tx.get(id)));
    const previousOf = new Map(stored.map((id, i) => [id, previousRecords[i]]));

    const personWrites: WriteOperation<PersonRecord>[] = [];
    let peopleWritten = 0;
    const kept = new Set(ids);
    for (const [index, cluster] of clusters.entries()) {
      const id = ids[index]!;
      for (const member of cluster.members) {
        if (member.personId !== id) this.#change(member.key, { ...member, personId: id });
      }
      const previous = previousOf.get(id);
      const record: PersonRecord = withOnceReadableAt(
        { id, pointers: cluster.members.map(pointerOf), reasons: cluster.reasons },
        previous,
      );
      if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(record)) {
        personWrites.push({ operation: 'put', id, data: record });
        peopleWritten += 1;
      }
    }
    let peopleRemoved = 0;
    for (const id of oldPeople) {
      if (!kept.has(id)) {
        personWrites.push({ operation: 'remove', id });
        peopleRemoved += 1;
      }
    }
    await Promise.all([this.#flush(), this.tx.bulk(personWrites)]);
    // Written now: a later regroup in this transaction must look these ids up like any other.
    for (const id of ids) this.#fresh.delete(id);
    this.#touchedPeople.clear();
    this.#touchedSources.clear();
    return { peopleWritten, peopleRemoved };
  }

  /** Writes every pending source once; the snapshot and the stored count are stale afterwards. */
  async #flush(): Promise<void> {
    const writes = [...this.#pending].map(
      ([key, record]) =>
        () =>
          record === null ? this.#sources.delete(key) : this.#sources.put(record),
    );
    this.#pending.clear();
    this.#pendingStored = 0;
    this.#snapshot = undefined;
    this.#storedCount = undefined;
    await issueAll(writes);
  }

  /**
   * For every phone and email key of the seeds, its holders as the index would answer (first
   * MAX_BUCKET + 1 in key order) if every pending source had been written: the stored holders, less
   * the pending sources, plus the pending sources that hold the key. Lookups in `known` are not asked again.
   */
  async #holdersOf(
    seeds: readonly SourceRecord[],
    known: ReadonlyMap<string, unknown> = new Map(),
  ): Promise<Map<string, SourceRecord[]>> {
    const wanted = new Map<string, [LookupIndex, string]>();
    for (const seed of seeds) {
      for (const [index, key] of lookupsOf(seed)) {
        const lookup = lookupKey(index, key);
        if (!known.has(lookup)) wanted.set(lookup, [index, key]);
      }
    }
    const lookups = [...wanted];
    const snapshot = await this.#snapshotIfCheaper(lookups.length, LOOKUP_COST_IN_SOURCES);
    const limit = MAX_BUCKET + 1 + this.#pendingStored;
    const stored =
      snapshot === undefined
        ? await Promise.all(lookups.map(([, [index, key]]) => this.#sources.index(index).getAll(key, limit)))
        : lookups.map(([lookup]) => snapshot.byLookup.get(lookup) ?? []);
    const pendingHolders = new Map<string, SourceRecord[]>();
    for (const record of this.#pending.values()) {
      if (record === null) continue;
      for (const [index, key] of lookupsOf(record)) pushTo(pendingHolders, lookupKey(index, key), record);
    }
    const holders = new Map<string, SourceRecord[]>();
    lookups.forEach(([lookup], i) => {
      const current = stored[i]!.filter((source) => !this.#pending.has(source.key));
      const added = pendingHolders.get(lookup) ?? [];
      const all = added.length === 0 ? current : [...current, ...added].sort(byKeyOrder);
      holders.set(lookup, all.slice(0, MAX_BUCKET + 1));
    });
    return holders;
  }

  #candidatesOf(
    source: SourceRecord,
    holdersByKey: ReadonlyMap<string, readonly SourceRecord[]>,
    sharedNumbers: Set<string>,
  ): SourceRecord[] {
    const found: SourceRecord[] = [];
    for (const [index, key] of lookupsOf(source)) {
      const holders = holdersByKey.get(lookupKey(index, key)) ?? [];
      // People who cannot be one person carry this number or address: a family landline, not identity.
      markShared(sharedNumbers, identifierKey(index, key), holders);
      if (holders.length > MAX_BUCKET) continue;
      for (const holder of holders) {
        const current = this.#cache.has(holder.key) ? this.#cache.get(holder.key) : holder;
        if (current !== undefined && current.key !== source.key) found.push(current);
      }
    }
    return found;
  }
}

function pointerOf(source: SourceRecord): Pointer {
  return {
    provider: source.provider,
    contactId: source.contactId,
    accessLevel: source.accessLevel,
    revision: source.revision,
  };
}
