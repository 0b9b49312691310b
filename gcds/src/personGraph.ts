import {
  type ExtraObjectStore,
  type PersonRecord,
  type Pointer,
  type WriteOperation,
  withOnceReadableAt,
} from '@gcds/shared';
import { v7 as uuidv7 } from 'uuid';
import { assignPersonIds, clusterSources, MAX_BUCKET } from './clustering';
import { chosenNameSource, hiddenSources, isHiddenPerson } from './decisions';
import { PendingSources, type SourceMirror, type WholeReads } from './pendingSources';
import type { GcdsSchema, GcdsTransaction } from './schema';
import { identifierKey, markShared } from './sharedIdentifiers';
import { lookupKey, lookupOf, lookupsOf, pushTo } from './sourceLookups';
import type { Decision, SourceRecord } from './types';

/** A source as the GCDS is told of it: identity, revision and match keys, without person assignment. */
export type IncomingSource = Omit<SourceRecord, 'personId' | 'originPersonId'>;

/** One change of a provider's sources, in the order the provider's sync delivered it. */
export type SourceChange = { upsert: IncomingSource } | { remove: string };

export interface PersonGraphOptions {
  /** When to read the stored sources whole: `auto`, when cheaper than asking the indexes key by key. */
  wholeReads?: WholeReads;
  /**
   * Hold changed sources until the regroup writes them once (default). `false` writes each batch at
   * once, as the indexes then answer for themselves: the reference the deferred answers are tested to.
   */
  deferWrites?: boolean;
  /** The sources as the last committed transaction left them, kept across transactions (see SourceMirror). */
  mirror?: SourceMirror;
  /** The decisions likewise (see DecisionMirror). */
  decisionMirror?: DecisionMirror;
}

/**
 * Every decision, by key, as the GCDS's last committed transaction left them: kept across transactions
 * by the GCDS (their only writer) so a regroup need not count and read them again. A transaction reads
 * through it and writes into it; whoever runs the transaction drops it (`decisions = undefined`) when
 * it does not commit.
 */
export interface DecisionMirror {
  decisions: Map<string, Decision> | undefined;
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
  readonly #sources: PendingSources;
  readonly #decisions: ExtraObjectStore<GcdsSchema, 'decisions', 'readwrite'>;
  readonly #decisionMirror: DecisionMirror | undefined;
  readonly #touchedPeople = new Set<string>();
  readonly #touchedSources = new Set<string>();
  /** Ids minted in this transaction: no stored record can have one, so nobody looks them up. */
  readonly #fresh = new Set<string>();
  readonly #deferWrites: boolean;
  #sourceCountChange = 0;

