import type { PhotoRef, StoredBlob } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { FacebookApiError } from './facebookErrors';
import { type FriendPhotoContext, PICTURE_REQUESTS_AT_ONCE, pagePhotos } from './friendPhotos';
import { photoKey } from './syncState';

const png = (n: number): StoredBlob => ({
  bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n]),
  mediaType: 'image/png',
});

/** A store of blobs and metadata in memory, counting its transactions, and a server whose pictures take a turn. */
function setup(pictures: Map<string, StoredBlob>, meta: Record<string, unknown> = {}) {
  const blobs = new Map<string, StoredBlob>();
  const calls = { hasBlobs: 0, putBlobs: 0, downloads: [] as string[], inFlight: 0, mostInFlight: 0 };
  const context: FriendPhotoContext = {
    store: {
      getMeta: async (key) => meta[key],
      hasBlobs: async (ids) => {
        calls.hasBlobs += 1;
        return ids.map((id) => blobs.has(id));
      },
      putBlobs: async (written) => {
        calls.putBlobs += 1;
        for (const { id, blob } of written) blobs.set(id, blob);
      },
    },
    fetchPicture: async (id) => {
      calls.downloads.push(id);
      calls.inFlight += 1;
      calls.mostInFlight = Math.max(calls.mostInFlight, calls.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      calls.inFlight -= 1;
      const picture = pictures.get(id);
      if (picture === undefined) throw new FacebookApiError(404, `no picture ${id}`);
      return picture;
    },
    makeThumbnail: async (photo) => photo,
    signal: new AbortController().signal,
    known: new Map(),
  };
  return { context, blobs, calls };
}

describe('a page of friends\u2019 pictures', () => {
  it('downloads a few at a time and stores them all in one blob transaction', async () => {
    const pictures = new Map(Array.from({ length: 20 }, (_, i) => [`p${i}`, png(i)] as const));
    const { context, blobs, calls } = setup(pictures);
    const photos = await pagePhotos(context, [...pictures.keys(), 'p3']);
    expect(calls.downloads.sort()).toEqual([...pictures.keys()].sort());
    expect(calls.mostInFlight).toBe(PICTURE_REQUESTS_AT_ONCE);
    expect(calls.putBlobs).toBe(1);
    expect(photos.fetched).toBe(20);
    for (const [id, picture] of pictures) {
      const ref = photos.refs.get(id)!;
      expect(blobs.get(ref.id)).toEqual(picture);
      expect(photos.meta[photoKey(id)]).toEqual(ref);
    }
  });

  it('downloads none it has stored, and again one whose blob went', async () => {
    const pictures = new Map([
      ['kept', png(1)],
      ['lost', png(2)],
      ['new', png(3)],
    ]);
    const keptRef: PhotoRef = { id: 'kept-blob', thumbnailId: 'kept-blob', mediaType: 'image/png' };
    const lostRef: PhotoRef = { id: 'lost-blob', thumbnailId: 'lost-blob', mediaType: 'image/png' };
    // An earlier sync noted both in the store's metadata; only the first one's blob is still stored.
    const { context, blobs, calls } = setup(pictures, {
      [photoKey('kept')]: keptRef,
      [photoKey('lost')]: lostRef,
    });
    blobs.set('kept-blob', png(1));
    const photos = await pagePhotos(context, ['kept', 'lost', 'new']);
    expect(calls.downloads.sort()).toEqual(['lost', 'new']);
    expect(calls.hasBlobs).toBe(1);
    expect(photos.refs.get('kept')).toEqual(keptRef);
    expect(blobs.get(photos.refs.get('lost')!.id)).toEqual(png(2));
    expect(Object.keys(photos.meta).sort()).toEqual([photoKey('lost'), photoKey('new')]);
    // What this sync found or stored is known to its next pages: checked again, not downloaded.
    await pagePhotos(context, ['kept', 'lost', 'new']);
    expect(calls.downloads).toHaveLength(2);
  });

  it('leaves out a picture that is gone, with why, and stores the rest', async () => {
    const { context, blobs } = setup(new Map([['here', png(1)]]));
    const photos = await pagePhotos(context, ['here', 'gone']);
    expect(photos.problems.get('gone')).toMatch(/no picture gone/);
    expect(photos.refs.has('gone')).toBe(false);
    expect(blobs.get(photos.refs.get('here')!.id)).toEqual(png(1));
    expect(photos.fetched).toBe(1);
  });
});
