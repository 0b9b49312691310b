import { describe, expect, it } from 'vitest';
import { AccessError } from '../access/accessLevel';
import { consumerPlatformOf } from '../consumerSync/consumerPlatform';
import type { Contact } from '../contact/contact';
import { PROVIDER_STORE_NAME, ProviderRegistry } from '../provider/providerRegistry';
import { storeProvider } from '../testing/storeProvider';
import { DataStorePlatform } from './dataStorePlatform';

/*
 * Minting identities and taking stores, written as the attacks: each succeeds if an identity or a
 * store's ownership is confined only to one platform instance (or to a TypeScript type).
 */

let counter = 0;

async function device() {
  counter += 1;
  const namespace = `confinement-${counter}-${Math.random().toString(36).slice(2)}`;
  const shell = new DataStorePlatform({ namespace });
  const registry = new ProviderRegistry(shell);
  const facebook = (await registry.install(storeProvider('facebook-sim', 'certified'))).api;
  await facebook.put('f1', { id: 'f1', given: 'Katherine', family: 'Johnson' } as Contact);
  const phone = shell.registerApp({ appId: 'phone', accessLevel: 'privileged' });
  return { namespace, shell, registry, facebook, phone };
}

describe('what a consumer is handed', () => {
  it('is a facade with no way to issue an identity, own or remove a store', async () => {
    const { shell, registry } = await device();
    const handed = consumerPlatformOf(shell) as unknown as Record<string, unknown>;
    for (const method of [
      'registerApp',
      'unregisterApp',
      'ownStore',
      'removeStore',
      'getDataStores',
      'close',
    ]) {
      expect(handed[method], method).toBeUndefined();
    }
    expect(Object.isFrozen(handed)).toBe(true);
    expect(Object.values(handed)).not.toContain(shell);
    expect(Object.getPrototypeOf(handed)).toBe(Object.prototype);
    await registry.shutdown();
    await shell.close();
  });
});

describe('a second platform on the device’s namespace', () => {
  it('cannot issue a provider’s identity at another level, nor lower its store’s level', async () => {
    const { namespace, shell, registry, phone } = await device();
    const second = new DataStorePlatform({ namespace });
    const lowered = second.registerApp({ appId: 'facebook-sim', accessLevel: 'web' });
    const manifest = { name: PROVIDER_STORE_NAME, access: 'readonly' as const, accessLevel: 'web' as const };
    await expect(second.ownStore(lowered, manifest)).rejects.toThrow(AccessError);
    await expect(second.openStore(lowered, PROVIDER_STORE_NAME, 'facebook-sim')).rejects.toThrow(AccessError);
    const same = new DataStorePlatform({ namespace });
    const asCertified = same.registerApp({ appId: 'facebook-sim', accessLevel: 'certified' });
    await expect(same.ownStore(asCertified, manifest)).rejects.toThrow(/installed at certified/);
    await expect(same.ownStore(asCertified, { ...manifest, accessLevel: 'certified' })).rejects.toThrow(
      /only the provider registry/,
    );
    await expect(same.removeStore(asCertified, PROVIDER_STORE_NAME)).rejects.toThrow(
      /another running context/,
    );
    // Through a registry of its own: the store is owned by the running provider.
    const third = new DataStorePlatform({ namespace });
    await expect(
      new ProviderRegistry(third).install(storeProvider('facebook-sim', 'certified')),
    ).rejects.toThrow(/another running context/);
    await third.close();
    // The privileged app still cannot read it, and its data is untouched.
    await expect(shell.openStore(phone, PROVIDER_STORE_NAME, 'facebook-sim')).rejects.toThrow(AccessError);
    const info = (await shell.listStores(PROVIDER_STORE_NAME)).find((s) => s.owner === 'facebook-sim');
    expect(info).toMatchObject({ accessLevel: 'certified', provider: true });
    await second.close();
    await same.close();
    await registry.shutdown();
    await shell.close();
  });

  it('after the provider’s context is gone, a restart at the same level takes the store again', async () => {
    const { namespace, shell, registry } = await device();
    await registry.shutdown();
    await shell.close();
    const restarted = new DataStorePlatform({ namespace });
    const again = (await new ProviderRegistry(restarted).install(storeProvider('facebook-sim', 'certified')))
      .api;
    expect(await again.get('f1')).toMatchObject({ given: 'Katherine' });
    await restarted.close();
  });
});
