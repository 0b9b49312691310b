import { describe, expect, it } from 'vitest';
import { AccessError } from '../access/accessLevel';
import type { Contact } from '../contact/contact';
import type { DataStoreAnnouncement } from '../dataStore/dataStorePlatform';
import { DataStorePlatform } from '../dataStore/dataStorePlatform';
import { PROVIDER_STORE_NAME, ProviderRegistry } from './providerRegistry';
import { defineProvider, type ProviderContext } from './types';

let counter = 0;
function newPlatform() {
  counter += 1;
  return new DataStorePlatform({ namespace: `registry-test-${counter}` });
}

const seeding = (contacts: Contact[]) =>
  defineProvider({
    id: 'seeded',
    manifest: { displayName: 'Seeded', accessLevel: 'privileged', writable: false },
    async start(ctx: ProviderContext) {
      await ctx.store.bulk(contacts.map((data) => ({ operation: 'put' as const, id: data.id, data })));
      return { providerId: ctx.providerId, signal: ctx.signal };
    },
  });

describe('ProviderRegistry', () => {
  it('installs a provider with its own store at its declared level and announces it', async () => {
    const platform = newPlatform();
    const announced: DataStoreAnnouncement[] = [];
    platform.announcements$.subscribe((a) => announced.push(a));
    const registry = new ProviderRegistry(platform);
    const installed = await registry.install(seeding([{ id: 'c1', given: 'Ada' }]));
    expect(installed.api.providerId).toBe('seeded');
    expect(announced).toEqual([
      {
        type: 'installed',
        store: {
          name: PROVIDER_STORE_NAME,
          owner: 'seeded',
          accessLevel: 'privileged',
          description: 'Seeded',
          provider: true,
        },
      },
    ]);
    const privileged = platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' });
    const web = platform.registerApp({ appId: 'web', accessLevel: 'web' });
    const reader = await platform.openStore<Contact>(privileged, PROVIDER_STORE_NAME, 'seeded');
    expect(await reader.get('c1')).toEqual({ id: 'c1', given: 'Ada' });
    await expect(platform.openStore(web, PROVIDER_STORE_NAME, 'seeded')).rejects.toBeInstanceOf(AccessError);
  });

  it('uninstalls: aborts the provider, deletes its store and says so', async () => {
    const platform = newPlatform();
    const registry = new ProviderRegistry(platform);
    const events: string[] = [];
    registry.events$.subscribe((e) => events.push(`${e.type}:${e.providerId}`));
    const installed = await registry.install(seeding([{ id: 'c1', given: 'Ada' }]));
    await registry.uninstall('seeded');
    expect(installed.api.signal.aborted).toBe(true);
    expect(events).toEqual(['installed:seeded', 'uninstalled:seeded']);
    expect(await platform.listStores(PROVIDER_STORE_NAME)).toEqual([]);
    expect(registry.get('seeded')).toBeUndefined();
    // Reinstalling starts from an empty store with a new epoch.
    const again = await registry.install(seeding([]));
    expect(again.id).toBe('seeded');
  });

  it('refuses a second install of the same id and leaves no identity behind when start fails', async () => {
    const platform = newPlatform();
    const registry = new ProviderRegistry(platform);
    await registry.install(seeding([]));
    await expect(registry.install(seeding([]))).rejects.toThrow(/already installed/);
    const failing = defineProvider({
      id: 'broken',
      manifest: { displayName: 'Broken', accessLevel: 'web', writable: false },
      start() {
        throw new Error('cannot start');
      },
    });
    await expect(registry.install(failing)).rejects.toThrow('cannot start');
    expect(() => platform.registerApp({ appId: 'broken', accessLevel: 'web' })).not.toThrow();
  });

  it('rejects provider ids that could not name a store owner', () => {
    expect(() =>
      defineProvider({
        id: 'Bad Id',
        manifest: { displayName: 'x', accessLevel: 'web', writable: false },
        start() {},
      }),
    ).toThrow(/lower-case/);
  });
});
