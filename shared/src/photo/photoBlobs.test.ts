import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredBlob } from '../dataStore/types';
import {
  contentId,
  contradictsMediaType,
  defaultThumbnail,
  headerDimensions,
  MAX_PHOTO_BYTES,
  photoProblem,
  sniffImageType,
  storePhoto,
} from './photoBlobs';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

/** A PNG's signature and header chunk stating its size (the pixels are not needed to state it). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes;
}

function blobStore() {
  const blobs = new Map<string, StoredBlob>();
  let writes = 0;
  return {
    blobs,
    writes: () => writes,
    getBlob: async (id: string) => blobs.get(id),
    putBlob: async (id: string, blob: StoredBlob) => {
      writes++;
      blobs.set(id, blob);
    },
  };
}

describe('photo blobs', () => {
  it('names bytes by their SHA-256 in hex', async () => {
    expect(await contentId(PNG)).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(await contentId(JPEG)).not.toBe(await contentId(PNG));
  });

  it('recognises bytes that contradict their media type, and trusts types it does not know', () => {
    expect(contradictsMediaType(PNG, 'image/png')).toBe(false);
    expect(contradictsMediaType(JPEG, 'image/png')).toBe(true);
    expect(contradictsMediaType(Uint8Array.from([1, 2]), 'image/heic')).toBe(false);
  });

  it('tells an image format by its signature', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Uint8Array.from([1, 2, 3]))).toBeUndefined();
  });

  it.each([
    [{ bytes: new Uint8Array(), mediaType: 'image/png' }, 'the picture is empty'],
    [{ bytes: JPEG, mediaType: 'image/png' }, 'the bytes are not image/png'],
    [{ bytes: new Uint8Array(MAX_PHOTO_BYTES + 1), mediaType: 'image/heic' }, /over 8388608/],
  ])('says what is wrong with a picture', (photo, problem) => {
    expect(photoProblem(photo)).toMatch(problem);
  });

  it('accepts a good picture', () => {
    expect(photoProblem({ bytes: PNG, mediaType: 'image/png' })).toBeUndefined();
  });

  it('keeps the photo itself as its thumbnail where there is no image decoder (Node)', async () => {
    const photo = { bytes: PNG, mediaType: 'image/png' };
    expect(typeof globalThis.OffscreenCanvas).toBe('undefined');
    expect(await defaultThumbnail(photo)).toEqual(photo);
  });

  it("reads a picture's size from its header, and nothing from bytes that are no picture", () => {
    expect(headerDimensions(pngHeader(48, 30))).toEqual({ width: 48, height: 30 });
    expect(headerDimensions(Uint8Array.from([1, 2, 3]))).toBeUndefined();
  });

  describe('with an image decoder (a browser)', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    function stubDecoder() {
      const decode = vi.fn(async () => {
        throw new Error('stub: not decoded');
      });
      vi.stubGlobal('OffscreenCanvas', class {});
      vi.stubGlobal('createImageBitmap', decode);
      return decode;
    }

    it('keeps a picture no bigger than a thumbnail as it is, without decoding it', async () => {
      const decode = stubDecoder();
      const photo = { bytes: pngHeader(128, 96), mediaType: 'image/png' };
      expect(await defaultThumbnail(photo)).toBe(photo);
      expect(decode).not.toHaveBeenCalled();
    });

    it('decodes a bigger picture, or one whose header it cannot read, to scale it', async () => {
      const decode = stubDecoder();
      await defaultThumbnail({ bytes: pngHeader(129, 40), mediaType: 'image/png' });
      await defaultThumbnail({ bytes: JPEG, mediaType: 'image/jpeg' });
      expect(decode).toHaveBeenCalledTimes(2);
    });
  });

  it('stores a photo and its thumbnail once and returns the reference', async () => {
    const store = blobStore();
    const small = Uint8Array.from([0xff, 0xd8, 0xff, 9]);
    const thumbnail = async () => ({ bytes: small, mediaType: 'image/jpeg' });
    const ref = await storePhoto(store, { bytes: PNG, mediaType: 'image/png' }, thumbnail);
    expect(ref).toEqual({
      id: await contentId(PNG),
      thumbnailId: await contentId(small),
      mediaType: 'image/png',
    });
    expect(store.blobs.get(ref.id)?.bytes).toEqual(PNG);
    expect(store.blobs.get(ref.thumbnailId ?? '')?.mediaType).toBe('image/jpeg');
    expect(store.writes()).toBe(2);
    await storePhoto(store, { bytes: PNG, mediaType: 'image/png' }, thumbnail);
    expect(store.writes()).toBe(2);
  });

  it('makes a shared photo thumbnail once per batch', async () => {
    const store = blobStore();
    let thumbnails = 0;
    const counting = async (photo: StoredBlob) => {
      thumbnails++;
      return photo;
    };
    const batch = new Map<string, string>();
    for (let i = 0; i < 3; i++)
      await storePhoto(store, { bytes: PNG, mediaType: 'image/png' }, counting, batch);
    expect(thumbnails).toBe(1);
    expect(store.writes()).toBe(1);
  });
});
