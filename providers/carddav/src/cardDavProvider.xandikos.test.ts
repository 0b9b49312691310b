import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAddressBooks } from './cardDavAccount';
import type { RunningDavServer } from './testing/davServerProcess';
import { startPhone } from './testing/phoneHarness';
import { serverBinary, XANDIKOS_PATH } from './testing/serverBinaries';
import { rawClient, serverContents, vcard } from './testing/serverContents';
import { startXandikos } from './testing/xandikosServer';

const available = serverBinary('xandikos', XANDIKOS_PATH, 'xandikos');

/** The same provider against a second, stricter server: nothing in the client may be Radicale's. */
describe.skipIf(!available)('the CardDAV provider against xandikos', () => {
  let server: RunningDavServer;

  beforeAll(async () => {
    server = await startXandikos();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('syncs both ways, deletes both ways, and a quiet sync is one request', async () => {
    const url = await server.createAddressBook('people', 'People');
    const book = (await discoverAddressBooks({ url: server.url })).find((b) => b.url === url);
    expect(book).toMatchObject({ supportsSyncCollection: true, readOnly: false });
    const raw = rawClient(server);
    await raw.put(`${url}web.vcf`, vcard('web', 'From the web', ['X-KEEP:yes']), { create: true });
    const phone = await startPhone(book!, {});
    expect(await phone.api.sync()).toMatchObject({ downloaded: 1, errors: [] });
    const mine = await phone.api.add({ formattedName: 'Made here', email: [{ value: 'made@example.org' }] });
    await phone.api.update('web', { note: 'edited on the phone' });
    expect(await phone.api.sync()).toMatchObject({ uploaded: 2, downloaded: 0, errors: [] });
    const contents = await serverContents(raw, url);
    expect(contents.get(mine.id)?.email).toEqual([{ value: 'made@example.org' }]);
    expect(contents.get('web')).toMatchObject({
      note: 'edited on the phone',
      extra: [{ name: 'X-KEEP', value: 'yes' }],
    });
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
    await phone.api.remove(mine.id);
    const web = await raw.get(`${url}web.vcf`);
    await raw.delete(`${url}web.vcf`, web?.etag);
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1, deleted: 1 });
    expect(await phone.records()).toEqual([]);
    expect((await serverContents(raw, url)).size).toBe(0);
    await phone.stop();
  });
});
