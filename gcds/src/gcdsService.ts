import {
  type AppIdentity,
  accessRank,
  type DataStorePlatform,
  type DataStoreReader,
  type PersonRecord,
  READABLE_POINTERS_POLICY,
  SerialQueue,
  type SourceRef,
  StatusSubject,
  sourceKey,
  statusErrorOf,
  type TransactionalDataStoreOwner,
  whenSettled,
} from '@gcds/shared';
import type { Observable } from 'rxjs';
import { findDuplicates } from './duplicateSearch';
import { findHiddenPeople } from './hiddenPeople';
import type { SourceMirror } from './pendingSources';
import { type DecisionMirror, PersonGraph } from './personGraph';
import { forgetProvider, type GraphTransact, type IngestPaging, ingestProvider } from './providerIngest';
import { ProviderWatcher } from './providerWatcher';
import { GCDS_SCHEMA, GCDS_STORES, type GcdsSchema } from './schema';
import { DEFAULT_SUGGESTION_LIMIT } from './suggestions';
import type { DuplicateSuggestion, GcdsStatus, HiddenPerson, ProviderCursor } from './types';
import {
  checkMergeGroup,
  dismissPair,
  hidePerson,
  mergeGroups,
  mergePeople,
  unhidePerson,
  unmergePerson,
} from './userEdits';

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
  /** Provider records per ingest transaction (DEFAULT_INGEST_PAGING unless told; tests use small pages). */
  ingestPaging?: IngestPaging;
}

/** People listed per read when walking every person id. */
const PERSON_ID_PAGE = 1000;

/**
 * How long an idle GCDS woken by providers the fewest apps may read waits for a wider one to report a
 * change too. An import's providers commit their first batches within a millisecond or two of each
 * other; a run that began with the certified-only one would show the other apps nobody first.
 */
const WIDER_AUDIENCE_WAIT_MS = 20;

/**
 * The headless Global Contacts DataStore. It discovers provider stores through the platform, syncs each
 * from its own cursor, and keeps one record per person as pointers to provider records. A page of a
 * provider's changes, the regrouping it causes and the provider's cursor commit in ONE transaction, so a
 * kill at any moment loses and doubles nothing; a first population is many such pages, and every app
 * shows the first one while the rest is read.
 *
 * This is the facade: watching is `ProviderWatcher`'s, ingest `providerIngest`'s, the decisions a user's
 * merge, unmerge or dismissal writes `decisions`'s, and suggestions `suggestions`'s. It schedules them:
 * one job at a time, and however many change events arrive, one run drains every dirty provider.
 */
