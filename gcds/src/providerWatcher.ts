import {
  type AppIdentity,
  type Contact,
  type DataStoreAnnouncement,
  type DataStorePlatform,
  type DataStoreReader,
  PROVIDER_STORE_NAME,
} from '@gcds/shared';
import type { Subscription } from 'rxjs';

export interface ProviderWatcherOptions {
  platform: DataStorePlatform;
  /** The GCDS's identity: it reads every provider. */
  identity: AppIdentity;
  /** A provider's store changed, or the provider was installed: it needs a sync. */
  changed(provider: string): void;
  /** A provider was uninstalled, as the registry bears out: its people must go. */
  uninstalled(provider: string): Promise<void>;
  /** Acting on an announcement failed. */
  failed(error: unknown): void;
}

/**
 * Which provider stores there are, and when each changes. Only stores the provider registry installed
 * are providers: any app may own a store of that name.
 */
export class ProviderWatcher {
  readonly #options: ProviderWatcherOptions;
  readonly #watched = new Map<string, { reader: DataStoreReader<Contact>; subscription: Subscription }>();
  #announcementSubscription: Subscription | undefined;
  #announcements: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: ProviderWatcherOptions) {
    this.#options = options;
  }

  /** Listens for installs and uninstalls, then watches every provider store there is now. */
  async start(): Promise<void> {
    const { platform, identity } = this.#options;
    this.#announcementSubscription = platform.announcements$.subscribe((a) => this.#onAnnouncement(a));
    const providers = (await platform.listStores(PROVIDER_STORE_NAME)).filter(
      (info) => info.provider === true,
    );
    for (const info of providers) {
      this.#watch(await platform.openStore<Contact>(identity, PROVIDER_STORE_NAME, info.owner));
    }
  }

  /** The providers watched now, in the order they were first watched. */
  providers(): string[] {
    return [...this.#watched.keys()];
  }

  reader(provider: string): DataStoreReader<Contact> | undefined {
    return this.#watched.get(provider)?.reader;
  }

  /** The announcements being acted on: each may be about to report a change. */
  get pending(): Promise<void> {
    return this.#announcements;
  }

  stop(): void {
    this.#stopped = true;
    this.#announcementSubscription?.unsubscribe();
    for (const { subscription } of this.#watched.values()) subscription.unsubscribe();
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
          this.#watched.get(provider)?.subscription.unsubscribe();
          this.#watched.delete(provider);
          await this.#options.uninstalled(provider);
          return;
        }
        if (!installed) return;
        const { platform, identity } = this.#options;
        this.#watch(await platform.openStore<Contact>(identity, PROVIDER_STORE_NAME, provider));
        this.#options.changed(provider);
      })
      .catch((error: unknown) => this.#options.failed(error));
  }

  /** Whether the registry has this provider's store now, installed through the provider registry. */
  async #isProvider(provider: string): Promise<boolean> {
    const stores = await this.#options.platform.listStores(PROVIDER_STORE_NAME);
    return stores.some((info) => info.owner === provider && info.provider === true);
  }

  #watch(reader: DataStoreReader<Contact>): void {
    this.#watched.get(reader.owner)?.subscription.unsubscribe();
    const subscription = reader.revisions$.subscribe(() => this.#options.changed(reader.owner));
    this.#watched.set(reader.owner, { reader, subscription });
  }
}
