import { describe, expect, it } from 'vitest';
import type { StoredBlob } from '../dataStore/types';
import { preparePhotoBatch } from './photoBatch';
import { contentId, type ThumbnailMaker } from './photoBlobs';

const jpeg = (n: number): StoredBlob => ({
  bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, n]),
  mediaType: 'image/jpeg',
});

/** A thumbnail of other bytes (as a browser's would be), counting the calls. */
function counting() {
  const made: number[] = [];
  const makeThumbnail: ThumbnailMaker = async (photo) => {
    made.push(photo.bytes[4]!);
    return { bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, photo.bytes[4]!]), mediaType: 'image/jpeg' };
  };
  return { made, makeThumbnail };
}

describe('a batch of photos', () => {
  it('gives each photo its reference in order, and each distinct photo and thumbnail one blob', async () => {
    const { made, makeThumbnail } = counting();
    const batch = await preparePhotoBatch([jpeg(1), jpeg(2), jpeg(1)], makeThumbnail);
    const [one, two] = [await contentId(jpeg(1).bytes), await contentId(jpeg(2).bytes)];
    expect(batch.refs.map((ref) => ref.id)).toEqual([one, two, one]);
    expect(batch.refs[0]).toEqual(batch.refs[2]);
    expect(batch.refs[0]?.thumbnailId).not.toBe(one);
    expect(made.sort()).toEqual([1, 2]);
    const ids = batch.blobs.map(({ id }) => id);
    expect(ids.sort()).toEqual([one, two, batch.refs[0]?.thumbnailId, batch.refs[1]?.thumbnailId].sort());
    expect(batch.added).toEqual(new Map(batch.refs.map((ref) => [ref.id, ref.thumbnailId])));
  });

  it('writes a photo that is its own thumbnail once', async () => {
    const batch = await preparePhotoBatch([jpeg(1)], async (photo) => photo);
    const id = await contentId(jpeg(1).bytes);
    expect(batch.blobs).toEqual([{ id, blob: jpeg(1) }]);
    expect(batch.refs).toEqual([{ id, thumbnailId: id, mediaType: 'image/jpeg' }]);
  });

  it('neither thumbnails nor writes a photo an earlier batch stored', async () => {
    const { made, makeThumbnail } = counting();
    const id = await contentId(jpeg(1).bytes);
    const batch = await preparePhotoBatch([jpeg(1), jpeg(2)], makeThumbnail, new Map([[id, 'thumb-1']]));
    expect(made).toEqual([2]);
    expect(batch.refs[0]).toEqual({ id, thumbnailId: 'thumb-1', mediaType: 'image/jpeg' });
    expect(batch.blobs.map((blob) => blob.id)).not.toContain(id);
    expect([...batch.added.keys()]).toEqual([await contentId(jpeg(2).bytes)]);
  });

  it('makes one thumbnail at a time (side by side they contend for the same cores)', async () => {
    let running = 0;
    let most = 0;
    const slow: ThumbnailMaker = async (photo) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return photo;
    };
    const photos = Array.from({ length: 6 }, (_, i) => jpeg(i));
    const batch = await preparePhotoBatch(photos, slow);
    expect(most).toBe(1);
    expect(batch.blobs).toHaveLength(photos.length);
  });

  it('rejects with the error of a thumbnail that cannot be made', async () => {
    const failing: ThumbnailMaker = async () => {
      throw new Error('no decoder');
    };
    await expect(preparePhotoBatch([jpeg(1)], failing)).rejects.toThrow('no decoder');
  });
});
