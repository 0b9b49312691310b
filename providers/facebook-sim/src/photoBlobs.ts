import type { DataStoreOwner, PhotoRef, StoredBlob } from '@gcds/shared';

/*
 * Photos live once per provider, as blobs named by the SHA-256 of their bytes, with a thumbnail beside
 * them; records only carry a PhotoRef. (providers/local has the same content-id and thumbnail logic; it
 * would belong in @gcds/shared once a third provider needs it.)
 */

/** Profile pictures are small; anything bigger is not a picture this provider keeps. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** The longest side of a thumbnail in pixels. */
export const THUMBNAIL_SIZE = 128;

export type ThumbnailMaker = (photo: StoredBlob) => Promise<StoredBlob>;

const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  'image/gif': (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8',
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/** Why these bytes are not a usable picture of that type, or undefined when they are. */
export function photoProblem(photo: StoredBlob): string | undefined {
  if (photo.bytes.length === 0) return 'the picture is empty';
  if (photo.bytes.length > MAX_PHOTO_BYTES)
    return `the picture is ${photo.bytes.length} bytes, over ${MAX_PHOTO_BYTES}`;
  const matches = SIGNATURES[photo.mediaType];
  if (matches !== undefined && !matches(photo.bytes)) return `the bytes are not ${photo.mediaType}`;
  return undefined;
}

/** The blob id of some bytes: their SHA-256 in hex. */
export async function contentId(bytes: Uint8Array): Promise<string> {
  // A copy: subtle.digest refuses views over a SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Scales the picture down with createImageBitmap + OffscreenCanvas where the runtime has them (a browser
 * or worker). Node has no image decoder: there the thumbnail is the picture itself, same bytes and so the
 * same blob, stored once.
 */
export const defaultThumbnail: ThumbnailMaker = async (photo) => {
  if (
    typeof globalThis.OffscreenCanvas !== 'function' ||
    typeof globalThis.createImageBitmap !== 'function'
  ) {
    return photo;
  }
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(photo.bytes)], { type: photo.mediaType }));
  try {
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1) return photo;
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
    );
    const context = canvas.getContext('2d');
    if (context === null) return photo;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
};

/**
 * Stores the picture and its thumbnail (each once: an id already present is not written again) and
 * returns the reference a record carries. Call it before writing the record: a crash in between leaves an
 * unreferenced blob, never a record pointing at nothing.
 */
export async function storePhoto(
  store: Pick<DataStoreOwner<unknown>, 'getBlob' | 'putBlob'>,
  photo: StoredBlob,
  makeThumbnail: ThumbnailMaker,
): Promise<PhotoRef> {
  const id = await contentId(photo.bytes);
  if ((await store.getBlob(id)) === undefined)
    await store.putBlob(id, { bytes: photo.bytes, mediaType: photo.mediaType });
  const thumbnail = await makeThumbnail(photo);
  const thumbnailId = await contentId(thumbnail.bytes);
  if (thumbnailId !== id && (await store.getBlob(thumbnailId)) === undefined) {
    await store.putBlob(thumbnailId, { bytes: thumbnail.bytes, mediaType: thumbnail.mediaType });
  }
  return { id, thumbnailId, mediaType: photo.mediaType };
}
