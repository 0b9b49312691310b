import {
  type AppIdentity,
  type Contact,
  type DataStoreAnnouncement,
  type DataStorePlatform,
  type DataStoreReader,
  type OwnerTransaction,
  type PersonRecord,
  PROVIDER_STORE_NAME,
  READABLE_POINTERS_POLICY,
  type SourceRef,
  type SyncTask,
  sourceKey,
  type TransactionalDataStoreOwner,
} from '@gcds/shared';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { decisionKey } from './clustering';
import { MATCH_KEYS_VERSION, type SourceMatchKeys, sourceMatchKeys } from './matchKeys';
import { type IncomingSource, PersonGraph, type SourceChange } from './personGraph';
import { GCDS_SCHEMA, GCDS_STORES } from './schema';
import { suggestionFor } from './suggestions';
import type { Decision, DuplicateSuggestion, GcdsStatus, ProviderCursor, SourceRecord } from './types';

export const GCDS_APP_ID = 'gcds';
export const GCDS_STORE_NAME = 'gcds';

export interface GcdsOptions {
  platform: DataStorePlatform;
  /** The GCDS's identity, issued by the shell (certified: it reads every provider). */
  identity: AppIdentity;
  /** Default phone region for numbers without a country code. */
  region?: string;
  now?: () => number;
  /**
   * Called inside every transaction just before it commits, with a label (`sync:local`, `merge`…).
   * Throwing aborts that transaction: crash-injection tests kill the service at every boundary this way.
   */
  beforeCommit?: (label: string) => void;
}

type Job = () => Promise<void>;

/**
 * The headless Global Contacts DataStore. It discovers provider stores through the platform, syncs each
 * from its own cursor, and keeps one record per person as pointers to provider records. A provider batch,
 * the regrouping it causes and the provider's cursor commit in ONE transaction, so a kill at any moment
 * loses and doubles nothing; a provider's first population is one transaction too, so no consumer ever
 * sees half of it.
 */
export class Gcds {
  readonly #options: GcdsOptions;
  readonly #store: TransactionalDataStoreOwner<PersonRecord>;
  readonly #providers = new Map<string, { reader: DataStoreReader<Contact>; subscription: Subscription }>();
  readonly #dirty = new Set<string>();
  readonly #cursors = new Map<string, ProviderCursor>();
  readonly #status: BehaviorSubject<GcdsStatus>;
  readonly #subscriptions: Subscription[] = [];
  #queue: Promise<void> = Promise.resolve();
  #pendingRun: Promise<void> | undefined;
  #announcements: Promise<void> = Promise.resolve();
  #stopped = false;

  readonly status$: Observable<GcdsStatus>;