  constructor(
    private readonly tx: GcdsTransaction,
    options: PersonGraphOptions = {},
  ) {
    this.#sources = new PendingSources(
      tx.objectStore('sources'),
      options.wholeReads ?? 'auto',
      options.mirror,
    );
    this.#decisions = tx.objectStore('decisions');
    this.#decisionMirror = options.decisionMirror;
    this.#deferWrites = options.deferWrites ?? true;
  }

  async getSource(key: string): Promise<SourceRecord | undefined> {
    await this.#sources.load([key]);
    return this.#sources.current(key);
  }

  /** How many sources this transaction's changes add (negative: remove) to those stored. */
  get sourceCountChange(): number {
    return this.#sourceCountChange;
  }

  #mint(): string {
    const id = uuidv7();
    this.#fresh.add(id);
    return id;
  }

  /**
   * Applies a provider's changes in order: an upsert keeps the source's person (a new source has none
   * until the next regroup) and touches it; a remove touches the person it leaves.
   */
  async apply(changes: readonly SourceChange[]): Promise<void> {
    await this.#sources.load(
      changes.map((change) => ('upsert' in change ? change.upsert.key : change.remove)),
    );
    for (const change of changes) {
      if ('remove' in change) {
        const key = change.remove;
        const existing = this.#sources.current(key);
        if (existing === undefined) continue;
        this.#sourceCountChange -= 1;
        this.#touchedPeople.add(existing.personId);
        this.#touchedSources.delete(key);
        this.#sources.change(key, undefined);
        continue;
      }
      const incoming = change.upsert;
      const existing = this.#sources.current(incoming.key);
      const record: SourceRecord = {
        ...incoming,
        personId: existing?.personId ?? '',
        originPersonId: existing?.originPersonId ?? this.#mint(),
      };
      if (existing !== undefined) this.#touchedPeople.add(existing.personId);
      else this.#sourceCountChange += 1;
      this.#touchedSources.add(record.key);
      this.#sources.change(record.key, record);
    }
    if (!this.#deferWrites) await this.#sources.flush();
  }

  async sourcesOfProvider(provider: string): Promise<string[]> {
    return this.#sources.sourcesOfProvider(provider);
  }

  async membersOf(personId: string): Promise<SourceRecord[]> {
    return this.#sources.membersOf(personId);
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
    const kept = this.#decisionMirror?.decisions;
    if (kept !== undefined) return decisionsNaming(kept.values(), wanted);
    if (this.#decisionMirror !== undefined) {
      const all = await this.#decisions.getAll();
      this.#decisionMirror.decisions = new Map(all.map((decision) => [decision.key, decision]));
      return decisionsNaming(all, wanted);
    }
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
    this.#decisionMirror?.decisions?.set(decision.key, decision);
  }

  async deleteDecision(key: string): Promise<void> {
    await this.#decisions.delete(key);
    this.#decisionMirror?.decisions?.delete(key);
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
      await this.#sources.readWholeIfCheaperThan(missing.length);
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
    await this.#sources.load(this.#touchedSources);
    for (const key of this.#touchedSources) {
      const source = this.#sources.current(key);
      if (source !== undefined) neighbourhood.set(key, source);
    }
    const seeds = [...neighbourhood.values()];
    const holders = await this.#sources.holdersOf(seeds);
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
      await this.#sources.load(partnerKeys);
      await loadMembers(partnerKeys.map((key) => this.#sources.current(key)?.personId ?? ''));
      for (const key of partnerKeys) {
        const partner = neighbourhood.has(key) ? undefined : this.#sources.current(key);
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
    const moreHolders = await this.#sources.holdersOf(others, holders);
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
    // Every id a cluster may keep is a member's person or origin (or minted now): all read in one round.
    const mayKeep = [
      ...new Set(
        clusters.flatMap((cluster) =>
          cluster.members.flatMap((member) => [member.personId, member.originPersonId]),
        ),
      ),
    ].filter((id) => id !== '' && !this.#fresh.has(id));
    const found = await Promise.all(mayKeep.map((id) => this.tx.get(id)));
    const previousOf = new Map(mayKeep.map((id, i) => [id, found[i]]));
    const taken = new Set(outside.filter((id) => previousOf.get(id) !== undefined));
    const ids = assignPersonIds(clusters, taken, () => this.#mint());

    const hidden = hiddenSources(decisions);
    const naming = decisions.filter((decision) => decision.nameFrom !== undefined);
    const personWrites: WriteOperation<PersonRecord>[] = [];
    let peopleWritten = 0;
    const kept = new Set(ids);
    for (const [index, cluster] of clusters.entries()) {
      const id = ids[index]!;
      for (const member of cluster.members) {
        if (member.personId !== id) this.#sources.change(member.key, { ...member, personId: id });
      }
      const previous = previousOf.get(id);
      // Most regroups hide nobody and name nobody: the members' keys are looked at only when they might.
      const memberKeys =
        hidden.size > 0 || naming.length > 0 ? cluster.members.map((member) => member.key) : [];
      const nameFrom = naming.length === 0 ? undefined : chosenNameSource(new Set(memberKeys), naming);
      const named =
        nameFrom === undefined ? undefined : cluster.members.find((member) => member.key === nameFrom);
      const person: PersonRecord = {
        id,
        pointers: cluster.members.map(pointerOf),
        reasons: cluster.reasons,
        ...(named === undefined
          ? {}
          : { nameFrom: { provider: named.provider, contactId: named.contactId } }),
      };
      if (hidden.size > 0 && isHiddenPerson(memberKeys, hidden)) person.hidden = true;
      const record = withOnceReadableAt(person, previous);
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
    await Promise.all([this.#sources.flush(), this.tx.bulk(personWrites)]);
    // Written now: a later regroup in this transaction must look these ids up like any other.
    for (const id of ids) this.#fresh.delete(id);
    this.#touchedPeople.clear();
    this.#touchedSources.clear();
    return { peopleWritten, peopleRemoved };
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
        const current = this.#sources.currentOf(holder);
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

/**
 * The decisions naming one of the keys, in the order per-key index lookups would find them: key by key,
 * each key's decisions by decision key, each decision once.
 */
function decisionsNaming(all: Iterable<Decision>, keys: readonly string[]): Decision[] {
  const wanted = new Set(keys);
  const byMember = new Map<string, Decision[]>();
  for (const decision of all) {
    for (const member of new Set(decision.members))
      if (wanted.has(member)) pushTo(byMember, member, decision);
  }
  const found = new Map<string, Decision>();
  for (const key of keys) {
    const list = (byMember.get(key) ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const decision of list) found.set(decision.key, decision);
  }
  return [...found.values()];
}
