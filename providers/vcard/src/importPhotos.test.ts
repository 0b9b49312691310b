import {
  type Contact,
  DataStorePlatform,
  type DataStoreReader,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
  type ThumbnailMaker,
} from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { withWrappedStore } from '../test/wrappedStore';
import { createVcardProvider, type VcardProviderApi } from './vcardProvider';

/* How an import stores its cards' photos: one blob transaction per batch, before the batch's contacts. */

let counter = 0;

/** A browser-like thumbnail: other bytes than the photo's, so photo and thumbnail are two blobs. */
const thumbnailOf: ThumbnailMaker = async (photo) => ({
  bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, ...photo.bytes.subarray(4)]),
  mediaType: 'image/jpeg',
});

/**
 * The provider with its store's writes logged in order (`blobs:<count>`, `bulk:<puts>`); the blob
 * transaction numbered `failBlobs` (1-based) fails, as a crash there would leave it.
 */
async function setup(options: { makeThumbnail?: ThumbnailMaker; failBlobs?: number } = {}) {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `vcard-import-photos-${counter}` });
  const registry = new ProviderRegistry(platform, { now: () => 1_700_000_000_000 });
  const definition = createVcardProvider({ makeThumbnail: options.makeThumbnail ?? thumbnailOf });
  const writes: string[] = [];
  let blobTransactions = 0;
  const counted = withWrappedStore(definition, (store) => ({
    putBlob: (id, blob) => {
      writes.push('blobs:1');
      return store.putBlob(id, blob);
    },
    putBlobs: (blobs) => {
      writes.push(`blobs:${blobs.length}`);
      blobTransactions++;
      if (blobTransactions === options.failBlobs) return Promise.reject(new Error('killed'));
      return store.putBlobs(blobs);
    },
    bulk: (operations, bulkOptions) => {
      const puts = operations.filter((o) => o.operation === 'put').length;
      if (puts > 0) writes.push(`bulk:${puts}`);
      return store.bulk(operations, bulkOptions);
    },
  }));
  const installed = await registry.install(counted);
  const app = platform.registerApp({ appId: `reader-${counter}`, accessLevel: 'privileged' });
  const reader = await platform.openStore<Contact>(app, PROVIDER_STORE_NAME, installed.id);
  return { api: installed.api as VcardProviderApi, reader, writes };
}

/** A card with a photo of its own (JPEG signature, then `i` in bytes); `tel` changes its content. */
function card(i: number, tel = '+1 415 555 0100'): string {
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, i & 0xff, i >> 8]).toString('base64');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:p${i}`,
    `FN:P${i}`,
    `TEL:${tel}`,
    `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`,
    'END:VCARD',
  ].join('\r\n');
}

const vcf = (count: number) => Array.from({ length: count }, (_, i) => card(i)).join('\r\n');

async function all(reader: DataStoreReader<Contact>): Promise<Contact[]> {
  return (await reader.getMany(await reader.keys())).filter((c): c is Contact => c !== undefined);
}

/** Every contact's photo and thumbnail are stored: no record points at a blob that was not written. */
async function expectPhotosStored(reader: DataStoreReader<Contact>, contacts: Contact[]): Promise<void> {
  for (const contact of contacts) {
    expect(contact.photo).toBeDefined();
    expect(await reader.getBlob(contact.photo!.id)).toBeDefined();
    expect(await reader.getBlob(contact.photo!.thumbnailId!)).toBeDefined();
  }
}

describe('the photos of a vCard import', () => {
  it('are written in one blob transaction per batch, before the contacts of that batch', async () => {
    const { api, reader, writes } = await setup();
    const report = await api.importFile('people.vcf', vcf(10), { batchSize: 4 });
    expect(report.added).toBe(10);
    // ⌈10 / 4⌉ = 3 blob transactions, not 10 (or 20 with the thumbnails): each photo and its thumbnail.
    expect(writes).toEqual(['blobs:8', 'bulk:4', 'blobs:8', 'bulk:4', 'blobs:4', 'bulk:2']);
    const contacts = await all(reader);
    expect(new Set(contacts.map((c) => c.photo?.id)).size).toBe(10);
    expect(contacts.every((c) => c.photo?.thumbnailId !== c.photo?.id)).toBe(true);
    await expectPhotosStored(reader, contacts);
  });

  it('writes no blob and makes no thumbnail for photos already stored, on a re-import of changed cards', async () => {
    let thumbnails = 0;
    const makeThumbnail: ThumbnailMaker = (photo) => {
      thumbnails++;
      return thumbnailOf(photo);
    };
    const { api, reader, writes } = await setup({ makeThumbnail });
    await api.importFile('people.vcf', vcf(3));
    writes.length = 0;
    const changed = [0, 1, 2].map((i) => card(i, '+1 415 555 0199')).join('\r\n');
    const report = await api.importFile('people.vcf', changed);
    expect({ updated: report.updated, thumbnails, writes }).toEqual({
      updated: 3,
      thumbnails: 3,
      writes: ['bulk:3'],
    });
    await expectPhotosStored(reader, await all(reader));
  });

  it('imports a card whose thumbnail cannot be made, with its photo standing in, and the rest of its batch', async () => {
    const makeThumbnail: ThumbnailMaker = async (photo) => {
      if (photo.bytes[4] === 1) throw new Error('the decoder gave up');
      return thumbnailOf(photo);
    };
    const { api, reader, writes } = await setup({ makeThumbnail });
    const report = await api.importFile('people.vcf', vcf(3));
    expect({ added: report.added, errors: report.errors }).toEqual({ added: 3, errors: [] });
    expect(report.warnings).toEqual([
      {
        file: 'people.vcf',
        line: 8,
        message:
          'line 8: no thumbnail could be made of the photo (the decoder gave up), so the photo itself is shown in lists (the card "P1" starting at line 8 was imported)',
      },
    ]);
    expect(writes).toEqual(['blobs:5', 'bulk:3']);
    const contacts = await all(reader);
    const broken = contacts.find((c) => c.formattedName === 'P1')!;
    expect(broken.photo?.thumbnailId).toBe(broken.photo?.id);
    await expectPhotosStored(reader, contacts);
  });

  it('writes none of a batch whose photos could not be written, and keeps the batches before it whole', async () => {
    const { api, reader, writes } = await setup({ failBlobs: 2 });
    await expect(api.importFile('people.vcf', vcf(10), { batchSize: 4 })).rejects.toThrow('killed');
    expect(writes).toEqual(['blobs:8', 'bulk:4', 'blobs:8']);
    const contacts = await all(reader);
    expect(contacts.map((c) => c.formattedName).sort()).toEqual(['P0', 'P1', 'P2', 'P3']);
    await expectPhotosStored(reader, contacts);
  });
});