  private constructor(options: GcdsOptions, store: TransactionalDataStoreOwner<PersonRecord>) {
    this.#options = options;
    this.#store = store;
    this.#status = new BehaviorSubject<GcdsStatus>({
      state: 'idle',
      revision: 0,
      providers: [],
      transactions: 0,
    });
    this.status$ = this.#status.asObservable();
  }

  /** Opens (or creates) the GCDS store, picks up every provider store and syncs them. */
  static async start(options: GcdsOptions): Promise<Gcds> {
    const store = await options.platform.ownStore<PersonRecord>(
      options.identity,
      {
        name: GCDS_STORE_NAME,
        access: 'readonly',
        accessLevel: 'web',
        rowPolicy: READABLE_POINTERS_POLICY,
        description: 'Global Contacts DataStore: one record per person, pointers to provider records',
      },
      { schema: GCDS_SCHEMA },
    );
    const gcds = new Gcds(options, store);
    gcds.#subscriptions.push(options.platform.announcements$.subscribe((a) => gcds.#onAnnouncement(a)));
    await gcds.#discover();
    return gcds;
  }

  get store(): DataStoreReader<PersonRecord> {
    return this.#store;
  }

  /** Resolves once every sync asked for so far has committed. */
  async whenIdle(): Promise<void> {
    while (true) {
      const queue = this.#queue;
      const announcements = this.#announcements;
      // An announcement being checked is about to queue work: wait for it too.
      await announcements;
      await queue;
      if (this.#pendingRun !== undefined) await this.#pendingRun;
      if (queue === this.#queue && announcements === this.#announcements && this.#pendingRun === undefined)
        return;
    }
  }

  /** Syncs every known provider now (also what a restart does). */
  async syncNow(): Promise<void> {
    for (const provider of this.#providers.keys()) this.#dirty.add(provider);
    this.#scheduleRun();
    await this.whenIdle();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    for (const { subscription } of this.#providers.values()) subscription.unsubscribe();
    await this.#queue.catch(() => undefined);
    this.#update({ state: 'stopped' });
    this.#status.complete();
  }

  async getPerson(personId: string): Promise<PersonRecord | undefined> {
    return this.#store.get(personId);
  }

  async personOf(source: SourceRef): Promise<string | undefined> {
    const record = await this.#readSource(sourceKey(source));
    return record?.personId;
  }

  /** Every person id, in key order. */
  async personIds(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    while (true) {
      const page = await this.#store.keys(after, 1000);
      ids.push(...page);
      if (page.length < 1000) return ids;
      after = page.at(-1);
    }
  }

  /**
   * The user merges people. Stored as keep-together decisions between stable source identities, which
   * outlive re-syncs, edits and provider reinstalls; any keep-separate between them is withdrawn.
   */
  async merge(personIds: readonly string[]): Promise<string> {
    if (personIds.some((id) => typeof id !== 'string' || id === ''))
      throw new Error('merge needs person ids');
    if (new Set(personIds).size < 2) throw new Error('merge needs at least two different people');
    let result = '';
    await this.#enqueue(() =>
      this.#transact('merge', async (graph) => {
        const groups = await Promise.all(personIds.map((id) => graph.membersOf(id)));
        groups.forEach((group, i) => {
          if (group.length === 0) throw new Error(`no person ${personIds[i]}`);
        });
        const all = groups.flat();
        for (const a of all) {
          for (const b of all) {
            if (a.key < b.key && a.personId !== b.personId)
              await graph.deleteDecision(decisionKey(a.key, b.key));
          }
        }
        // Every pair across the people is tied: one tie per person would let a later removal, or a
        // passive pass that sees another name, split off the sources that hung on the untied ones.
        for (const [i, left] of groups.entries()) {
          for (const right of groups.slice(i + 1)) {
            for (const a of left) {
              for (const b of right) {
                if (a.key !== b.key) await graph.putDecision(this.#decision(a.key, b.key, 'together'));
              }
            }
          }
        }
        const anchor = groups[0]![0]!;
        for (const id of personIds) graph.touchPerson(id);
        await graph.regroup();
        result = (await graph.getSource(anchor.key))!.personId;
      }),
    );
    return result;
  }

  /**
   * The user splits a person back into its sources, or into chosen groups of them. Every pair across
   * groups is remembered as keep-separate, so no later automatic pass joins them again.
   */
  async unmerge(personId: string, groups?: readonly (readonly SourceRef[])[]): Promise<string[]> {
    let result: string[] = [];
    await this.#enqueue(() =>
      this.#transact('unmerge', async (graph) => {
        const members = await graph.membersOf(personId);
        if (members.length === 0) throw new Error(`no person ${personId}`);
        const keys = members.map((member) => member.key);
        const chosen = (groups ?? keys.map((key) => [key])).map((group) =>
          group.map((ref) => (typeof ref === 'string' ? ref : sourceKey(ref))),
        );
        const groupOf = new Map<string, number>();
        chosen.forEach((group, index) => {
          for (const key of group) {
            if (!keys.includes(key)) throw new Error(`${key} is not part of person ${personId}`);
            groupOf.set(key, index);
          }
        });
        // Sources not named in any group form one more group of their own.
        for (const key of keys) if (!groupOf.has(key)) groupOf.set(key, chosen.length);
        for (const a of keys) {
          for (const b of keys) {
            if (a < b && groupOf.get(a) !== groupOf.get(b)) {
              await graph.putDecision(this.#decision(a, b, 'separate'));
            }
          }
        }
        graph.touchPerson(personId);
        await graph.regroup();
        const ids = new Set<string>();
        for (const key of keys) ids.add((await graph.getSource(key))!.personId);
        result = [...ids];
      }),
    );
    return result;
  }

  /**
   * Looser than passive merge: people who look alike (similar names, a shared number or email), scored
   * for the user to accept (merge) or dismiss. Dismissed and kept-separate pairs are not suggested again.
   */
  async suggestDuplicates(personId: string, limit = 10): Promise<DuplicateSuggestion[]> {
    await this.whenIdle();
    return this.#store.readExtra(['sources', 'decisions'], async ([sources, decisionStore]) => {
      const members = (await sources!.index('byPerson').getAll(personId)) as SourceRecord[];
      const decisions = new Map<string, Decision>();
      const candidates = new Map<string, SourceRecord>();
      for (const member of members) {
        for (const d of (await decisionStore!.index('byMember').getAll(member.key)) as Decision[]) {
          decisions.set(d.key, d);
        }
        const lookups: Array<[string, string]> = [
          ...member.phoneKeys.map((k): [string, string] => ['byPhone', k]),
          ...member.emails.map((k): [string, string] => ['byEmail', k]),
          ...member.nameKeys.map((k): [string, string] => ['byName', k]),
          ...member.nameKeys.flatMap((k) =>
            k
              .split(' ')
              .filter((token) => token.length > 1)
              .map((token): [string, string] => ['byName', token]),
          ),
        ];
        for (const [index, key] of lookups) {
          for (const c of (await sources!.index(index).getAll(key, 200)) as SourceRecord[]) {
            if (c.personId !== personId) candidates.set(c.key, c);
          }
        }
      }
      const best = new Map<string, DuplicateSuggestion>();
      for (const candidate of candidates.values()) {
        for (const member of members) {
          const decision = decisions.get(decisionKey(member.key, candidate.key));
          if (decision?.kind === 'separate' || decision?.kind === 'dismissed') continue;
          const suggestion = suggestionFor(member, candidate);
          if (suggestion === undefined) continue;
          const previous = best.get(candidate.personId);
          if (previous === undefined || previous.score < suggestion.score) {
            best.set(candidate.personId, { personId: candidate.personId, ...suggestion });
          }
        }
      }
      const dismissed = new Set<string>();
      for (const suggestion of best.values()) {
        // Every source of the suggested person counts, not only those found through a shared key.
        const others = (await sources!.index('byPerson').getAll(suggestion.personId)) as SourceRecord[];
        for (const other of others) {
          for (const member of members) {
            const kind = decisions.get(decisionKey(member.key, other.key))?.kind;
            if (kind === 'dismissed' || kind === 'separate') dismissed.add(suggestion.personId);
          }
        }
      }
      return [...best.values()]
        .filter((s) => !dismissed.has(s.personId))
        .sort((x, y) => y.score - x.score || x.personId.localeCompare(y.personId))
        .slice(0, limit);
    });
  }

  /** Remembers that the user does not want `otherPersonId` suggested for `personId` (and vice versa). */
  async dismissSuggestion(personId: string, otherPersonId: string): Promise<void> {
    await this.#enqueue(() =>
      this.#transact('dismiss', async (graph) => {
        const left = await graph.membersOf(personId);
        const right = await graph.membersOf(otherPersonId);
        // A dismissal is the weakest decision: it never replaces a merge or an unmerge of a pair.
        const decided = new Set((await graph.decisionsFor(left.map((a) => a.key))).map((d) => d.key));
        for (const a of left) {
          for (const b of right) {
            if (!decided.has(decisionKey(a.key, b.key))) {
              await graph.putDecision(this.#decision(a.key, b.key, 'dismissed'));
            }
          }
        }
      }),
    );
  }

  #decision(a: string, b: string, kind: Decision['kind']): Decision {
    const members: [string, string] = a < b ? [a, b] : [b, a];
    return { key: decisionKey(a, b), members, kind, at: (this.#options.now ?? Date.now)() };
  }

  async #readSource(key: string): Promise<SourceRecord | undefined> {
    return this.#store.readExtra(['sources'], async ([sources]) => (await sources!.get(key)) as SourceRecord);
  }

  async #discover(): Promise<void> {
    // Only stores the provider registry installed are providers: any app may own a store of that name.
    const providers = (await this.#options.platform.listStores(PROVIDER_STORE_NAME)).filter(
      (info) => info.provider === true,
    );
    for (const info of providers) {
      this.#watch(
        await this.#options.platform.openStore<Contact>(
          this.#options.identity,
          PROVIDER_STORE_NAME,
          info.owner,
        ),
      );
    }
    // Providers uninstalled while the GCDS was not running: their people must go too.
    const cursors = await this.#store.readExtra(
      ['cursors'],
      async ([c]) => (await c!.getAll()) as ProviderCursor[],
    );
    for (const cursor of cursors) {
      this.#cursors.set(cursor.provider, cursor);
      if (!this.#providers.has(cursor.provider))
        await this.#enqueue(() => this.#forgetProvider(cursor.provider));
    }
    await this.syncNow();
  }

  /**
   * An announcement is acted on only as the platform's registry bears it out (a provider uninstalled is
   * gone from it, one installed is in it), one at a time in the order they came; nothing it starts may
   * reject unheard.
   */
  #onAnnouncement(announcement: DataStoreAnnouncement): void {
    if (this.#stopped || announcement.store.name !== PROVIDER_STORE_NAME) return;
    const provider = announcement.store.owner;
    this.#announcements = this.#announcements
      .then(async () => {
        const installed = await this.#isProvider(provider);
        if (this.#stopped) return;
        if (announcement.type === 'uninstalled') {
          if (installed) return;
          this.#providers.get(provider)?.subscription.unsubscribe();
          this.#providers.delete(provider);
          this.#dirty.delete(provider);
          await this.#enqueue(() => this.#forgetProvider(provider));
          return;
        }
        if (!installed) return;
        const reader = await this.#options.platform.openStore<Contact>(
          this.#options.identity,
          PROVIDER_STORE_NAME,
          provider,
        );
        this.#watch(reader);
        this.#dirty.add(provider);
        this.#scheduleRun();
      })
      .catch((error: unknown) => {
        this.#update({ lastError: error instanceof Error ? error.message : String(error) });
      });
  }

  /** Whether the registry has this provider's store now, installed through the provider registry. */
  async #isProvider(provider: string): Promise<boolean> {
    const stores = await this.#options.platform.listStores(PROVIDER_STORE_NAME);
    return stores.some((info) => info.owner === provider && info.provider === true);
  }

  #watch(reader: DataStoreReader<Contact>): void {
    this.#providers.get(reader.owner)?.subscription.unsubscribe();
    const subscription = reader.changes$.subscribe(() => {
      this.#dirty.add(reader.owner);
      this.#scheduleRun();
    });
    this.#providers.set(reader.owner, { reader, subscription });
  }

  /** Coalesces change events: however many arrive, one run drains every dirty provider. */
  #scheduleRun(): void {
    if (this.#pendingRun !== undefined || this.#stopped) return;
    this.#pendingRun = this.#enqueue(async () => {
      this.#pendingRun = undefined;
      while (this.#dirty.size > 0 && !this.#stopped) {
        const [provider] = this.#dirty;
        this.#dirty.delete(provider!);
        await this.#syncProvider(provider!);
      }
    });
  }

  #enqueue(job: Job): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#stopped) return;
      this.#update({ state: 'syncing' });
      try {
        await job();
        this.#update({ lastError: undefined });
      } catch (error) {
        this.#update({ lastError: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        this.#update({
          state: this.#stopped ? 'stopped' : 'idle',
          revision: await this.#store.getRevision(),
        });
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads everything the provider has after our cursor, then applies it with the cursor in one
   * transaction. Provider records are read and their keys computed before the transaction opens, since
   * a transaction must not wait on anything but itself.
   */
  async #syncProvider(provider: string): Promise<void> {
    const watched = this.#providers.get(provider);
    if (watched === undefined) return;
    const { reader } = watched;
    const cursor = await this.#store.readExtra(
      ['cursors'],
      async ([c]) => (await c!.get(provider)) as ProviderCursor | undefined,
    );
    const region = this.#options.region ?? 'US';
    const keys = `${MATCH_KEYS_VERSION}/${region}`;
    // Keys made by another version or for another region: read the provider again from the start, so
    // every source is upserted with keys made the current way (person ids and decisions stay).
    const from = cursor === undefined || cursor.keys !== keys ? 0 : cursor;
    const tasks: SyncTask<Contact>[] = [];
    try {
      for await (const task of reader.sync(from)) tasks.push(task);
    } catch (error) {
      // The store went away under us (uninstalled mid-sync): the uninstall job cleans up.
      if (!this.#providers.has(provider)) return;
      throw error;
    }
    const done = tasks.at(-1);
    if (done?.operation !== 'done') return;
    if (
      cursor !== undefined &&
      cursor.keys === keys &&
      tasks.length === 1 &&
      done.revision === cursor.revision &&
      done.epoch === cursor.epoch
    ) {
      return;
    }
    const prepared = tasks.map((task) =>
      task.operation === 'add' || task.operation === 'update'
        ? { task, keys: this.#incoming(provider, reader, task.id, task.data, task.revision, region) }
        : { task, keys: undefined },
    );
    await this.#transact(`sync:${provider}`, async (graph, tx) => {
      // The changes between two clears go to the graph as one batch, in the provider's order.
      let batch: SourceChange[] = [];
      for (const { task, keys } of prepared) {
        if (task.operation === 'clear') {
          await graph.apply(batch);
          batch = (await graph.sourcesOfProvider(provider)).map((key) => ({ remove: key }));
        } else if (task.operation === 'remove') {
          batch.push({ remove: sourceKey({ provider, contactId: task.id }) });
        } else if (keys !== undefined) {
          batch.push({ upsert: keys });
        }
      }
      await graph.apply(batch);
      await graph.regroup();
      const next: ProviderCursor = { provider, epoch: done.epoch, revision: done.revision, keys };
      await tx.objectStore('cursors').put(next);
    });
    this.#cursors.set(provider, { provider, epoch: done.epoch, revision: done.revision, keys });
  }

  #incoming(
    provider: string,
    reader: DataStoreReader<Contact>,
    contactId: string,
    contact: Contact,
    revision: number,
    region: string,
  ): IncomingSource {
    let keys: SourceMatchKeys;
    try {
      keys = sourceMatchKeys(contact, region);
    } catch {
      // A record that is not a well-formed contact (a careless provider) stays a person of its own,
      // matched with nothing, instead of failing the batch and every record of its provider after it.
      keys = {
        nameKeys: [],
        nameSuffix: '',
        names: [],
        company: '',
        org: '',
        displayName: '',
        phones: [],
        phoneKeys: [],
        emails: [],
      };
    }
    return {
      key: sourceKey({ provider, contactId }),
      provider,
      contactId,
      accessLevel: reader.accessLevel,
      revision,
      ...keys,
    };
  }

  async #forgetProvider(provider: string): Promise<void> {
    if (this.#providers.has(provider)) {
      // Installed again before this job ran: a sync of the new store may already have run, and
      // forgetting now would drop its records. A sync does it right: the old cursor's epoch is gone,
      // so the store answers with a reset and the new store's records replace the old ones.
      this.#dirty.add(provider);
      this.#scheduleRun();
      return;
    }
    await this.#transact(`uninstall:${provider}`, async (graph, tx) => {
      await graph.apply((await graph.sourcesOfProvider(provider)).map((key) => ({ remove: key })));
      await graph.regroup();
      await tx.objectStore('cursors').delete(provider);
    });
    this.#cursors.delete(provider);
  }

  async #transact(
    label: string,
    body: (graph: PersonGraph, tx: OwnerTransaction<PersonRecord>) => Promise<void>,
  ): Promise<void> {
    await this.#store.transact(GCDS_STORES, async (tx) => {
      const graph = new PersonGraph(tx);
      await body(graph, tx);
      this.#options.beforeCommit?.(label);
    });
    this.#update({ transactions: this.#status.value.transactions + 1 });
  }

  #update(patch: Partial<GcdsStatus>): void {
    if (this.#status.closed) return;
    const providers = [...this.#providers.keys()].map(
      (provider) => this.#cursors.get(provider) ?? { provider, revision: 0, epoch: '' },
    );
    this.#status.next({ ...this.#status.value, providers, ...patch });
  }
}
