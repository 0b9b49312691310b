import type { GcdsStatus } from '@gcds/gcds';
import { PROVIDER_STORE_NAME } from '@gcds/shared';
import {
  APPS,
  BUILTIN_PROVIDER_IDS,
  BUILTIN_PROVIDERS,
  type BuiltinProviderId,
  type DeviceConfig,
  grants,
  isBuiltinProvider,
  type ProviderId,
} from '../protocol/deviceConfig';
import type { EngineStatus } from '../protocol/engineApi';
import type {
  AddressBookState,
  CardDavAccountSettings,
  FacebookServerState,
  ProviderNotice,
} from '../protocol/workerApis';
import { CardDavAccounts } from './cardDavAccounts';
import { deleteDeviceDatabases } from './deleteDeviceDatabases';
import { type DeviceSettings, saveSettings } from './deviceSettings';
import type { DeviceSnapshot, ProviderState } from './deviceSnapshot';
import { message } from './errorMessage';
import type { EventLog } from './eventLog';
import { type GcdsPoint, importProgress, keepGcdsPoint, type ProviderCount } from './importProgress';
import { DemoBookProcess, EngineProcess, GcdsProcess, ProviderProcess } from './processes';
import { StoreMonitor } from './storeMonitor';

/** Everything running on the phone. The panel reads `snapshot()` and acts through the methods only. */
export class Device {
  #gcds: GcdsProcess | undefined;
  #gcdsStatus: GcdsStatus | undefined;
  /** The demo book's worker, while an install may need its share. */
  #demoBook: DemoBookProcess | undefined;
  #gcdsState: DeviceSnapshot['gcdsState'] = 'starting';
  readonly #providers = new Map<BuiltinProviderId, ProviderProcess>();
  readonly #providerStates = new Map<BuiltinProviderId, ProviderState>();
  readonly #providerProgress = new Map<BuiltinProviderId, { done: number; total: number; label: string }>();
  readonly #accounts: CardDavAccounts;
  readonly #engines = new Map<string, EngineProcess>();
  readonly #engineStatus = new Map<string, EngineStatus>();
  #facebookServer: FacebookServerState | undefined;
  #online = true;
  readonly #stores: StoreMonitor;
  readonly #listeners = new Set<() => void>();
  /** The GCDS's revisions with the records it held at each, for the Contacts app's import progress. */
  readonly #gcdsPoints: GcdsPoint[] = [];
  #loadingSent = 'null';

