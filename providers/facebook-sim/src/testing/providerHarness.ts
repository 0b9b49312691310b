import { type Contact, type DataStoreOwner, DataStorePlatform, type DataStoreReader } from '@gcds/shared';
import {
  createFacebookSimProvider,
  type FacebookSimApi,
  type FacebookSimProviderOptions,
} from '../facebookSimProvider';

let namespaces = 0;

/** Wraps the owner handle the provider gets, e.g. to crash around a write. */
export type StoreWrapper = (store: DataStoreOwner<Contact>) => DataStoreOwner<Contact>;

/**
 * Runs the provider the way the registry does (its own certified `contacts` store, a context, a signal),
 * but lets a test kill it and start a fresh instance over the same IndexedDB data: `restart()` closes the
 * platform, as a process dying would, and opens a new one on the same namespace.
 */
export async function openHarness(options: FacebookSimProviderOptions, wrap?: StoreWrapper) {
  namespaces += 1;
  const namespace = `facebook-sim-test-${namespaces}`;
  let platform!: DataStorePlatform;
  let owner!: DataStoreOwner<Contact>;
  let reader!: DataStoreReader<Contact>;
  let controller!: AbortController;
  let api!: FacebookSimApi;
  let definition!: ReturnType<typeof createFacebookSimProvider>;
  let clock = 1_000;

  const boot = async (wrapper: StoreWrapper | undefined) => {
    platform = new DataStorePlatform({ namespace, now: () => clock });
    const identity = platform.registerApp({ appId: 'facebook-sim', accessLevel: 'certified' });
    owner = await platform.ownStore<Contact>(identity, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'certified',
    });
    const system = platform.registerApp({ appId: 'system-reader', accessLevel: 'certified' });
    reader = await platform.openStore<Contact>(system, 'contacts', 'facebook-sim');
    controller = new AbortController();
    definition = createFacebookSimProvider(options);
    api = await definition.start({
      providerId: 'facebook-sim',
      store: wrapper === undefined ? owner : wrapper(owner),
      signal: controller.signal,
      defaultRegion: 'US',
      now: () => clock,
    });
  };
  await boot(wrap);

  return {
    get api() {
      return api;
    },
    /** The raw owner handle (no wrapper): for tests that tamper with the store as a bug would. */
    get owner() {
      return owner;
    },
    get reader() {
      return reader;
    },
    tick(ms: number) {
      clock += ms;
    },
    /** Aborts the running instance (as an uninstall or shutdown does) without waiting. */
    kill() {
      controller.abort(new Error('provider killed'));
    },
    /** Kills the instance, closes the platform and starts a fresh provider over the same data. */
    async restart(wrapper?: StoreWrapper) {
      controller.abort(new Error('provider killed'));
      await definition.stop?.();
      await platform.close();
      await boot(wrapper);
    },
    async close() {
      controller.abort(new Error('test over'));
      await definition.stop?.();
      await platform.close();
    },
  };
}
