import { startPipeline } from '@gcds/gcds/testing';
import { createLocalProvider } from '@gcds/provider-local';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCardDavProvider } from './cardDavProvider';
import { FakeCardDavServer } from './testing/fakeCardDavServer';
import { vcard } from './testing/serverContents';

describe('CardDAV contacts in the GCDS', () => {
  let server: FakeCardDavServer;

  beforeEach(async () => {
    server = await new FakeCardDavServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reach the aggregator as any provider does, merge with the phone’s own, and leave with a server delete', async () => {
    server.putCard('ada', vcard('ada', 'Ada Lovelace', ['TEL;TYPE=CELL:+1 415 555 0100']));
    server.putCard('alan', vcard('alan', 'Alan Turing'));
    const pipeline = await startPipeline();
    try {
      const local = await pipeline.registry.install(createLocalProvider());
      const mine = await local.api.add({
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+14155550100' }],
      });
      const carddav = await pipeline.registry.install(
        createCardDavProvider({ url: server.url, username: 'user', password: 'right', retryBaseMs: 0 }),
      );
      await carddav.api.sync();
      expect(await pipeline.groups()).toEqual(
        [`${carddav.id}:ada + local:${mine.id}`, `${carddav.id}:alan`].sort(),
      );
      server.deleteCard('alan');
      await carddav.api.sync();
      expect(await pipeline.groups()).toEqual([`${carddav.id}:ada + local:${mine.id}`]);
    } finally {
      await pipeline.gcds.stop();
      await pipeline.registry.shutdown();
      await pipeline.platform.close();
    }
  });
});
