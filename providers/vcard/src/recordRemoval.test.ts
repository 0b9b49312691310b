import {
  type Contact,
  contentId,
  DataStorePlatform,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
} from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { bytesOfBase64, CORPUS_JPEG_BASE64, corpusBytes } from '../test/corpusFiles';
import { createVcardProvider, type VcardProviderApi } from './vcardProvider';

/* Deleting one imported record (the user's Delete on an import-only contact) and its Undo. */

const JPEG = bytesOfBase64(CORPUS_JPEG_BASE64);
const FILE = 'apple-3.0.vcf';
let counter = 0;

async function setup() {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `vcard-record-removal-${counter}` });
  const registry = new ProviderRegistry(platform, { now: () => 1_700_000_000_000 });
  const installed = await registry.install(createVcardProvider());
  const api = installed.api as VcardProviderApi;
  const app = platform.registerApp({ appId: `reader-${counter}`, accessLevel: 'privileged' });
  const reader = await platform.openStore<Contact>(app, PROVIDER_STORE_NAME, installed.id);
  const report = await api.importFile(FILE, corpusBytes(FILE));
  const contacts = (await reader.getMany(await reader.keys())).filter((c): c is Contact => c !== undefined);
  const john = contacts.find((c) => c.formattedName === 'Dr. John Q. Appleseed Jr.')!;
  return { api, reader, report, john };
}

describe('removing one imported record', () => {
  it('removes the record and its photo, and a re-import of the file adds it anew', async () => {
    const { api, reader, john } = await setup();
    const photoId = await contentId(JPEG);
    const removed = await api.removeRecord(john.id);
    expect(removed?.file).toBe(FILE);
    expect(removed?.contact).toEqual(john);
    expect(await reader.get(john.id)).toBeUndefined();
    // No other record refers to the photo: it goes with the record.
    expect(await reader.getBlob(photoId)).toBeUndefined();
    expect(await api.listFiles()).toEqual([FILE]);

    // The file still has the card: importing it again brings it back, as a new card would be.
    const again = await api.importFile(FILE, corpusBytes(FILE));
    expect([again.added, again.unchanged]).toEqual([1, 1]);
    expect(await reader.get(john.id)).toEqual(john);
  });

  it('puts the record back exactly as it was, photo and file state included', async () => {
    const { api, reader, john } = await setup();
    const removed = (await api.removeRecord(john.id))!;
    await api.restoreRecord(removed);
    expect(await reader.get(john.id)).toEqual(john);
    expect(await reader.getBlob(john.photo!.id)).toEqual({ bytes: JPEG, mediaType: 'image/jpeg' });
    // The file's state has it again: a re-import finds nothing to write.
    const again = await api.importFile(FILE, corpusBytes(FILE));
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 2]);
  });

  it('puts back the only record of a file, and the file is listed again', async () => {
    const { api, reader, report } = await setup();
    const ids = report.cards.map((card) => card.id);
    const first = (await api.removeRecord(ids[0]!))!;
    await api.removeRecord(ids[1]!);
    expect(await api.listFiles()).toEqual([]);
    await api.restoreRecord(first);
    expect(await api.listFiles()).toEqual([FILE]);
    expect(await reader.keys()).toEqual([ids[0]]);
  });

  it('answers undefined for a record no file has', async () => {
    const { api } = await setup();
    expect(await api.removeRecord('u-nothing')).toBeUndefined();
  });
});
