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
  /** Providers the registry listed at the start whose stores are still opening. */
  readonly #opening = new Set<string>();
  #announcementSubscription: Subscription | undefined;
  #announcements: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: ProviderWatcherOptions) {
    this.#options = options;
  }

  /**
   * Listens for installs and uninstalls, then watches every provider store there is now, each as soon as
   * it opens (reported as `changed`): a store its owner is still creating holds its open until the
   * upgrade is done, and must not hold back the sync of the others. `pending` covers the opens.
   */
  async start(): Promise<void> {
    const { platform } = this.#options;
    this.#announcementSubscription = platform.announcements$.subscribe((a) => this.#onAnnouncement(a));
    const providers = (await platform.listStores(PROVIDER_STORE_NAME)).filter(
      (info) => info.provider === true,
    );
    for (const info of providers) this.#opening.add(info.owner);
    const opened = Promise.all(providers.map((info) => this.#openListed(info.owner)));
    this.#announcements = this.#announcements.then(() => opened).then(() => undefined);
  }

  /** Whether the provider is watched, or was listed at the start and its store is still opening. */
  isKnown(provider: string): boolean {
    return this.#watched.has(provider) || this.#opening.has(provider);
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

  async #openListed(provider: string): Promise<void> {
    const { platform, identity } = this.#options;
    try {
      const reader = await platform.openStore<Contact>(identity, PROVIDER_STORE_NAME, provider);
      if (this.#stopped) return;
      this.#watch(reader);
      this.#options.changed(provider);
    } catch (error) {
      // Uninstalled since it was listed, most likely: its announcement says so, and is acted on next.
      this.#options.failed(error);
    } finally {
      this.#opening.delete(provider);
    }
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
