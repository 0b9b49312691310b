import type { DataStoreOwner, PhotoRef, StoredBlob } from '@gcds/shared';

/*
 * Photos live once per provider, as blobs named by the SHA-256 of their bytes, with a thumbnail beside
 * them; records carry only a PhotoRef. (providers/local and providers/facebook-sim hold the same logic;
 * a shared home in @gcds/shared would now serve three providers.)
 */

/** The longest side of a thumbnail in pixels: a list row on a high-density screen. */
export const THUMBNAIL_SIZE = 128;

export type ThumbnailMaker = (photo: StoredBlob) => Promise<StoredBlob>;

/** The blob id of some bytes: their SHA-256 in hex. */
export async function contentId(bytes: Uint8Array): Promise<string> {
  // A copy: subtle.digest refuses views over a SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Scales the photo down with createImageBitmap + OffscreenCanvas where the runtime has them (a browser
 * or a worker). Node has no image decoder: there the thumbnail is the photo itself, the same bytes and
 * so the same blob, stored once.
 */
export const defaultThumbnail: ThumbnailMaker = async (photo) => {
  if (
    typeof globalThis.OffscreenCanvas !== 'function' ||
    typeof globalThis.createImageBitmap !== 'function'
  ) {
    return photo;
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([new Uint8Array(photo.bytes)], { type: photo.mediaType }));
  } catch {
    // Bytes the browser cannot decode: keep them as they are rather than lose the photo.
    return photo;
  }
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
 * Stores the photo and its thumbnail, each once (an id already stored is not written again), and returns
 * the reference a record carries. Called before the record is written: a crash in between leaves an
 * unreferenced blob, never a record pointing at nothing. `stored` (photo id → thumbnail id) spares an
 * import the work for a photo many cards share.
 */
export async function storePhoto(
  store: Pick<DataStoreOwner<unknown>, 'getBlob' | 'putBlob'>,
  photo: StoredBlob,
  makeThumbnail: ThumbnailMaker,
  stored: Map<string, string>,
): Promise<PhotoRef> {
  const id = await contentId(photo.bytes);
  let thumbnailId = stored.get(id);
  if (thumbnailId === undefined) {
    if ((await store.getBlob(id)) === undefined) await store.putBlob(id, photo);
    const thumbnail = await makeThumbnail(photo);
    thumbnailId = await contentId(thumbnail.bytes);
    if (thumbnailId !== id && (await store.getBlob(thumbnailId)) === undefined) {
      await store.putBlob(thumbnailId, thumbnail);
    }
    stored.set(id, thumbnailId);
  }
  return { id, thumbnailId, mediaType: photo.mediaType };
}
