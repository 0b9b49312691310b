import { type Observable, Subject } from 'rxjs';
import type { Contact } from '../contact/contact';
import type { AppIdentity, DataStorePlatform } from '../dataStore/dataStorePlatform';
import type { DataStoreOwner } from '../dataStore/types';
import { PROVIDER_GRANT } from './providerGrant';
import type { ProviderDefinition, ProviderManifest } from './types';

/** The name every provider's store has, as in Gaia: each provider owns one `contacts` DataStore. */
export const PROVIDER_STORE_NAME = 'contacts';

export interface InstalledProvider<API = unknown> {
  readonly id: string;
  readonly manifest: ProviderManifest;
  readonly api: API;
}

export interface ProviderEvent {
  type: 'installed' | 'uninstalled';
  providerId: string;
  manifest: ProviderManifest;
}

interface Running {
  definition: ProviderDefinition<unknown>;
  identity: AppIdentity;
  controller: AbortController;
  api: unknown;
}

export interface ProviderRegistryOptions {
  defaultRegion?: string;
  now?: () => number;
}

/**
 * Installs and uninstalls provider plugins at runtime. Each provider gets an app identity at its declared
 * level and the owner handle of its own `contacts` store, and nothing else. The platform announces the
 * store (the `datastore-change-contacts` system message), which is how the GCDS finds new providers.
 */
export class ProviderRegistry {
  readonly #running = new Map<string, Running>();
  readonly #events = new Subject<ProviderEvent>();
  readonly events$: Observable<ProviderEvent> = this.#events.asObservable();

  constructor(
    private readonly platform: DataStorePlatform,
    private readonly options: ProviderRegistryOptions = {},
  ) {}

  async install<API>(definition: ProviderDefinition<API>): Promise<InstalledProvider<API>> {
    if (this.#running.has(definition.id)) throw new Error(`provider "${definition.id}" is already installed`);
    const identity = this.platform.registerApp({
      appId: definition.id,
      accessLevel: definition.manifest.accessLevel,
      displayName: definition.manifest.displayName,
    });
    const controller = new AbortController();
    let api: API;
    try {
      const store = await this.platform.ownStore<Contact>(
        identity,
        {
          name: PROVIDER_STORE_NAME,
          access: 'readonly',
          accessLevel: definition.manifest.accessLevel,
          description: definition.manifest.description ?? definition.manifest.displayName,
        },
        { grant: PROVIDER_GRANT },
      );
      api = await definition.start({
        providerId: definition.id,
        store,
        signal: controller.signal,
        defaultRegion: this.options.defaultRegion ?? 'US',
        now: this.options.now ?? Date.now,
      });
    } catch (error) {
      this.platform.unregisterApp(identity);
      throw error;
    }
    this.#running.set(definition.id, { definition, identity, controller, api });
    this.#events.next({ type: 'installed', providerId: definition.id, manifest: definition.manifest });
    return { id: definition.id, manifest: definition.manifest, api };
  }

  /** Stops the provider and deletes its store: its contacts leave the GCDS and every consumer. */
  async uninstall(providerId: string): Promise<void> {
    const running = this.#running.get(providerId);
    if (running === undefined) throw new Error(`provider "${providerId}" is not installed`);
    await this.#stop(running);
    await this.platform.removeStore(running.identity, PROVIDER_STORE_NAME);
    this.platform.unregisterApp(running.identity);
    this.#running.delete(providerId);
    this.#events.next({ type: 'uninstalled', providerId, manifest: running.definition.manifest });
  }

  get<API>(providerId: string): InstalledProvider<API> | undefined {
    const running = this.#running.get(providerId);
    if (running === undefined) return undefined;
    return { id: providerId, manifest: running.definition.manifest, api: running.api as API };
  }

  list(): InstalledProvider[] {
    return [...this.#running.keys()].map((id) => this.get(id)!);
  }

  /** Stops every provider, keeping their data (a device shutdown, not an uninstall). */
  async shutdown(): Promise<void> {
    for (const running of this.#running.values()) {
      await this.#stop(running);
      this.platform.unregisterApp(running.identity);
    }
    this.#running.clear();
    this.#events.complete();
  }

  async #stop(running: Running): Promise<void> {
    running.controller.abort();
    await running.definition.stop?.();
  }
}

export type ProviderStore = DataStoreOwner<Contact>;
