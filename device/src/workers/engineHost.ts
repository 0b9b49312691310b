import { type AppIdentity, type ConsumerPlatform, consumerPlatformOf, DataStorePlatform } from '@gcds/shared';
import * as Comlink from 'comlink';
import { asyncScheduler, type Observable, throttleTime } from 'rxjs';
import type { AppMethodTable } from '../protocol/appRpc';
import type { LoadingProgress } from '../protocol/contactsApi';
import {
  type DeviceConfig,
  grants,
  type InstalledApp,
  isCardDavProvider,
  type ServiceName,
} from '../protocol/deviceConfig';
import type { EngineStatus, EngineWorkerApi } from '../protocol/engineApi';
import { serveAppApi } from './appRpcDispatcher';

export interface EngineContext {
  config: DeviceConfig;
  manifest: InstalledApp;
  /** A consumer's narrowed view of the platform: it cannot issue identities or own stores. */
  platform: ConsumerPlatform;
  /** Issued here, by the platform this worker owns, from the manifest the shell sent: never by the app. */
  identity: AppIdentity;
  service<T>(name: ServiceName): Comlink.Remote<T>;
  /** The services the shell has connected right now (providers come and go at runtime). */
  connected(): ServiceName[];
}

export interface Engine<Api extends object> {
  /** The API served to the app's frame, through the allow-list `methods` only (never comlink). */
  appApi: Api;
  methods: AppMethodTable<Api>;
  status$: Observable<Omit<EngineStatus, 'appId'>>;
  /** An engine whose app shows import progress takes the shell's count here. */
  setLoading?(progress: LoadingProgress | null): void;
}

/**
 * Runs an app's consumer engine in a worker. The shell sends the app's manifest on the worker's own
 * channel, which the app never sees; the identity is registered here from that manifest. The app's frame
 * gets a port to `appApi` only, served by the app dispatcher (one allow-listed method per call, plain data
 * back), so nothing it sends can run code here or change its identity or level. Comlink stays on the
 * worker's own channel to the shell, which is trusted.
 */
export function hostEngine<Api extends object>(
  create: (context: EngineContext) => Promise<Engine<Api>>,
): void {
  let engine: Engine<Api> | undefined;
  const services = new Map<ServiceName, Comlink.Remote<unknown>>();
  const pendingApps: MessagePort[] = [];

  const api: EngineWorkerApi = {
    async start(config, manifest, onStatus) {
      const platform = new DataStorePlatform({
        namespace: config.namespace,
        broadcastChannelName: config.channel,
      });
      const identity = platform.registerApp({ appId: manifest.appId, accessLevel: manifest.accessLevel });
      engine = await create({
        config,
        manifest,
        platform: consumerPlatformOf(platform),
        identity,
        service<T>(name: ServiceName) {
          if (!grants(manifest, name)) throw new Error(`${manifest.name} may not use ${name}`);
          const remote = services.get(name);
          if (remote === undefined) throw new Error(serviceMissing(name));
          return remote as Comlink.Remote<T>;
        },
        connected: () => [...services.keys()],
      });
      engine.status$
        .pipe(throttleTime(100, asyncScheduler, { leading: true, trailing: true }))
        .subscribe((status) => {
          void onStatus({ appId: manifest.appId, ...status });
        });
      for (const port of pendingApps.splice(0)) serveAppApi(port, engine.appApi, engine.methods);
    },
    connectApp(port) {
      if (engine === undefined) pendingApps.push(port);
      else serveAppApi(port, engine.appApi, engine.methods);
    },
    setLoading(progress) {
      engine?.setLoading?.(progress);
    },
    setService(name, port) {
      const previous = services.get(name);
      if (previous !== undefined) previous[Comlink.releaseProxy]();
      if (port === null) services.delete(name);
      else services.set(name, Comlink.wrap(port));
    },
  };
  Comlink.expose(api);
}

function serviceMissing(name: ServiceName): string {
  if (isCardDavProvider(name)) return 'This CardDAV account is not installed any more.';
  switch (name) {
    case 'gcds':
      return 'The contacts service (GCDS) is not running right now. Try again in a moment.';
    case 'local':
      return 'The phone contacts provider is not installed.';
    case 'vcard':
      return 'The vCard provider is not installed.';
    case 'facebook-sim':
      return 'The Facebook provider is not installed.';
  }
}
