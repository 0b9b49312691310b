import type { ExtraObjectStore, OwnerTransaction, PersonRecord, Pointer } from '@gcds/shared';
import { v7 as uuidv7 } from 'uuid';
import { assignPersonIds, clusterSources, MAX_BUCKET } from './clustering';
import type { Decision, SourceRecord } from './types';

/** A source as the GCDS is told of it: identity, revision and match keys, without person assignment. */
export type IncomingSource = Omit<SourceRecord, 'personId' | 'originPersonId'>;

/**
 * The GCDS's people, edited inside one owner transaction: sources come and go, and every person they
 * touch (and its candidates by phone and email) is regrouped. Everything awaited here is a request of
 * that transaction, so it commits or aborts as one.
 */
export class PersonGraph {
  readonly #sources: ExtraObjectStore<'readwrite'>;
  readonly #decisions: ExtraObjectStore<'readwrite'>;
  readonly #cache = new Map<string, SourceRecord | undefined>();
  readonly #touchedPeople = new Set<string>();
  readonly #touchedSources = new Set<string>();

  constructor(private readonly tx: OwnerTransaction<PersonRecord>) {
    this.#sources = tx.objectStore('sources');
    this.#decisions = tx.objectStore('decisions');
  }

  async getSource(key: string): Promise<SourceRecord | undefined> {
    if (this.#cache.has(key)) return this.#cache.get(key);
    const source = (await this.#sources.get(key)) as SourceRecord | undefined;
    this.#cache.set(key, source);
    return source;
  }

  async upsert(incoming: IncomingSource): Promise<void> {
    const existing = await this.getSource(incoming.key);
    const record: SourceRecord = {
      ...incoming,
      personId: existing?.personId ?? '',
      originPersonId: existing?.originPersonId ?? uuidv7(),
    };
    if (existing !== undefined) this.#touchedPeople.add(existing.personId);
    this.#touchedSources.add(record.key);
    this.#cache.set(record.key, record);
    await this.#sources.put(record);
  }

  async remove(key: string): Promise<void> {
    const existing = await this.getSource(key);
    if (existing === undefined) return;
    this.#touchedPeople.add(existing.personId);
    this.#touchedSources.delete(key);
    this.#cache.set(key, undefined);
    await this.#sources.delete(key);
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

  async decisionsFor(keys: Iterable<string>): Promise<Decision[]> {
    const found = new Map<string, Decision>();
    for (const key of keys) {
      for (const decision of (await this.#decisions.index('byMember').getAll(key)) as Decision[]) {
        found.set(decision.key, decision);
      }
    }
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
   */
  async regroup(): Promise<{ peopleWritten: number; peopleRemoved: number }> {
    const neighbourhood = new Map<string, SourceRecord>();
    const oldPeople = new Set<string>();
    const sharedNumbers = new Set<string>();
    const addPerson = async (personId: string) => {
      if (personId === '' || oldPeople.has(personId)) return;
      oldPeople.add(personId);
      for (const member of await this.membersOf(personId)) neighbourhood.set(member.key, member);
    };
    for (const personId of this.#touchedPeople) await addPerson(personId);
    for (const key of this.#touchedSources) {
      const source = await this.getSource(key);
      if (source !== undefined) neighbourhood.set(key, source);
    }
    const seeds = [...neighbourhood.values()];
    for (const seed of seeds) {
      for (const candidate of await this.#candidatesOf(seed, sharedNumbers)) {
        if (!neighbourhood.has(candidate.key)) {
          neighbourhood.set(candidate.key, candidate);
          await addPerson(candidate.personId);
        }
      }
    }
    const decisions = await this.decisionsFor(neighbourhood.keys());
    for (const decision of decisions) {
      if (decision.kind !== 'together') continue;
      for (const key of decision.members) {
        const partner = neighbourhood.has(key) ? undefined : await this.getSource(key);
        if (partner !== undefined) {
          neighbourhood.set(key, partner);
          await addPerson(partner.personId);
        }
      }
    }

    const clusters = clusterSources([...neighbourhood.values()], decisions, sharedNumbers);
    const taken = new Set<string>();
    for (const cluster of clusters) {
      for (const member of cluster.members) {
        const id = member.originPersonId;
        if (!oldPeople.has(id) && (await this.tx.get(id)) !== undefined) taken.add(id);
      }
    }
    const ids = assignPersonIds(clusters, taken, uuidv7);
    let peopleWritten = 0;
    const kept = new Set(ids);
    for (const [index, cluster] of clusters.entries()) {
      const id = ids[index]!;
      for (const member of cluster.members) {
        if (member.personId !== id) {
          const moved = { ...member, personId: id };
          this.#cache.set(member.key, moved);
          await this.#sources.put(moved);
        }
      }
      const record: PersonRecord = { id, pointers: cluster.members.map(pointerOf), reasons: cluster.reasons };
      const previous = await this.tx.get(id);
      if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(record)) {
        await this.tx.put(id, record);
        peopleWritten += 1;
      }
    }
    let peopleRemoved = 0;
    for (const id of oldPeople) {
      if (!kept.has(id)) {
        await this.tx.remove(id);
        peopleRemoved += 1;
      }
    }
    this.#touchedPeople.clear();
    this.#touchedSources.clear();
    return { peopleWritten, peopleRemoved };
  }

  async #candidatesOf(source: SourceRecord, sharedNumbers: Set<string>): Promise<SourceRecord[]> {
    const found: SourceRecord[] = [];
    const lookups: Array<[string, string]> = [
      ...source.phoneKeys.map((key): [string, string] => ['byPhone', key]),
      ...source.emails.map((email): [string, string] => ['byEmail', email]),
    ];
    for (const [index, key] of lookups) {
      const holders = (await this.#sources.index(index).getAll(key, MAX_BUCKET + 1)) as SourceRecord[];
      if (holders.length > MAX_BUCKET) {
        sharedNumbers.add(key);
        continue;
      }
      if (index === 'byPhone' && new Set(holders.map((h) => h.nameKeys[0] ?? h.key)).size > 1) {
        // Differently named people carry this number: a family landline, not anyone's identity.
        sharedNumbers.add(key);
      }
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
