import { DataStorePlatform, PROVIDER_STORE_NAME, ProviderRegistry } from '@gcds/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCardDavProvider } from './cardDavProvider';
import { FakeCardDavServer } from './testing/fakeCardDavServer';
import { startPhone } from './testing/phoneHarness';
import { vcard } from './testing/serverContents';
import type { AddressBookInfo } from './types';

const CARDS = 1_000;

describe('a large first sync', () => {
  let server: FakeCardDavServer;
  let book: AddressBookInfo;
  const account = { username: 'user', password: 'right' };

  beforeEach(async () => {
    server = await new FakeCardDavServer().start();
    for (let i = 0; i < CARDS; i += 1) {
      const n = String(i).padStart(5, '0');
      server.putCard(`p${n}`, vcard(`p${n}`, `Person ${n}`, [`TEL:+1 415 555 ${n.slice(1)}`]));
    }
    book = { url: server.bookUrl, readOnly: false, supportsSyncCollection: true };
  });
  afterEach(async () => {
    await server.stop();
  });

  it('shows people from its first batch on, and an interrupted one resumes where it stopped', async () => {
    const phone = await startPhone(book, { ...account, batchSize: 100 });
    // Killed as the fifth batch would commit: four batches (400 people) are in the store already.
    phone.plan.bulk = { in: 5, when: 'before-commit' };
    await expect(phone.api.sync()).rejects.toThrow('killed before the commit');
    expect(await phone.store.getLength()).toBe(400);
    const restarted = await phone.restart();
    const multigets = () => server.requests.filter((r) => r === 'REPORT /u/books/main/').length;
    const before = multigets();
    const report = await restarted.api.sync();
    expect(report).toMatchObject({ downloaded: CARDS - 400, kind: 'full', errors: [] });
    // One sync-collection listing, then only the 600 cards it did not have: 6 multigets of 100.
    expect(multigets() - before).toBe(1 + 6);
    expect(await restarted.store.getLength()).toBe(CARDS);
    await restarted.stop();
  });

  it('two accounts installed side by side through the registry, each its own store, read by the GCDS at privileged level', async () => {
    const other = await new FakeCardDavServer().start();
    other.putCard('solo', vcard('solo', 'Only in the second account'));
    const platform = new DataStorePlatform({ namespace: `carddav-two-accounts-${process.pid}` });
    const registry = new ProviderRegistry(platform);
    try {
      const first = await registry.install(
        createCardDavProvider({ url: server.url, ...account, retryBaseMs: 0 }),
      );
      const second = await registry.install(
        createCardDavProvider({ url: other.url, ...account, retryBaseMs: 0 }),
      );
      expect(first.id).not.toBe(second.id);
      expect(first.manifest).toMatchObject({ accessLevel: 'privileged', writable: true });
      await first.api.sync();
      await second.api.sync();
      expect(first.api.addressBook()?.displayName).toBe('Main');
      const gcds = platform.registerApp({ appId: 'gcds-test', accessLevel: 'privileged' });
      const stores = await platform.getDataStores(gcds, PROVIDER_STORE_NAME);
      const lengths = await Promise.all(stores.map(async (s) => [s.owner, await s.getLength()] as const));
      expect(new Map(lengths)).toEqual(
        new Map([
          [first.id, CARDS],
          [second.id, 1],
        ]),
      );
      const web = platform.registerApp({ appId: 'web-test', accessLevel: 'web' });
      await expect(platform.openStore(web, PROVIDER_STORE_NAME, first.id)).rejects.toThrow();
    } finally {
      await registry.shutdown();
      await platform.close();
      await other.stop();
    }
  });
});
