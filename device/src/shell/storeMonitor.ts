import { type AppIdentity, type DataStoreInfo, DataStorePlatform, type DataStoreReader } from '@gcds/shared';
import { asyncScheduler, type Subscription, throttleTime } from 'rxjs';
import type { DeviceConfig } from '../protocol/deviceConfig';

export interface StoreState {
  info: DataStoreInfo;
  revision: number;
  length: number;
}

/**
 * The system panel's view of every DataStore: the shell's own platform instance with a certified
 * `system` identity, reading revisions as change events arrive over the BroadcastChannel bridge.
 */
export class StoreMonitor {
  readonly #platform: DataStorePlatform;
  readonly #identity: AppIdentity;
  readonly #watched = new Map<string, { reader: DataStoreReader<unknown>; subscription: Subscription }>();
  readonly #states = new Map<string, StoreState>();

  constructor(
    config: DeviceConfig,
    private readonly onChange: () => void,
  ) {
    this.#platform = new DataStorePlatform({
      namespace: config.namespace,
      broadcastChannelName: config.channel,
    });
    this.#identity = this.#platform.registerApp({ appId: 'system', accessLevel: 'certified' });
    this.#platform.announcements$.subscribe(() => void this.refresh());
  }

  get states(): StoreState[] {
    return [...this.#states.values()].sort((a, b) => key(a.info).localeCompare(key(b.info)));
  }

  revisionOf(owner: string, name: string): number | undefined {
    return this.#states.get(`${owner}/${name}`)?.revision;
  }

  async refresh(): Promise<void> {
    const infos = await this.#platform.listStores();
    const present = new Set(infos.map(key));
    for (const [k, watched] of this.#watched) {
      if (!present.has(k)) {
        watched.subscription.unsubscribe();
        this.#watched.delete(k);
        this.#states.delete(k);
      }
    }
    for (const info of infos) {
      const k = key(info);
      if (!this.#watched.has(k)) {
        const reader = await this.#platform.openStore<unknown>(this.#identity, info.name, info.owner);
        const subscription = reader.changes$
          .pipe(throttleTime(120, asyncScheduler, { leading: true, trailing: true }))
          .subscribe(() => void this.#read(info, reader));
        this.#watched.set(k, { reader, subscription });
      }
      await this.#read(info, this.#watched.get(k)!.reader);
    }
    this.onChange();
  }

  async #read(info: DataStoreInfo, reader: DataStoreReader<unknown>): Promise<void> {
    try {
      const [revision, length] = await Promise.all([reader.getRevision(), reader.getLength()]);
      this.#states.set(key(info), { info, revision, length });
    } catch {
      // The store went away between the event and the read (an uninstall): the next refresh drops it.
      this.#states.delete(key(info));
    }
    this.onChange();
  }

  async close(): Promise<void> {
    for (const { subscription } of this.#watched.values()) subscription.unsubscribe();
    await this.#platform.close();
  }
}

function key(info: DataStoreInfo): string {
  return `${info.owner}/${info.name}`;
}
