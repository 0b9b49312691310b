import type { GcdsStatus } from '@gcds/gcds';
import { APPS, type DeviceConfig, PROVIDER_IDS, type ProviderId } from '../protocol/deviceConfig';
import type { EngineStatus } from '../protocol/engineApi';
import type { FacebookServerState, ProviderNotice } from '../protocol/workerApis';
import { deleteAllDatabases } from './deleteAllDatabases';
import { type DeviceSettings, saveSettings } from './deviceSettings';
import type { EventLog } from './eventLog';
import { EngineProcess, GcdsProcess, ProviderProcess } from './processes';
import { StoreMonitor } from './storeMonitor';

export type ProviderState = 'installing' | 'installed' | 'uninstalling' | 'not installed' | 'failed';

/** Everything running on the phone, and what the system panel shows of it. */
export class Device {
  gcds: GcdsProcess | undefined;
  gcdsStatus: GcdsStatus | undefined;
  gcdsState: 'starting' | 'running' | 'killed' = 'starting';
  readonly providers = new Map<ProviderId, ProviderProcess>();
  readonly providerStates = new Map<ProviderId, ProviderState>();
  readonly providerProgress = new Map<ProviderId, { done: number; total: number; label: string }>();
  readonly engines = new Map<string, EngineProcess>();
  readonly engineStatus = new Map<string, EngineStatus>();
  facebookServer: FacebookServerState | undefined;
  readonly stores: StoreMonitor;
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly config: DeviceConfig,
    readonly settings: DeviceSettings,
    readonly log: EventLog,
  ) {
    this.stores = new StoreMonitor(config, () => this.changed());
    for (const id of PROVIDER_IDS) this.providerStates.set(id, 'not installed');
  }

  onChange(listener: () => void): void {
    this.#listeners.add(listener);
  }

  changed(): void {
    for (const listener of this.#listeners) listener();
  }

  async boot(): Promise<void> {
    this.log.add('shell', `booting with ${this.settings.people.toLocaleString('en')} demo people`);
    await this.startGcds();
    for (const manifest of APPS) {
      const engine = new EngineProcess(manifest);
      this.#watch(engine.worker, manifest.appId);
      this.engines.set(manifest.appId, engine);
      this.#connectServices(engine);
      void engine
        .start(this.config, (status) => {
          this.engineStatus.set(status.appId, status);
          this.changed();
        })
        .then(
          () => this.log.add(manifest.appId, `engine started (${manifest.accessLevel})`),
          (error: unknown) => this.log.add(manifest.appId, `engine failed: ${message(error)}`, 'error'),
        );
    }
    await Promise.all(this.settings.installed.map((id) => this.install(id)));
    void this.stores.refresh();
  }

  async startGcds(): Promise<void> {
    const gcds = new GcdsProcess();
    this.#watch(gcds.worker, 'gcds');
    this.gcds = gcds;
    this.gcdsState = 'starting';
    this.changed();
    this.log.add('gcds', 'worker started');
    try {
      await gcds.start(this.config, (status) => {
        if (this.gcds !== gcds) return;
        const before = this.gcdsStatus?.lastError?.message;
        this.gcdsStatus = status;
        if (status.lastError !== undefined && status.lastError.message !== before)
          this.log.add('gcds', status.lastError.message, 'error');
        this.changed();
      });
    } catch (error) {
      if (this.gcds === gcds) this.log.add('gcds', `start failed: ${message(error)}`, 'error');
      return;
    }
    if (this.gcds !== gcds) return;
    this.gcdsState = 'running';
    for (const engine of this.engines.values()) this.#connectService(engine, 'gcds');
    this.log.add('gcds', 'running: caught up with every provider');
    this.changed();
  }

  killGcds(): void {
    const gcds = this.gcds;
    if (gcds === undefined) return;
    gcds.kill();
    this.gcds = undefined;
    this.gcdsState = 'killed';
    for (const engine of this.engines.values()) engine.setService('gcds', null);
    this.log.add('gcds', 'worker killed (terminated mid-flight)', 'warn');
    this.changed();
  }

  async install(id: ProviderId): Promise<void> {
    if (this.providers.has(id)) return;
    const process = new ProviderProcess(id);
    this.#watch(process.worker, id);
    this.providers.set(id, process);
    this.providerStates.set(id, 'installing');
    this.changed();
    this.log.add(id, 'installing');
    try {
      const result = await process.install(this.config, (event) => this.#providerEvent(id, event));
      this.providerStates.set(id, 'installed');
      this.providerProgress.delete(id);
      this.log.add(id, result.seeded ? 'installed with demo data' : 'installed (data kept from before)');
      if (!this.settings.installed.includes(id)) {
        this.settings.installed.push(id);
        saveSettings(this.settings);
      }
      for (const engine of this.engines.values()) this.#connectService(engine, id);
      if (id === 'facebook-sim') void this.refreshFacebook();
    } catch (error) {
      this.providerStates.set(id, 'failed');
      this.log.add(id, `install failed: ${message(error)}`, 'error');
    }
    void this.stores.refresh();
    this.changed();
  }

  async uninstall(id: ProviderId): Promise<void> {
    const process = this.providers.get(id);
    if (process === undefined) return;
    this.providerStates.set(id, 'uninstalling');
    this.changed();
    for (const engine of this.engines.values()) engine.setService(id as 'local' | 'vcard', null);
    try {
      await process.uninstall();
      this.log.add(id, 'uninstalled: its store is deleted and its contacts leave every app');
    } catch (error) {
      process.terminate();
      this.log.add(id, `uninstall failed: ${message(error)}`, 'error');
    }
    this.providers.delete(id);
    this.providerStates.set(id, 'not installed');
    if (id === 'facebook-sim') this.facebookServer = undefined;
    this.settings.installed = this.settings.installed.filter((p) => p !== id);
    saveSettings(this.settings);
    void this.stores.refresh();
    this.changed();
  }

  async facebookAction(action: Parameters<ProviderProcess['api']['facebookAction']>[0], count?: number) {
    const process = this.providers.get('facebook-sim');
    if (process === undefined) return;
    await process.api.facebookAction(action, count);
    await this.refreshFacebook();
  }

  async refreshFacebook(): Promise<void> {
    const process = this.providers.get('facebook-sim');
    if (process === undefined || this.providerStates.get('facebook-sim') !== 'installed') return;
    this.facebookServer = await process.api.facebook();
    this.changed();
  }

  /** Stops every worker and deletes every database of the device, then loads the page again. */
  async wipe(people: number): Promise<void> {
    this.log.add('shell', `wiping the device for ${people.toLocaleString('en')} demo people`, 'warn');
    this.gcds?.kill();
    for (const process of this.providers.values()) process.terminate();
    for (const engine of this.engines.values()) engine.worker.terminate();
    await this.stores.close();
    await deleteAllDatabases();
    saveSettings({ people, installed: [...PROVIDER_IDS] });
    location.reload();
  }

  #providerEvent(id: ProviderId, event: ProviderNotice): void {
    if (event.kind === 'progress' && event.progress !== undefined) {
      this.providerProgress.set(id, { ...event.progress, label: event.message });
    } else {
      this.log.add(
        id,
        event.message,
        event.kind === 'error' ? 'error' : event.kind === 'warn' ? 'warn' : 'info',
      );
      if (id === 'facebook-sim') void this.refreshFacebook();
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
    for (const name of engine.manifest.services) this.#connectService(engine, name);
  }

  #connectService(engine: EngineProcess, name: string): void {
    if (name === 'gcds') {
      if (
        this.gcds !== undefined &&
        this.gcdsState === 'running' &&
        engine.manifest.services.includes('gcds')
      )
        engine.setService('gcds', this.gcds.port());
      return;
    }
    const provider = this.providers.get(name as ProviderId);
    if (
      provider !== undefined &&
      this.providerStates.get(name as ProviderId) === 'installed' &&
      engine.manifest.services.includes(name as 'local' | 'vcard')
    ) {
      engine.setService(name as 'local' | 'vcard', provider.port());
    }
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
