import {
  type AppKind,
  type AppOfKind,
  type AppSpec,
  createInProcessPipeline,
  type InProcessPipeline,
  PHONE_APPS,
} from '@gcds/cli/pipeline';
import type { Gcds, GcdsStatus } from '@gcds/gcds';
import {
  type CardDavApi,
  type CardDavProviderOptions,
  createCardDavProvider,
  type SyncReport,
} from '@gcds/provider-carddav';
import {
  createFacebookSimProvider,
  FacebookApiError,
  FacebookServer,
  type FacebookSimApi,
} from '@gcds/provider-facebook-sim';
import { createLocalProvider, type LocalContactsApi } from '@gcds/provider-local';
import { createVcardProvider, type VcardImportReport, type VcardProviderApi } from '@gcds/provider-vcard';
import {
  type AppIdentity,
  type ConsumerPlatform,
  type Contact,
  consumerPlatformOf,
  type DataStoreOwner,
  type DataStorePlatform,
  type PersonRecord,
  type ProviderDefinition,
  type ProviderRegistry,
  sourceKey,
} from '@gcds/shared';
import { friendProfileOf, localContactOf, type RecordSpec, vcardFileOf } from './identities';
import { isKilled, KillSwitch } from './killSwitch';
import type { ModelRecord, ProviderId } from './referenceModel';

/*
 * The real pipeline, driven the way the phone runs it: one DataStore platform over fake-indexeddb, the
 * provider registry with the local, vCard and facebook-sim providers, the GCDS, and consumer apps that
 * each sync into their own database. Every commit boundary of the GCDS, of each consumer and of each
 * provider's writes goes through a KillSwitch, so a test can kill any of them anywhere; a killed service
 * stays dead until `settle()` (the system) or a user action restarts it.
 *
 * A phone may also hold a CardDAV account (issue 15): its address book is one more provider, whose syncs
 * the test drives (`cardDavSync`), as the phone's scheduler would, so two pipelines are two phones.
 */

/** The apps as the shared wiring names them (a name, a kind and the level granted). */
export type ConsumerKind = AppKind;
export type ConsumerSpec = AppSpec;
export { PHONE_APPS };

export interface PipelineOptions {
  consumers?: readonly ConsumerSpec[];
  /** Past this many removal tombstones every store compacts on write (small: resets happen). */
  maxTombstones?: number;
  /** Facebook friends per page and per store transaction. */
  facebookPageSize?: number;
  /** vCards per import transaction. */
  vcardBatchSize?: number;
  /** GCDS tasks per consumer transaction. */
  consumerBatchSize?: number;
  /** Which providers are installed at start (default all three). */
  providers?: readonly ProviderId[];
  /** Arms one kill before anything starts, so even start-up commits can be crash points. */
  crashPlan?: CrashPlan;
  /** The network, when several phones share one (appSync's multi-device scenarios). */
  server?: FacebookServer;
  /** What each consumer app is given as its platform (e.g. one that records what it receives). */
  consumerPlatform?: (consumer: string, platform: ConsumerPlatform) => ConsumerPlatform;
  /** A CardDAV account's address book, installed after the providers above (`cardDav` is its API). */
  cardDav?: CardDavProviderOptions;
}

/** One kill: the component (`gcds`, a consumer's name or a provider id) at its n-th commit. */
export interface CrashPlan {
  component: string;
  commit: number;
  when: 'before' | 'after';
}

export const VCARD_FILE = 'book.vcf';
const RETENTION_MS = 60_000;
/** The facebook-sim provider's retry policy: three tries, then the sync fails. */
export const FACEBOOK_ATTEMPTS = 3;

/** An open app: its kind and its consumer, one member per kind of the shared wiring. */
type ConsumerInstance = { [K in AppKind]: { kind: K; consumer: AppOfKind[K] } }[AppKind];

export interface ConsumerSlot {
  readonly spec: ConsumerSpec;
  readonly identity: AppIdentity;
  readonly kill: KillSwitch;
  /** Undefined while the app is closed. */
  instance: ConsumerInstance | undefined;
}

let worlds = 0;