export class Gcds {
  readonly #options: GcdsOptions;
  readonly #store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>;
  readonly #watcher: ProviderWatcher;
  readonly #dirty = new Set<string>();
  readonly #cursors = new Map<string, ProviderCursor>();
  readonly #status = new StatusSubject<GcdsStatus>({
    state: 'idle',
    revision: 0,
    providers: [],
    transactions: 0,
    sources: 0,
  });
  readonly #jobs = new SerialQueue();
  /**
   * The sources as the last committed transaction left them: the GCDS is their only writer and runs one
   * transaction at a time (`#jobs`), so each page of a first population need not read them all again.
   */
  readonly #sourceMirror: SourceMirror = { snapshot: undefined };
  readonly #decisionMirror: DecisionMirror = { decisions: undefined };
  #pendingRun: Promise<void> | undefined;
  /** Set while a run waits for a wider provider's change: called on every change. */
  #onChangeWhileWaiting: (() => void) | undefined;
  #stopped = false;

  readonly status$: Observable<GcdsStatus> = this.#status.status$;

  private constructor(options: GcdsOptions, store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>) {
    this.#options = options;
    this.#store = store;
    this.#watcher = new ProviderWatcher({
      platform: options.platform,
      identity: options.identity,
      changed: (provider) => {
        this.#dirty.add(provider);
        this.#onChangeWhileWaiting?.();
        this.#scheduleRun();
      },
      uninstalled: async (provider) => {
        this.#dirty.delete(provider);
        await this.#enqueue(() => this.#forget(provider));
      },
      failed: (error) => this.#update({ lastError: statusErrorOf(error, this.#now()) }),
    });
  }

  /** Opens (or creates) the GCDS store, picks up every provider store and syncs them. */
  static async start(options: GcdsOptions): Promise<Gcds> {
    const store = await options.platform.ownStore<PersonRecord, GcdsSchema>(
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
    // Counted once here, then kept by every transaction's change: a count walks every key.
    gcds.#update({ sources: await store.readExtra(['sources'], ([sources]) => sources.count()) });
    await gcds.#watcher.start();
    // Providers uninstalled while the GCDS was not running: their people must go too.
    const cursors = await store.readExtra(['cursors'], ([c]) => c.getAll());
    for (const cursor of cursors) {
      // A provider whose store opened meanwhile may have synced already: its cursor is newer.
      if (!gcds.#cursors.has(cursor.provider)) gcds.#cursors.set(cursor.provider, cursor);
      if (!gcds.#watcher.isKnown(cursor.provider)) await gcds.#enqueue(() => gcds.#forget(cursor.provider));
    }
    await gcds.syncNow();
    return gcds;
  }

  get store(): DataStoreReader<PersonRecord> {
    return this.#store;
  }

  /** Resolves once every sync asked for so far has committed. */
  async whenIdle(): Promise<void> {
    // An announcement being checked is about to queue work: wait for it too.
    await whenSettled(() => [this.#watcher.pending, this.#jobs.settled, this.#pendingRun]);
  }

  /** Syncs every known provider now (also what a restart does). */
  async syncNow(): Promise<void> {
    for (const provider of this.#watcher.providers()) this.#dirty.add(provider);
    this.#scheduleRun();
    await this.whenIdle();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watcher.stop();
    await this.#jobs.settled;
    this.#update({ state: 'stopped' });
    this.#status.complete();
  }

  async getPerson(personId: string): Promise<PersonRecord | undefined> {
    return this.#store.get(personId);
  }

  async personOf(source: SourceRef): Promise<string | undefined> {
    const key = sourceKey(source);
    const record = await this.#store.readExtra(['sources'], ([sources]) => sources.get(key));
    return record?.personId;
  }

  /** Every person id, in key order. */
  async personIds(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    while (true) {
      const page = await this.#store.keys(after, PERSON_ID_PAGE);
      ids.push(...page);
      if (page.length < PERSON_ID_PAGE) return ids;
      after = page.at(-1);
    }
  }

  /**
   * The user merges people. Stored as keep-together decisions between stable source identities, which
   * outlive re-syncs, edits and provider reinstalls; any keep-separate between them is withdrawn.
   * `nameFrom`, a source of one of them, is the name the user chose for the merged person.
   */
  async merge(personIds: readonly string[], nameFrom?: SourceRef): Promise<string> {
    checkMergeGroup(personIds);
    const chosen = nameFrom === undefined ? undefined : sourceKey(nameFrom);
    let result = '';
    await this.#enqueue(() =>
      this.#transact('merge', async (graph) => {
        result = await mergePeople(graph, personIds, this.#now(), chosen);
      }),
    );
    return result;
  }

  /**
   * The user accepts many suggested merges at once ("Merge all"): every group tied in ONE transaction
   * with one regroup, so the apps hear one change, not one per pair. A group whose people are gone (a
   * stale suggestion) is skipped; groups may share people (A with B, B with C makes one person).
   * Resolves with how many groups were merged.
   */
  async mergeMany(groups: readonly (readonly string[])[]): Promise<number> {
    for (const group of groups) checkMergeGroup(group);
    let merged = 0;
    await this.#enqueue(() =>
      this.#transact('merge', async (graph) => {
        merged = await mergeGroups(graph, groups, this.#now());
      }),
    );
    return merged;
  }

  /**
   * The user splits a person back into its sources, or into chosen groups of them. Every pair across
   * groups is remembered as keep-separate, so no later automatic pass joins them again.
   */
  async unmerge(personId: string, groups?: readonly (readonly SourceRef[])[]): Promise<string[]> {
    const chosen = groups?.map((group) =>
      group.map((ref) => (typeof ref === 'string' ? ref : sourceKey(ref))),
    );
    let result: string[] = [];
    await this.#enqueue(() =>
      this.#transact('unmerge', async (graph) => {
        result = await unmergePerson(graph, personId, chosen, this.#now());
      }),
    );
    return result;
  }

  /**
   * Looser than passive merge: people who look alike (similar names, a shared number or email), scored
   * for the user to accept (merge) or dismiss. Dismissed and kept-separate pairs are not suggested again.
   */
  async suggestDuplicates(
    personId: string,
    limit = DEFAULT_SUGGESTION_LIMIT,
  ): Promise<DuplicateSuggestion[]> {
    await this.whenIdle();
    // A job of its own: it reads the kept sources, which only hold what is committed between jobs.
    return this.#jobs.run(() => findDuplicates(this.#store, this.#sourceMirror, personId, limit));
  }

  /** Remembers that the user does not want `otherPersonId` suggested for `personId` (and vice versa). */
  async dismissSuggestion(personId: string, otherPersonId: string): Promise<void> {
    await this.#enqueue(() =>
      this.#transact('dismiss', (graph) => dismissPair(graph, personId, otherPersonId, this.#now())),
    );
  }

  /**
   * The user hides a person: a hide decision per source, kept by source key like every decision, so it
   * holds over re-syncs, a provider's reset or reinstall and a re-import of the same cards. Nothing is
   * written to any provider. The person's record says `hidden`, and every app leaves it out.
   */
  async hide(personId: string): Promise<void> {
    await this.#enqueue(() => this.#transact('hide', (graph) => hidePerson(graph, personId, this.#now())));
  }

  /** Shows a hidden person again: every source of it loses its hide decision. */
  async unhide(personId: string): Promise<void> {
    await this.#enqueue(() => this.#transact('unhide', (graph) => unhidePerson(graph, personId)));
  }

  /**
   * Every hidden person there is now, by name (sources whose provider is gone keep their hide, for a
   * reinstall or re-import, but are nobody to list until they are back).
   */
  async hiddenPeople(): Promise<HiddenPerson[]> {
    await this.whenIdle();
    return findHiddenPeople(this.#store);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** Coalesces change events: however many arrive, one run drains every dirty provider. */
  #scheduleRun(): void {
    if (this.#pendingRun !== undefined || this.#stopped) return;
    this.#pendingRun = this.#enqueue(async () => {
      await this.#widerAudienceChange();
      this.#pendingRun = undefined;
      while (this.#dirty.size > 0 && !this.#stopped) {
        // Rounds of one turn each, the stores the most apps may read first: the first people shown are
        // ones every app can show (a certified-only provider's first page is nobody to the others), and
        // no provider waits more than a round.
        const round = [...this.#dirty].sort((a, b) => this.#audienceRank(a) - this.#audienceRank(b));
        for (const provider of round) {
          if (this.#stopped) break;
          this.#dirty.delete(provider);
          await this.#ingest(provider);
        }
      }
    });
  }

  /**
   * Waits a little (WIDER_AUDIENCE_WAIT_MS at most) when every dirty provider is one fewer apps may read
   * than some other watched provider, until one of those wider providers reports a change too.
   */
  async #widerAudienceChange(): Promise<void> {
    if (this.#dirty.size === 0 || this.#stopped) return;
    const widestDirty = Math.min(...[...this.#dirty].map((provider) => this.#audienceRank(provider)));
    const wider = this.#watcher.providers().filter((provider) => this.#audienceRank(provider) < widestDirty);
    if (wider.length === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, WIDER_AUDIENCE_WAIT_MS);
      this.#onChangeWhileWaiting = () => {
        if (!wider.some((provider) => this.#dirty.has(provider))) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.#onChangeWhileWaiting = undefined;
  }

  #enqueue(job: () => Promise<void>): Promise<void> {
    return this.#jobs.run(async () => {
      if (this.#stopped) return;
      this.#update({ state: 'syncing' });
      try {
        await job();
        this.#update({ lastError: undefined });
      } catch (error) {
        this.#update({ lastError: statusErrorOf(error, this.#now()) });
        throw error;
      } finally {
        this.#update({
          state: this.#stopped ? 'stopped' : 'idle',
          revision: await this.#store.getRevision(),
        });
      }
    });
  }

  /** How few apps may read the provider's store: its access level's rank (an unknown one last). */
  #audienceRank(provider: string): number {
    const reader = this.#watcher.reader(provider);
    return reader === undefined ? Number.POSITIVE_INFINITY : accessRank(reader.accessLevel);
  }

  async #ingest(provider: string): Promise<void> {
    const reader = this.#watcher.reader(provider);
    if (reader === undefined) return;
    const context = {
      store: this.#store,
      transact: this.#transact,
      region: this.#options.region ?? 'US',
      paging: this.#options.ingestPaging,
      cursors: this.#cursors,
    };
    const { more } = await ingestProvider(
      context,
      reader,
      () => this.#watcher.reader(provider) !== undefined,
      () => this.#dirty.size > 0,
    );
    // Its turn is over: the providers waiting go first, then it goes on from its cursor.
    if (more) this.#dirty.add(provider);
  }

  async #forget(provider: string): Promise<void> {
    if (this.#watcher.reader(provider) !== undefined) {
      // Installed again before this job ran: a sync of the new store may already have run, and
      // forgetting now would drop its records. A sync does it right: the old cursor's epoch is gone,
      // so the store answers with a reset and the new store's records replace the old ones.
      this.#dirty.add(provider);
      this.#scheduleRun();
      return;
    }
    await forgetProvider(this.#transact, provider);
    this.#cursors.delete(provider);
  }

  readonly #transact: GraphTransact = async (label, body) => {
    let graph: PersonGraph | undefined;
    let revision = 0;
    try {
      await this.#store.transact(GCDS_STORES, async (tx) => {
        graph = new PersonGraph(tx, { mirror: this.#sourceMirror, decisionMirror: this.#decisionMirror });
        await body(graph, tx);
        revision = tx.revision;
        this.#options.beforeCommit?.(label);
      });
    } catch (error) {
      // The mirror followed writes that did not commit: the next transaction reads the sources again.
      this.#sourceMirror.snapshot = undefined;
      this.#decisionMirror.decisions = undefined;
      throw error;
    }
    const { transactions, sources } = this.#status.value;
    // The revision with the sources it holds, page by page: what an app at that revision can show.
    this.#update({
      transactions: transactions + 1,
      sources: sources + (graph?.sourceCountChange ?? 0),
      revision,
    });
  };

  #update(patch: Partial<GcdsStatus>): void {
    const providers = this.#watcher
      .providers()
      .map((provider) => this.#cursors.get(provider) ?? { provider, revision: 0, epoch: '' });
    this.#status.update({ providers, ...patch });
  }
}
