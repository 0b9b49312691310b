import { DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import { contact, storeProvider } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { GCDS_APP_ID, Gcds } from '../src/gcdsService';

/*
 * Attacks on the GCDS as the browser lays it out: the GCDS on a platform of its own, the providers on
 * another (another worker), one namespace and one BroadcastChannel. Each is written as the attack and
 * succeeds if the GCDS believes what no store did.
 */

let counter = 0;

async function device() {
  counter += 1;
  const namespace = `gcds-trust-${counter}-${Math.random().toString(36).slice(2)}`;
  const channel = `gcds-trust-${counter}`;
  const providerSide = new DataStorePlatform({ namespace, broadcastChannelName: channel });
  const registry = new ProviderRegistry(providerSide);
  const local = (await registry.install(storeProvider('local', 'privileged'))).api;
  await local.bulk(
    ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'].map((name, i) => {
      const [given, family] = name.split(' ');
      const data = contact(`l${i}`, { given, family, tel: [{ value: `+1415555010${i}` }] });
      return { operation: 'put' as const, id: data.id, data };
    }),
  );
  const gcdsSide = new DataStorePlatform({ namespace, broadcastChannelName: channel });
  const identity = gcdsSide.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
  const gcds = await Gcds.start({ platform: gcdsSide, identity });
  await gcds.whenIdle();
  const forger = new BroadcastChannel(channel);
  const close = async () => {
    forger.close();
    await gcds.stop();
    await registry.shutdown();
    await gcdsSide.close();
    await providerSide.close();
  };
  return { namespace, local, gcds, gcdsSide, providerSide, forger, close };
}

const settle = async (gcds: Gcds) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await gcds.whenIdle();
};

function announce(forger: BroadcastChannel, type: string, owner: string) {
  forger.postMessage({
    source: 'forger',
    key: 'platform:announcements',
    event: { type, store: { name: 'contacts', owner, accessLevel: 'web' } },
  });
}

describe('the GCDS against forged announcements and events', () => {
  it('a forged "uninstalled" of a provider still installed drops no one', async () => {
    const { gcds, forger, close, local } = await device();
    expect(await gcds.personIds()).toHaveLength(3);
    announce(forger, 'uninstalled', 'local');
    await settle(gcds);
    expect(await gcds.personIds()).toHaveLength(3);
    // And it still hears the provider.
    const next = contact('l9', { given: 'Katherine', family: 'Johnson', tel: [{ value: '+14155550199' }] });
    await local.put(next.id, next);
    await settle(gcds);
    expect(await gcds.personIds()).toHaveLength(4);
    await close();
  });

  it('a forged "installed" for a store that does not exist is ignored, and rejects nothing', async () => {
    const { gcds, forger, close } = await device();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    announce(forger, 'installed', 'no-such-provider');
    forger.postMessage({ source: 'forger', key: 'platform:announcements', event: { type: 'installed' } });
    await settle(gcds);
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
    expect(gcds.status$).toBeDefined();
    expect(await gcds.personIds()).toHaveLength(3);
    await close();
  });

  it('a forged change event cannot end the GCDS’s feed of a provider', async () => {
    const { gcds, gcdsSide, close, local, namespace, forger } = await device();
    // What a holder of the reader would do: complete the stream behind it, and forge the bridge.
    const identity = gcdsSide.registerApp({ appId: 'forger', accessLevel: 'certified' });
    const reader = await gcdsSide.openStore(identity, 'contacts', 'local');
    let at = (reader.changes$ as { source?: unknown }).source;
    while (at !== undefined && at !== null) {
      (at as { complete?: () => void }).complete?.();
      at = (at as { source?: unknown }).source;
    }
    forger.postMessage({
      source: 'forger',
      key: `${namespace}:store:local:contacts`,
      event: { store: 'contacts', owner: 'local', revision: 1e9, ids: 'not a list', operation: 'clear' },
    });
    const next = contact('l9', { given: 'Katherine', family: 'Johnson', tel: [{ value: '+14155550199' }] });
    await local.put(next.id, next);
    await settle(gcds);
    expect(await gcds.personIds()).toHaveLength(4);
    await close();
  });
});

describe('the GCDS and a store that only looks like a provider’s', () => {
  it('never adopts a `contacts` store an app owns: its records join no one, live or after a restart', async () => {
    const { gcds, gcdsSide, close, providerSide } = await device();
    // A web app owns a store of the providers' name, with Ada's name and number beside its own number.
    const planter = providerSide.registerApp({ appId: 'planter', accessLevel: 'web' });
    const planted = await providerSide.ownStore(planter, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'web',
    });
    await planted.put(
      'p1',
      contact('p1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+14155550100' }, { value: '+19995550123' }],
      }),
    );
    await settle(gcds);
    const pointers = async (service: Gcds) =>
      (await Promise.all((await service.personIds()).map((id) => service.getPerson(id)))).flatMap(
        (person) => person?.pointers.map((p) => p.provider) ?? [],
      );
    expect(await pointers(gcds)).not.toContain('planter');
    expect(await gcds.personIds()).toHaveLength(3);
    await gcds.stop();
    const restarted = await Gcds.start({
      platform: gcdsSide,
      identity: gcdsSide.registerApp({ appId: 'gcds-restarted', accessLevel: 'certified' }),
    });
    await restarted.whenIdle();
    expect(await pointers(restarted)).not.toContain('planter');
    await restarted.stop();
    await close();
  });
});

describe('a device from before providers were marked', () => {
  it('adopts a provider’s store once the registry owns it again', async () => {
    const { gcds, providerSide, close } = await device();
    // A store recorded before the provider mark, as an upgraded device has it.
    const old = providerSide.registerApp({ appId: 'old-provider', accessLevel: 'privileged' });
    const store = await providerSide.ownStore(old, {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'privileged',
    });
    await store.put(
      'o1',
      contact('o1', { given: 'Grace', family: 'Hopper', tel: [{ value: '+12025550143' }] }),
    );
    providerSide.unregisterApp(old);
    await settle(gcds);
    expect(await gcds.personIds()).toHaveLength(3);
    const registry = new ProviderRegistry(providerSide);
    await registry.install(storeProvider('old-provider', 'privileged'));
    await settle(gcds);
    expect(await gcds.personIds()).toHaveLength(4);
    await registry.shutdown();
    await close();
  });
});
