import type { GcdsStatus } from '@gcds/gcds';
import * as Comlink from 'comlink';
import type { LoadingProgress } from '../protocol/contactsApi';
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
  DemoBookWorkerApi,
  GcdsPoint,
  GcdsWorkerApi,
  ProviderNotice,
  ProviderWorkerApi,
} from '../protocol/workerApis';

/** A worker of the shell and its Comlink remote: what each process below is. */
abstract class WorkerProcess<Api> {
  readonly api: Comlink.Remote<Api>;

  constructor(readonly worker: Worker) {
    this.api = Comlink.wrap<Api>(worker);
  }

  /** A new channel: one end goes to the worker through `connect`, the other is returned (for an engine). */
  protected channel(connect: (port: MessagePort) => Promise<unknown>): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void connect(Comlink.transfer(port1, [port1]));
    return port2;
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** The GCDS worker. `kill()` is a terminate: no goodbye, open transactions abort. */
export class GcdsProcess extends WorkerProcess<GcdsWorkerApi> {
  readonly startedAt = performance.now();

  constructor() {
    super(new Worker(new URL('../workers/gcdsWorker.ts', import.meta.url), { type: 'module', name: 'gcds' }));
  }

  start(config: DeviceConfig, onStatus: (status: GcdsStatus, points: GcdsPoint[]) => void): Promise<void> {
    return this.api.start(config, Comlink.proxy(onStatus));
  }

  /** A port to the GCDS's client API, for an engine. */
  port(): MessagePort {
    return this.channel((port) => this.api.connect(port));
  }

  kill(): void {
    this.api[Comlink.releaseProxy]();
    this.terminate();
  }
}

export class ProviderProcess extends WorkerProcess<ProviderWorkerApi> {
  constructor(readonly id: BuiltinProviderId) {
    super(
      new Worker(new URL('../workers/providerWorker.ts', import.meta.url), {
        type: 'module',
        name: `provider-${id}`,
      }),
    );
  }

  install(config: DeviceConfig, onEvent: (event: ProviderNotice) => void, demoBook: MessagePort) {
    return this.api.install(config, this.id, Comlink.proxy(onEvent), Comlink.transfer(demoBook, [demoBook]));
  }

  port(): MessagePort {
    return this.channel((port) => this.api.connect(port));
  }

  async uninstall(): Promise<void> {
    await this.api.uninstall();
    this.terminate();
  }
}

/**
 * The demo book's worker, while providers install: generates the book once for all of them. Started
 * by the first install that needs a port, ended when the last install in flight is done.
 */
export class DemoBookProcess extends WorkerProcess<DemoBookWorkerApi> {
  #installing = 0;

  constructor(private readonly onDone: () => void) {
    super(
      new Worker(new URL('../workers/demoBookWorker.ts', import.meta.url), {
        type: 'module',
        name: 'demo-book',
      }),
    );
  }

  /** A port to the shares, for one install; `done` once that install no longer needs it. */
  lend(config: DeviceConfig): { port: MessagePort; done: () => void } {
    this.#installing += 1;
    let returned = false;
    return {
      port: this.channel((port) => this.api.connect(config.demo, port)),
      done: () => {
        if (returned) return;
        returned = true;
        this.#installing -= 1;
        if (this.#installing > 0) return;
        this.terminate();
        this.onDone();
      },
    };
  }
}

/** A CardDAV account's worker: one provider per address book of the account, all synced from here. */
export class CardDavAccountProcess extends WorkerProcess<CardDavAccountWorkerApi> {
  constructor(readonly key: string) {
    super(
      new Worker(new URL('../workers/cardDavAccountWorker.ts', import.meta.url), {
        type: 'module',
        name: `carddav-${key}`,
      }),
    );
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
    return this.channel((port) => this.api.connect(providerId, port));
  }

  async uninstall(): Promise<void> {
    await this.api.uninstall();
    this.terminate();
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
export class EngineProcess extends WorkerProcess<EngineWorkerApi> {
  constructor(readonly manifest: InstalledApp) {
    const make = ENGINE_WORKERS[manifest.appId];
    if (make === undefined) throw new Error(`no engine for app ${manifest.appId}`);
    super(make());
  }

  start(config: DeviceConfig, onStatus: (status: EngineStatus) => void): Promise<void> {
    return this.api.start(config, this.manifest, Comlink.proxy(onStatus));
  }

  /** A port to the engine's app API: the only thing the app's frame is handed. */
  appPort(): MessagePort {
    return this.channel((port) => this.api.connectApp(port));
  }

  setLoading(progress: LoadingProgress | null): void {
    void this.api.setLoading(progress);
  }

  setService(name: ServiceName, port: MessagePort | null): void {
    if (!grants(this.manifest, name)) return;
    void this.api.setService(name, port === null ? null : Comlink.transfer(port, [port]));
  }
}