  constructor(
    readonly config: DeviceConfig,
    private readonly settings: DeviceSettings,
    readonly log: EventLog,
  ) {
    this.#stores = new StoreMonitor(config, () => this.changed());
    this.#accounts = new CardDavAccounts({
      config,
      settings,
      log,
      engines: this.#engines,
      online: () => this.#online,
      changed: () => this.changed(),
      save: () => this.#save(),
      refreshStores: () => void this.#stores.refresh(),
      watch: (worker, source) => this.#watch(worker, source),
    });
    for (const id of BUILTIN_PROVIDER_IDS) this.#providerStates.set(id, 'not installed');
  }

  /** The app engines, for the frames that open them. */
  get engines(): ReadonlyMap<string, EngineProcess> {
    return this.#engines;
  }

  snapshot(): DeviceSnapshot {
    return Object.freeze({
      deviceId: this.config.deviceId,
      people: this.settings.people,
      online: this.#online,
      gcdsState: this.#gcdsState,
      gcdsStatus: this.#gcdsStatus,
      providers: Object.freeze(
        BUILTIN_PROVIDER_IDS.map((id) => {
          const progress = this.#providerProgress.get(id);
          return Object.freeze({
            id,
            name: BUILTIN_PROVIDERS[id].name,
            state: this.#providerStates.get(id) ?? 'not installed',
            ...(progress === undefined ? {} : { progress: { ...progress } }),
          });
        }),
      ),
      accounts: this.#accounts.views(),
      facebookServer: this.#facebookServer,
      engineStatus: new Map(this.#engineStatus),
      stores: Object.freeze(this.#stores.states),
    });
  }

  onChange(listener: () => void): void {
    this.#listeners.add(listener);
  }

  changed(): void {
    this.#sendLoading();
    for (const listener of this.#listeners) listener();
  }

  /** Tells the Contacts engine how far an import or first population is, when that changed. */
  #sendLoading(): void {
    const engine = this.#engines.get('contacts');
    if (engine === undefined) return;
    const appRevision = this.#engineStatus.get('contacts')?.revision;
    const progress = importProgress({
      providers: this.#providerCounts(),
      gcds: this.#gcdsPoints,
      gcdsIdle: this.#gcdsState === 'running' && this.#gcdsStatus?.state === 'idle',
      appRevision,
    });
    const sent = JSON.stringify(progress ?? null);
    if (sent === this.#loadingSent) return;
    this.#loadingSent = sent;
    engine.setLoading(progress ?? null);
  }

  /** Every provider store's records, and its import's count while one runs (facebook-sim: its friends). */
  #providerCounts(): ProviderCount[] {
    return this.#stores.states
      .filter((state) => state.info.name === PROVIDER_STORE_NAME && state.info.provider === true)
      .map((state) => {
        const id = state.info.owner as BuiltinProviderId;
        const progress = this.#providerProgress.get(id);
        const friends = BUILTIN_PROVIDERS[id]?.simulatedServer ? this.#facebookServer?.friends : undefined;
        if (progress !== undefined) return { importing: progress, stored: state.length };
        if (friends !== undefined && state.length < friends)
          return { importing: { done: state.length, total: friends }, stored: state.length };
        return { stored: state.length };
      });
  }

  async boot(): Promise<void> {
    this.log.add(
      'shell',
      `booting device ${this.config.deviceId} with ${this.settings.people.toLocaleString('en')} demo people`,
    );
    // Every worker starts at once, the providers first: the first person's path (the local provider's
    // head, the GCDS's first page, an app's first batch) does not wait for the GCDS's start before the
    // providers and apps even boot. The GCDS takes up stores installed before it started as at any boot.
    const installs = this.settings.installed.map((id) => this.install(id));
    const gcds = this.startGcds();
    for (const manifest of APPS) {
      const engine = new EngineProcess(manifest);
      this.#watch(engine.worker, manifest.appId);
      this.#engines.set(manifest.appId, engine);
      this.#connectServices(engine);
      void engine
        .start(this.config, (status) => {
          this.#engineStatus.set(status.appId, status);
          this.changed();
        })
        .then(
          () => this.log.add(manifest.appId, `engine started (${manifest.accessLevel})`),
          (error: unknown) => this.log.add(manifest.appId, `engine failed: ${message(error)}`, 'error'),
        );
    }
    await Promise.all([
      gcds,
      ...installs,
      ...this.settings.accounts.map((account) => this.#accounts.start(account)),
    ]);
    void this.#stores.refresh();
  }

  async startGcds(): Promise<void> {
    const gcds = new GcdsProcess();
    this.#watch(gcds.worker, 'gcds');
    this.#gcds = gcds;
    this.#gcdsState = 'starting';
    this.changed();
    this.log.add('gcds', 'worker started');
    try {
      await gcds.start(this.config, (status, points) => {
        if (this.#gcds !== gcds) return;
        const before = this.#gcdsStatus?.lastError?.message;
        this.#gcdsStatus = status;
        // The GCDS's store is read by its owner's word, not its change events (see StoreMonitor).
        this.#stores.ownerMoved('gcds', status.state === 'idle');
        const oldest = this.#engineStatus.get('contacts')?.revision ?? 0;
        for (const point of [...points, { revision: status.revision, sources: status.sources }])
          keepGcdsPoint(this.#gcdsPoints, point, oldest);
        if (status.lastError !== undefined && status.lastError.message !== before)
          this.log.add('gcds', status.lastError.message, 'error');
        this.changed();
      });
    } catch (error) {
      if (this.#gcds === gcds) this.log.add('gcds', `start failed: ${message(error)}`, 'error');
      return;
    }
    if (this.#gcds !== gcds) return;
    this.#gcdsState = 'running';
    for (const engine of this.#engines.values()) this.#connectGcds(engine);
    this.log.add('gcds', 'running: caught up with every provider');
    this.changed();
  }

  killGcds(): void {
    const gcds = this.#gcds;
    if (gcds === undefined) return;
    gcds.kill();
    this.#gcds = undefined;
    this.#gcdsState = 'killed';
    for (const engine of this.#engines.values()) engine.setService('gcds', null);
    this.log.add('gcds', 'worker killed (terminated mid-flight)', 'warn');
    this.changed();
  }

  async install(id: BuiltinProviderId): Promise<void> {
    if (this.#providers.has(id)) return;
    const process = new ProviderProcess(id);
    this.#watch(process.worker, id);
    this.#providers.set(id, process);
    this.#providerStates.set(id, 'installing');
    this.changed();
    this.log.add(id, 'installing');
    this.#demoBook ??= new DemoBookProcess(() => {
      this.#demoBook = undefined;
    });
    const demoBook = this.#demoBook.lend(this.config);
    try {
      const result = await process.install(
        this.config,
        (event) => this.#providerEvent(id, event),
        demoBook.port,
      );
      demoBook.done();
      this.#providerStates.set(id, 'installed');
      this.#providerProgress.delete(id);
      this.log.add(id, result.seeded ? 'installed with demo data' : 'installed (data kept from before)');
      if (!this.settings.installed.includes(id)) {
        this.settings.installed.push(id);
        this.#save();
      }
      for (const engine of this.#engines.values()) this.#connectProvider(engine, id);
      if (BUILTIN_PROVIDERS[id].simulatedServer) void this.refreshSimulatedServer(id);
    } catch (error) {
      demoBook.done();
      this.#providerStates.set(id, 'failed');
      this.log.add(id, `install failed: ${message(error)}`, 'error');
    }
    void this.#stores.refresh();
    this.changed();
  }

  async uninstall(id: BuiltinProviderId): Promise<void> {
    const process = this.#providers.get(id);
    if (process === undefined) return;
    this.#providerStates.set(id, 'uninstalling');
    this.changed();
    for (const engine of this.#engines.values()) engine.setService(id, null);
    try {
      await process.uninstall();
      this.log.add(id, 'uninstalled: its store is deleted and its contacts leave every app');
    } catch (error) {
      process.terminate();
      this.log.add(id, `uninstall failed: ${message(error)}`, 'error');
    }
    this.#providers.delete(id);
    this.#providerStates.set(id, 'not installed');
    if (BUILTIN_PROVIDERS[id].simulatedServer) this.#facebookServer = undefined;
    this.settings.installed = this.settings.installed.filter((p) => p !== id);
    this.#save();
    void this.#stores.refresh();
    this.changed();
  }

  async facebookAction(action: Parameters<ProviderProcess['api']['facebookAction']>[0], count?: number) {
    const id = simulatedServerProvider();
    const process = this.#providers.get(id);
    if (process === undefined) return;
    await process.api.facebookAction(action, count);
    await this.refreshSimulatedServer(id);
  }

  async refreshSimulatedServer(id: BuiltinProviderId): Promise<void> {
    const process = this.#providers.get(id);
    if (process === undefined || this.#providerStates.get(id) !== 'installed') return;
    this.#facebookServer = await process.api.facebook();
    this.changed();
  }

  /**
   * Adds a CardDAV account: its worker discovers the address books (so a wrong URL or password is said
   * here, before anything is saved) and installs one provider for each, then the first sync starts.
   */
  async addAccount(account: CardDavAccountSettings): Promise<void> {
    await this.#accounts.add(account);
  }

  async removeAccount(key: string): Promise<void> {
    await this.#accounts.remove(key);
  }

  async syncAccount(key: string): Promise<void> {
    await this.#accounts.sync(key);
  }

  async dismissConflict(key: string, providerId: AddressBookState['providerId'], conflictId: string) {
    await this.#accounts.dismissConflict(key, providerId, conflictId);
  }

  /** Cuts or restores the phone's network: every account's requests fail as offline until it is back. */
  setOnline(online: boolean): void {
    if (this.#online === online) return;
    this.#online = online;
    this.log.add(
      'shell',
      online ? 'network restored' : 'network cut: the phone is offline',
      online ? 'info' : 'warn',
    );
    this.#accounts.setOnline(online);
    this.changed();
  }

  /** Stops every worker and deletes every database of the device, then loads the page again. */
  async wipe(people: number): Promise<void> {
    this.log.add('shell', `wiping the device for ${people.toLocaleString('en')} demo people`, 'warn');
    this.#gcds?.kill();
    for (const process of this.#providers.values()) process.terminate();
    this.#accounts.terminateAll();
    for (const engine of this.#engines.values()) engine.worker.terminate();
    await this.#stores.close();
    await deleteDeviceDatabases(this.config.namespace);
    // The accounts stay (as a phone reset keeps none, but the demo wipe is about demo data): their
    // address books come back from the server with the next boot's first sync.
    saveSettings(this.config.deviceId, {
      people,
      installed: [...BUILTIN_PROVIDER_IDS],
      accounts: this.settings.accounts,
    });
    location.reload();
  }

  #save(): void {
    saveSettings(this.config.deviceId, this.settings);
  }

  #providerEvent(id: BuiltinProviderId, event: ProviderNotice): void {
    if (event.kind === 'progress' && event.progress !== undefined) {
      this.#providerProgress.set(id, { ...event.progress, label: event.message });
    } else {
      this.log.add(
        id,
        event.message,
        event.kind === 'error' ? 'error' : event.kind === 'warn' ? 'warn' : 'info',
      );
      if (BUILTIN_PROVIDERS[id].simulatedServer) void this.refreshSimulatedServer(id);
    }
    this.changed();
  }

  /** A worker that fails to load or throws outside any call says so in the event log (and the console). */
  #watch(worker: Worker, source: string): void {
    worker.addEventListener('error', (event) => {
      const text = `worker error: ${event.message || 'the worker could not start'}`;
      this.log.add(source, text, 'error');
      console.error(`${source} ${text}`);
    });
  }

  #connectServices(engine: EngineProcess): void {
    this.#connectGcds(engine);
    for (const id of this.#providers.keys()) this.#connectProvider(engine, id);
    this.#accounts.connectAll(engine);
  }

  #connectGcds(engine: EngineProcess): void {
    if (this.#gcds !== undefined && this.#gcdsState === 'running' && grants(engine.manifest, 'gcds'))
      engine.setService('gcds', this.#gcds.port());
  }

  #connectProvider(engine: EngineProcess, id: ProviderId): void {
    if (!isBuiltinProvider(id)) return;
    const provider = this.#providers.get(id);
    if (provider !== undefined && this.#providerStates.get(id) === 'installed' && grants(engine.manifest, id))
      engine.setService(id, provider.port());
  }
}

/** The built-in provider whose server the panel simulates (facebook-sim), from the table. */
function simulatedServerProvider(): BuiltinProviderId {
  const id = BUILTIN_PROVIDER_IDS.find((p) => BUILTIN_PROVIDERS[p].simulatedServer);
  if (id === undefined) throw new Error('no provider with a simulated server');
  return id;
}