export class PipelineUnderTest {
  readonly platform: DataStorePlatform;
  readonly registry: ProviderRegistry;
  readonly server: FacebookServer;
  readonly gcdsKill = new KillSwitch(true);
  readonly providerKills: Record<ProviderId, KillSwitch> = {
    local: new KillSwitch(false),
    vcard: new KillSwitch(false),
    'facebook-sim': new KillSwitch(false),
  };
  /** The CardDAV provider's store writes: a provider's switch (a kill fails that one write). */
  readonly cardDavKill = new KillSwitch(false);
  /** HTTP requests of the CardDAV provider ("METHOD /path"), in order. */
  readonly cardDavRequests: string[] = [];
  readonly consumers = new Map<string, ConsumerSlot>();
  /** Real source key (`provider \u001f contactId`) → model key. */
  readonly modelKeyOf = new Map<string, string>();
  /** GCDS restarts and consumer restarts, for the counts. */
  restarts = 0;
  /** Tombstones dropped by explicit compactions. */
  tombstonesCompacted = 0;
  gcds!: Gcds;
  gcdsStatus: GcdsStatus | undefined;

  readonly #options: Required<
    Omit<PipelineOptions, 'providers' | 'crashPlan' | 'consumerPlatform' | 'server' | 'cardDav'>
  >;
  #cardDavId: string | undefined;
  readonly #consumerPlatforms = new Map<string, ConsumerPlatform>();
  readonly #namespace: string;
  readonly #wiring: InProcessPipeline;
  readonly #ownerStores = new Map<string, DataStoreOwner<Contact>>();
  readonly #contactIdOf = new Map<string, string>();
  /** Model key → the network's guid of that friend. */
  readonly #guids = new Map<string, string>();
  #clock = 1_700_000_000_000;

