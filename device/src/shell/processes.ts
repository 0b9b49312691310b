import type { GcdsStatus } from '@gcds/gcds';
import * as Comlink from 'comlink';
import {
  type BuiltinProviderId,
  type CardDavProviderId,
  type DeviceConfig,
  grants,
  type InstalledApp,
  type ServiceName,
} from '../protocol/deviceConfig';
import type { EngineStatus, EngineWorkerApi } from '../protocol/engineApi';
import type {
  AddressBookState,
  CardDavAccountSettings,
  CardDavAccountWorkerApi,
  GcdsWorkerApi,
  ProviderNotice,
  ProviderWorkerApi,
} from '../protocol/workerApis';

/** The GCDS worker. `kill()` is a terminate: no goodbye, open transactions abort. */
export class GcdsProcess {
  readonly worker: Worker;
  readonly api: Comlink.Remote<GcdsWorkerApi>;
  readonly startedAt = performance.now();

  constructor() {
    this.worker = new Worker(new URL('../workers/gcdsWorker.ts', import.meta.url), {
      type: 'module',
      name: 'gcds',
    });
    this.api = Comlink.wrap<GcdsWorkerApi>(this.worker);
  }

  start(config: DeviceConfig, onStatus: (status: GcdsStatus) => void): Promise<void> {
    return this.api.start(config, Comlink.proxy(onStatus));
  }

  /** A port to the GCDS's client API, for an engine. */
  port(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void this.api.connect(Comlink.transfer(port1, [port1]));
    return port2;
  }

  kill(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}

export class ProviderProcess {
  readonly worker: Worker;
  readonly api: Comlink.Remote<ProviderWorkerApi>;

  constructor(readonly id: BuiltinProviderId) {
    this.worker = new Worker(new URL('../workers/providerWorker.ts', import.meta.url), {
      type: 'module',
      name: `provider-${id}`,
    });
    this.api = Comlink.wrap<ProviderWorkerApi>(this.worker);
  }

  install(config: DeviceConfig, onEvent: (event: ProviderNotice) => void) {
    return this.api.install(config, this.id, Comlink.proxy(onEvent));
  }

  port(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void this.api.connect(Comlink.transfer(port1, [port1]));
    return port2;
  }

  async uninstall(): Promise<void> {
    await this.api.uninstall();
    this.terminate();
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** A CardDAV account's worker: one provider per address book of the account, all synced from here. */
export class CardDavAccountProcess {
  readonly worker: Worker;
  readonly api: Comlink.Remote<CardDavAccountWorkerApi>;

  constructor(readonly key: string) {
    this.worker = new Worker(new URL('../workers/cardDavAccountWorker.ts', import.meta.url), {
      type: 'module',
      name: `carddav-${key}`,
    });
    this.api = Comlink.wrap<CardDavAccountWorkerApi>(this.worker);
  }

  install(
    config: DeviceConfig,
    account: CardDavAccountSettings,
    onEvent: (event: ProviderNotice) => void,
    onBooks: (books: AddressBookState[]) => void,
  ) {
    return this.api.install(config, account, Comlink.proxy(onEvent), Comlink.proxy(onBooks));
  }

  port(providerId: CardDavProviderId): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void this.api.connect(providerId, Comlink.transfer(port1, [port1]));
    return port2;
  }

  async uninstall(): Promise<void> {
    await this.api.uninstall();
    this.terminate();
  }

  terminate(): void {
    this.worker.terminate();
  }
}

const ENGINE_WORKERS: Record<string, () => Worker> = {
  contacts: () =>
    new Worker(new URL('../workers/contactsEngineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'contacts-engine',
    }),
  phone: () =>
    new Worker(new URL('../workers/phoneEngineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'phone-engine',
    }),
  messages: () =>
    new Worker(new URL('../workers/messagesEngineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'messages-engine',
    }),
};

/** An app's consumer engine, started by the shell with the app's fixed manifest. */
export class EngineProcess {
  readonly worker: Worker;
  readonly api: Comlink.Remote<EngineWorkerApi>;

  constructor(readonly manifest: InstalledApp) {
    const make = ENGINE_WORKERS[manifest.appId];
    if (make === undefined) throw new Error(`no engine for app ${manifest.appId}`);
    this.worker = make();
    this.api = Comlink.wrap<EngineWorkerApi>(this.worker);
  }

  start(config: DeviceConfig, onStatus: (status: EngineStatus) => void): Promise<void> {
    return this.api.start(config, this.manifest, Comlink.proxy(onStatus));
  }

  /** A port to the engine's app API: the only thing the app's frame is handed. */
  appPort(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void this.api.connectApp(Comlink.transfer(port1, [port1]));
    return port2;
  }

  setService(name: ServiceName, port: MessagePort | null): void {
    if (!grants(this.manifest, name)) return;
    void this.api.setService(name, port === null ? null : Comlink.transfer(port, [port]));
  }
}
