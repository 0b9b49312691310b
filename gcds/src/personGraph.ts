import type { ExtraObjectStore, OwnerTransaction, PersonRecord, Pointer, WriteOperation } from '@gcds/shared';
import { v7 as uuidv7 } from 'uuid';
import { assignPersonIds, clusterSources, MAX_BUCKET } from './clustering';
import { issueAll } from './issueAll';
import type { Decision, SourceRecord } from './types';

/** A source as the GCDS is told of it: identity, revision and match keys, without person assignment. */
export type IncomingSource = Omit<SourceRecord, 'personId' | 'originPersonId'>;

/** One change of a provider's sources, in the order the provider's sync delivered it. */
export type SourceChange = { upsert: IncomingSource } | { remove: string };

/**
 * The GCDS's people, edited inside one owner transaction: sources come and go, and every person they
 * touch (and its candidates by phone and email) is regrouped. Everything awaited here is a request of
 * that transaction, so it commits or aborts as one.
 *
 * Reads are issued in batches and awaited together, and writes are issued without waiting for each:
 * IndexedDB runs a transaction's requests in order, so a later read still sees every earlier write, and
 * the outcome is that of one await after another, in a few round trips per batch instead of several
 * per source (what a real, out-of-process IndexedDB makes expensive).
 */
export class PersonGraph {
  readonly #sources: ExtraObjectStore<'readwrite'>;
  readonly #decisions: ExtraObjectStore<'readwrite'>;
  readonly #cache = new Map<string, SourceRecord | undefined>();
  readonly #touchedPeople = new Set<string>();
  readonly #touchedSources = new Set<string>();
  /** Ids minted in this transaction: no stored record can have one, so nobody looks them up. */
  readonly #fresh = new Set<string>();

  constructor(private readonly tx: OwnerTransaction<PersonRecord>) {
    this.#sources = tx.objectStore('sources');
    this.#decisions = tx.objectStore('decisions');
  }

  async getSource(key: string): Promise<SourceRecord | undefined> {
    await this.#load([key]);
    return this.#cache.get(key);
  }

  /** Reads every source not known yet in one batch of requests. */
  async #load(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.#cache.has(key));
    const found = await Promise.all(missing.map((key) => this.#sources.get(key)));
    missing.forEach((key, i) => {
      if (!this.#cache.has(key)) this.#cache.set(key, found[i] as SourceRecord | undefined);
    });
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
    await this.#load(changes.map((change) => ('upsert' in change ? change.upsert.key : change.remove)));
    const writes: Array<() => Promise<unknown>> = [];
    for (const change of changes) {
      if ('remove' in change) {
        const key = change.remove;
        const existing = this.#cache.get(key);
        if (existing === undefined) continue;
        this.#touchedPeople.add(existing.personId);
        this.#touchedSources.delete(key);
        this.#cache.set(key, undefined);
        writes.push(() => this.#sources.delete(key));
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
      this.#cache.set(record.key, record);
      writes.push(() => this.#sources.put(record));
    }
    await issueAll(writes);
  }

  async sourcesOfProvider(provider: string): Promise<string[]> {
    return (await this.#sources.index('byProvider').getAllKeys(provider)) as string[];
  }

  async membersOf(personId: string): Promise<SourceRecord[]> {
    const members = (await this.#sources.index('byPerson').getAll(personId)) as SourceRecord[];
    return members
      .map((member) => {
        const cached = this.#cache.get(member.key);
        if (!this.#cache.has(member.key)) this.#cache.set(member.key, member);
        return cached ?? member;
      })
      .filter((member) => this.#cache.get(member.key) !== undefined);
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
      for (const decision of (await this.#decisions.getAll()) as Decision[]) {
        for (const member of new Set(decision.members)) {
          const list = byMember.get(member);
          if (list === undefined) byMember.set(member, [decision]);
          else list.push(decision);
        }
      }
      perKey = wanted.map((key) => byMember.get(key) ?? []);
    } else {
      perKey = (await Promise.all(
        wanted.map((key) => this.#decisions.index('byMember').getAll(key)),
      )) as Decision[][];
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
   * shared lines, not identity) and sources the user tied to them; it is regrouped as a whole.
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
    const candidates = await Promise.all(seeds.map((seed) => this.#candidatesOf(seed, sharedNumbers)));
    await loadMembers(candidates.flat().map((candidate) => candidate.personId));
    for (const found of candidates) {
      for (const candidate of found) {
        if (!neighbourhood.has(candidate.key)) {
          neighbourhood.set(candidate.key, candidate);
          addPerson(candidate.personId);
        }
      }
    }
    const decisions = await this.decisionsFor(neighbourhood.keys());
    const together = decisions.filter((decision) => decision.kind === 'together');
    const partnerKeys = together
      .flatMap((decision) => decision.members)
      .filter((key) => !neighbourhood.has(key));
    await this.#load(partnerKeys);
    await loadMembers(partnerKeys.map((key) => this.#cache.get(key)?.personId ?? ''));
    for (const decision of together) {
      for (const key of decision.members) {
        const partner = neighbourhood.has(key) ? undefined : this.#cache.get(key);
        if (partner !== undefined) {
          neighbourhood.set(key, partner);
          addPerson(partner.personId);
        }
      }
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

    const sourceWrites: Array<() => Promise<unknown>> = [];
    const personWrites: WriteOperation<PersonRecord>[] = [];
    let peopleWritten = 0;
    const kept = new Set(ids);
    for (const [index, cluster] of clusters.entries()) {
      const id = ids[index]!;
      for (const member of cluster.members) {
        if (member.personId !== id) {
          const moved = { ...member, personId: id };
          this.#cache.set(member.key, moved);
          sourceWrites.push(() => this.#sources.put(moved));
        }
      }
      const record: PersonRecord = { id, pointers: cluster.members.map(pointerOf), reasons: cluster.reasons };
      const previous = previousOf.get(id);
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
    await Promise.all([issueAll(sourceWrites), this.tx.bulk(personWrites)]);
    // Written now: a later regroup in this transaction must look these ids up like any other.
    for (const id of ids) this.#fresh.delete(id);
    this.#touchedPeople.clear();
    this.#touchedSources.clear();
    return { peopleWritten, peopleRemoved };
  }

  async #candidatesOf(source: SourceRecord, sharedNumbers: Set<string>): Promise<SourceRecord[]> {
    const lookups: Array<[string, string]> = [
      ...source.phoneKeys.map((key): [string, string] => ['byPhone', key]),
      ...source.emails.map((email): [string, string] => ['byEmail', email]),
    ];
    const results = (await Promise.all(
      lookups.map(([index, key]) => this.#sources.index(index).getAll(key, MAX_BUCKET + 1)),
    )) as SourceRecord[][];
    const found: SourceRecord[] = [];
    lookups.forEach(([index, key], i) => {
      const holders = results[i]!;
      if (holders.length > MAX_BUCKET) {
        sharedNumbers.add(key);
        return;
      }
      if (index === 'byPhone' && new Set(holders.map((h) => h.nameKeys[0] ?? h.key)).size > 1) {
        // Differently named people carry this number: a family landline, not anyone's identity.
        sharedNumbers.add(key);
      }
      for (const holder of holders) {
        const current = this.#cache.has(holder.key) ? this.#cache.get(holder.key) : holder;
        if (current !== undefined && current.key !== source.key) found.push(current);
      }
    });
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