  private constructor(options: PipelineOptions) {
    worlds += 1;
    this.#options = {
      consumers: options.consumers ?? PHONE_APPS,
      maxTombstones: options.maxTombstones ?? 4,
      facebookPageSize: options.facebookPageSize ?? 1000,
      vcardBatchSize: options.vcardBatchSize ?? 250,
      consumerBatchSize: options.consumerBatchSize ?? 3,
    };
    this.#namespace = `convergence-${worlds}-${Math.random().toString(36).slice(2)}`;
    const now = () => this.#clock;
    this.#wiring = createInProcessPipeline({
      namespace: this.#namespace,
      region: 'US',
      now,
      tombstoneRetentionMs: RETENTION_MS,
      maxTombstones: this.#options.maxTombstones,
    });
    this.platform = this.#wiring.platform;
    this.registry = this.#wiring.registry;
    this.server = options.server ?? new FacebookServer({ seed: 7, now });
    for (const spec of this.#options.consumers) {
      // Each app gets the narrowed facade, as an engine worker does: never the platform itself.
      const platform = consumerPlatformOf(this.platform);
      this.#consumerPlatforms.set(spec.name, options.consumerPlatform?.(spec.name, platform) ?? platform);
      this.consumers.set(spec.name, {
        spec,
        identity: this.#wiring.registerApp(spec.name, spec.level),
        kill: new KillSwitch(true),
        instance: undefined,
      });
    }
  }

  static async start(options: PipelineOptions = {}): Promise<PipelineUnderTest> {
    const world = new PipelineUnderTest(options);
    const plan = options.crashPlan;
    if (plan !== undefined) world.killSwitchOf(plan.component).armAt(plan.commit, plan.when);
    for (const provider of options.providers ?? (['local', 'vcard', 'facebook-sim'] as const)) {
      await world.install(provider);
    }
    if (options.cardDav !== undefined) await world.#installCardDav(options.cardDav);
    await world.#startGcds();
    for (const slot of world.consumers.values()) await world.openConsumer(slot.spec.name);
    return world;
  }

  /** The kill switch of the GCDS (`gcds`), a consumer (its name) or a provider (its id). */
  killSwitchOf(component: string): KillSwitch {
    if (component === 'gcds') return this.gcdsKill;
    if (component === 'local' || component === 'vcard' || component === 'facebook-sim') {
      return this.providerKills[component];
    }
    if (component === this.#cardDavId) return this.cardDavKill;
    return this.slot(component).kill;
  }

  // --- naming: real records ↔ model keys ---

  /** The provider's real record id of a model record. */
  contactIdOf = (record: Pick<ModelRecord, 'key' | 'provider'>): string =>
    this.#contactIdOf.get(`${record.provider}\u001f${record.key}`) ?? record.key;

  #name(provider: ProviderId, contactId: string, key: string): void {
    this.modelKeyOf.set(sourceKey({ provider, contactId }), key);
    this.#contactIdOf.set(`${provider}\u001f${key}`, contactId);
  }

  /** A pointer as a model key; an unknown source shows as `?provider:id` (and is a divergence). */
  keyOfPointer(pointer: { provider: string; contactId: string }): string {
    return this.modelKeyOf.get(sourceKey(pointer)) ?? `?${pointer.provider}:${pointer.contactId}`;
  }

  // --- providers ---

  #instrumented<API>(
    definition: ProviderDefinition<API>,
    kill = this.providerKills[definition.id as ProviderId],
  ): ProviderDefinition<API> {
    const provider = definition.id;
    return {
      ...definition,
      start: (ctx) => {
        this.#ownerStores.set(provider, ctx.store);
        const store = ctx.store;
        let writes = 0;
        const wrapped: DataStoreOwner<Contact> = {
          ...store,
          bulk: async (operations, options) => {
            writes += 1;
            const label = `${provider}:bulk#${writes}(${operations.length})`;
            kill.beforeCommit(label);
            const revision = await store.bulk(operations, options);
            kill.afterCommit(label);
            return revision;
          },
        };
        return definition.start({ ...ctx, store: wrapped });
      },
    };
  }

  installed(provider: ProviderId): boolean {
    return this.registry.get(provider) !== undefined;
  }

  async install(provider: ProviderId): Promise<void> {
    if (provider === 'local') await this.registry.install(this.#instrumented(createLocalProvider()));
    else if (provider === 'vcard') await this.registry.install(this.#instrumented(createVcardProvider()));
    else {
      await this.registry.install(
        this.#instrumented(
          createFacebookSimProvider({
            api: this.server,
            pageSize: this.#options.facebookPageSize,
            retry: { maxAttempts: FACEBOOK_ATTEMPTS, baseDelayMs: 10, maxDelayMs: 40, jitter: 0 },
            sleep: async (_ms, signal) => signal?.throwIfAborted(),
            random: () => 0,
          }),
        ),
      );
    }
  }

  async #installCardDav(options: CardDavProviderOptions): Promise<void> {
    const requests = this.cardDavRequests;
    const definition = createCardDavProvider({
      ...options,
      onRequest: (method, url) => {
        requests.push(`${method} ${new URL(url).pathname}`);
        options.onRequest?.(method, url);
      },
    });
    await this.registry.install(this.#instrumented(definition, this.cardDavKill));
    this.#cardDavId = definition.id;
  }

  /** The CardDAV provider's id (its pointers' `provider`). */
  get cardDavId(): string {
    if (this.#cardDavId === undefined) throw new Error('no CardDAV account on this phone');
    return this.#cardDavId;
  }

  /** The CardDAV account's API, as the Contacts app (edits) and the system panel (sync, conflicts) use it. */
  get cardDav(): CardDavApi {
    return this.#api<CardDavApi>(this.cardDavId);
  }

  /** One "Sync now" of the CardDAV account, then the phone settles: the GCDS and every app catch up. */
  async cardDavSync(full = false): Promise<SyncReport> {
    const report = await (full ? this.cardDav.fullSync() : this.cardDav.sync());
    await this.settle();
    return report;
  }

  async uninstall(provider: ProviderId): Promise<void> {
    await this.registry.uninstall(provider);
    this.#ownerStores.delete(provider);
  }

  /** A provider's API (its own, as its UI would use it). */
  api<API>(provider: ProviderId): API {
    return this.#api<API>(provider);
  }

  /** Imports a .vcf file as given (text or bytes), with no expectation about its cards. */
  async importVcardText(data: string | Uint8Array, file = VCARD_FILE): Promise<VcardImportReport> {
    const report = await this.#api<VcardProviderApi>('vcard').importFile(file, data, {
      batchSize: this.#options.vcardBatchSize,
    });
    for (const card of report.cards) if (card.uid !== null) this.#name('vcard', card.id, card.uid);
    return report;
  }

  /** Names a record written outside the model's steps (a friend's guid, a local id) by a model key. */
  nameRecord(provider: ProviderId, key: string, contactId: string): void {
    if (provider === 'facebook-sim') this.#guids.set(key, contactId);
    this.#name(provider, contactId, key);
  }

  #api<API>(provider: string): API {
    const installed = this.registry.get<API>(provider);
    if (installed === undefined) throw new Error(`${provider} is not installed`);
    return installed.api;
  }

  /** Retries a provider call that a kill interrupted, as the user (or the provider's restart) would. */
  async #retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!isKilled(error) || attempt > 5) throw error;
      }
    }
  }

  async localPut(key: string, spec: RecordSpec): Promise<void> {
    const api = this.#api<LocalContactsApi>('local');
    const contact = localContactOf(key, spec);
    this.#name('local', key, key);
    await this.#retrying(async () => {
      // After a kill after the commit the contact is there: the retry is then an update.
      if ((await api.get(key)) === undefined) await api.add(contact);
      else await api.update(key, contact);
    });
  }

  async localRemove(key: string): Promise<void> {
    const api = this.#api<LocalContactsApi>('local');
    await this.#retrying(async () => {
      if ((await api.get(key)) !== undefined) await api.remove(key);
    });
  }

  /** Imports the vCard file as it now reads (every card of the model, in key order). */
  async importVcards(cards: ReadonlyArray<readonly [string, RecordSpec]>): Promise<VcardImportReport> {
    const api = this.#api<VcardProviderApi>('vcard');
    const text = vcardFileOf(cards);
    const report = await this.#retrying(() =>
      api.importFile(VCARD_FILE, text, { batchSize: this.#options.vcardBatchSize }),
    );
    if (report.errors.length > 0) {
      throw new Error(`generated cards failed to import: ${JSON.stringify(report.errors)}`);
    }
    for (const card of report.cards) if (card.uid !== null) this.#name('vcard', card.id, card.uid);
    return report;
  }

  async removeVcardFile(): Promise<number> {
    const api = this.#api<VcardProviderApi>('vcard');
    return this.#retrying(() => api.removeFile(VCARD_FILE));
  }

  friendAdd(key: string, spec: RecordSpec): void {
    const guid = this.server.addFriend(friendProfileOf(key, spec));
    this.#guids.set(key, guid);
    this.#name('facebook-sim', guid, key);
  }

  friendEdit(key: string, spec: RecordSpec): void {
    this.server.editFriend(this.#guid(key), () => friendProfileOf(key, spec));
  }

  friendDelete(key: string): void {
    this.server.deleteFriend(this.#guid(key));
  }

  friendUndelete(key: string): void {
    this.server.undeleteFriend(this.#guid(key));
  }

  #guid(key: string): string {
    const guid = this.#guids.get(key);
    if (guid === undefined) throw new Error(`no friend ${key}`);
    return guid;
  }

  /**
   * One sync of the facebook-sim provider while the network fails the next `failures` requests with
   * `status`. Resolves true when the sync completed; the network is healthy again afterwards.
   */
  async facebookSync(failures = 0, status = 503): Promise<boolean> {
    const api = this.#api<FacebookSimApi>('facebook-sim');
    if (failures > 0) this.server.failNext(failures, { status, endpoint: 'sync' });
    try {
      await this.#retrying(() => api.syncNow());
      return true;
    } catch (error) {
      if (!(error instanceof FacebookApiError)) throw error;
      return false;
    } finally {
      this.server.clearFailures();
    }
  }

  /** Moves the clock past the tombstone retention and compacts every provider store, as their owners may. */
  async compactProviders(): Promise<void> {
    this.#clock += RETENTION_MS + 1;
    for (const store of this.#ownerStores.values()) {
      this.tombstonesCompacted += (await store.compact(this.#clock)).tombstonesDropped;
    }
  }

  tick(ms: number): void {
    this.#clock += ms;
  }

  // --- the GCDS ---

  /** Starts a GCDS; one killed while starting up is started again, as the system would. */
  async #startGcds(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      this.gcdsKill.revived();
      try {
        this.gcds = await this.#wiring.startGcds({ beforeCommit: this.gcdsKill.hook() });
      } catch (error) {
        if (!isKilled(error) || attempt > 5) throw error;
        this.restarts += 1;
        continue;
      }
      this.gcds.status$.subscribe((status) => {
        this.gcdsStatus = status;
      });
      return;
    }
  }

  /** Stops the GCDS (dead or alive) and starts a new one over the same data. */
  async restartGcds(): Promise<void> {
    await this.gcds.stop();
    this.restarts += 1;
    await this.#startGcds();
  }

  /**
   * Waits for the GCDS to run out of work. `whenIdle` rejects with the error of a run it waited for;
   * a kill is expected here, anything else is not.
   */
  async gcdsIdle(): Promise<void> {
    try {
      await this.gcds.whenIdle();
    } catch (error) {
      if (!isKilled(error)) throw error;
    }
  }

  /** The GCDS alive and caught up: restarted if it was killed, as the system does when it is needed. */
  async gcdsReady(): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      if (this.gcdsKill.dead) await this.restartGcds();
      await this.gcdsIdle();
      if (!this.gcdsKill.dead) return;
    }
    throw new Error('the GCDS keeps dying');
  }

  async personOf(key: string, provider: ProviderId): Promise<string> {
    const contactId = this.contactIdOf({ key, provider });
    const person = await this.gcds.personOf({ provider, contactId });
    if (person === undefined)
      throw new Error(`divergence: ${key} (${provider}:${contactId}) is in no person`);
    return person;
  }

  /** The user merges two people; false when the GCDS was killed before it committed. */
  async merge(a: ModelRecord, b: ModelRecord): Promise<boolean> {
    await this.gcdsReady();
    const ids = [await this.personOf(a.key, a.provider), await this.personOf(b.key, b.provider)];
    return this.#userAction(() => this.gcds.merge(ids));
  }

  async unmerge(a: ModelRecord): Promise<boolean> {
    await this.gcdsReady();
    const id = await this.personOf(a.key, a.provider);
    return this.#userAction(() => this.gcds.unmerge(id));
  }

  /**
   * The user dismisses the first suggestion offered for the person of `a`. Returns the source pairs the
   * dismissal covers (empty when nothing was suggested), or undefined when the GCDS was killed.
   */
  async dismissFirstSuggestion(a: ModelRecord): Promise<Array<[string, string]> | undefined> {
    await this.gcdsReady();
    const id = await this.personOf(a.key, a.provider);
    const [first] = await this.gcds.suggestDuplicates(id);
    if (first === undefined) return [];
    const left = await this.#membersOf(id);
    const right = await this.#membersOf(first.personId);
    const done = await this.#userAction(() => this.gcds.dismissSuggestion(id, first.personId));
    if (!done) return undefined;
    return left.flatMap((x) => right.map((y): [string, string] => [x, y]));
  }

  async #membersOf(personId: string): Promise<string[]> {
    const person = await this.gcds.getPerson(personId);
    return (person?.pointers ?? []).map((pointer) => this.keyOfPointer(pointer));
  }

  async #userAction(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      if (isKilled(error)) return false;
      throw error;
    }
  }

  /** Every person of the GCDS (the certified truth consumers build on). */
  async people(): Promise<PersonRecord[]> {
    const ids = await this.gcds.personIds();
    const people = await Promise.all(ids.map((id) => this.gcds.getPerson(id)));
    return people.filter((p): p is PersonRecord => p !== undefined);
  }

  // --- consumers ---

  slot(name: string): ConsumerSlot {
    const slot = this.consumers.get(name);
    if (slot === undefined) throw new Error(`no consumer ${name}`);
    return slot;
  }

  /** Opens the app (a no-op when it is open): a new engine over its own database, which resumes. */
  async openConsumer(name: string): Promise<void> {
    const slot = this.slot(name);
    if (slot.instance !== undefined) return;
    slot.kill.revived();
    const consumer = await this.#wiring.openApp(slot.spec, slot.identity, {
      platform: this.#consumerPlatforms.get(name)!,
      dbName: `${this.#namespace}:consumer:${name}`,
      batchSize: this.#options.consumerBatchSize,
      beforeCommit: slot.kill.hook(),
    });
    slot.instance = { kind: slot.spec.kind, consumer } as ConsumerInstance;
  }

  /** An open app's engine, checked to be of the kind asked for. */
  app<K extends ConsumerKind>(name: string, kind: K): AppOfKind[K] {
    const instance = this.slot(name).instance;
    if (instance?.kind !== kind) throw new Error(`${name} is not an open ${kind} app`);
    return instance.consumer as AppOfKind[K];
  }

  async closeConsumer(name: string): Promise<void> {
    const slot = this.slot(name);
    if (slot.instance === undefined) return;
    const instance = slot.instance;
    slot.instance = undefined;
    await instance.consumer.stop();
  }

  async restartConsumer(name: string): Promise<void> {
    await this.closeConsumer(name);
    this.restarts += 1;
    await this.openConsumer(name);
  }

  // --- the system ---

  /**
   * Runs everything to quiescence, as a phone left alone with a network: the system restarts whatever
   * died, the facebook-sim provider syncs with a healthy network, the GCDS catches up, and every open
   * consumer syncs. Kills still armed may fire on the way; what they kill is restarted.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < 20; round += 1) {
      await this.gcdsReady();
      if (this.installed('facebook-sim') && !(await this.facebookSync())) {
        throw new Error('the facebook-sim provider did not sync with a healthy network');
      }
      await this.gcdsReady();
      let anyDied = false;
      for (const slot of this.consumers.values()) {
        if (slot.kill.dead) await this.restartConsumer(slot.spec.name);
        const instance = slot.instance;
        if (instance === undefined) continue;
        try {
          await instance.consumer.sync.syncNow();
        } catch (error) {
          if (!isKilled(error)) throw error;
        }
        await instance.consumer.sync.whenIdle();
        if (slot.kill.dead) anyDied = true;
      }
      if (!anyDied && !this.gcdsKill.dead) return;
    }
    throw new Error('the pipeline did not settle');
  }

  async close(): Promise<void> {
    for (const slot of this.consumers.values()) await this.closeConsumer(slot.spec.name);
    await this.gcds.stop();
    await this.registry.shutdown();
    await this.platform.close();
  }
}
