import { imageSize } from 'image-size';
import type { PhotoRef } from '../contact/contact';
import type { DataStoreOwner, StoredBlob } from '../dataStore/types';

/*
 * Photos live once per provider, as blobs named by the SHA-256 of their bytes, with a thumbnail beside
 * them; records carry only a PhotoRef, so change events and list rows never hold image bytes.
 */

/** Phones shrink camera photos before storing them; beyond this a contact photo is a mistake. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** The longest side of a thumbnail, in pixels: enough for a list row on a high-density screen. */
export const THUMBNAIL_SIZE = 128;

/** Makes a list-row thumbnail of a photo. The shell may inject its own (e.g. a worker with a decoder). */
export type ThumbnailMaker = (photo: StoredBlob) => Promise<StoredBlob>;

/** The first bytes of the image formats we recognise; other image types are taken on trust. */
const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  'image/gif': (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8',
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/** The image format the bytes are, by their signature, when it is one we recognise. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  return Object.keys(SIGNATURES).find((mediaType) => SIGNATURES[mediaType]?.(bytes));
}

/** Whether the bytes visibly are not the format their media type names (unknown types never are). */
export function contradictsMediaType(bytes: Uint8Array, mediaType: string): boolean {
  const matches = SIGNATURES[mediaType];
  return matches !== undefined && !matches(bytes);
}

/** Why these bytes are not a usable picture of their type, or undefined when they are. */
export function photoProblem(photo: StoredBlob): string | undefined {
  if (photo.bytes.length === 0) return 'the picture is empty';
  if (photo.bytes.length > MAX_PHOTO_BYTES)
    return `the picture is ${photo.bytes.length} bytes, over ${MAX_PHOTO_BYTES}`;
  if (contradictsMediaType(photo.bytes, photo.mediaType)) return `the bytes are not ${photo.mediaType}`;
  return undefined;
}

/** The blob id of some bytes: their SHA-256 in hex, so the same photo is stored once. */
export async function contentId(bytes: Uint8Array): Promise<string> {
  // A copy: subtle.digest refuses views over a SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The picture's width and height as its header states them, or undefined when it cannot be read. */
export function headerDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Scales the photo down with createImageBitmap + OffscreenCanvas where the runtime has them (a browser
 * or a worker). Node has no image decoder: there the thumbnail is the photo itself, the same bytes and
 * so the same blob, stored once.
 */
export const defaultThumbnail: ThumbnailMaker = async (photo) => {
  // A picture already no bigger than a thumbnail is its own: its header says so without decoding it,
  // which at an import of thousands of small avatars was half of the local provider's script time.
  const stated = headerDimensions(photo.bytes);
  if (stated !== undefined && Math.max(stated.width, stated.height) <= THUMBNAIL_SIZE) return photo;
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
 * unreferenced blob, never a record pointing at nothing. `stored` (photo id → thumbnail id) spares a
 * batch the work for a photo many records share.
 */
export async function storePhoto(
  store: Pick<DataStoreOwner<unknown>, 'getBlob' | 'putBlob'>,
  photo: StoredBlob,
  makeThumbnail: ThumbnailMaker,
  stored: Map<string, string> = new Map(),
): Promise<PhotoRef> {
  const id = await contentId(photo.bytes);
  let thumbnailId = stored.get(id);
  if (thumbnailId === undefined) {
    if ((await store.getBlob(id)) === undefined) {
      await store.putBlob(id, { bytes: photo.bytes, mediaType: photo.mediaType });
    }
    const thumbnail = await makeThumbnail(photo);
    thumbnailId = await contentId(thumbnail.bytes);
    if (thumbnailId !== id && (await store.getBlob(thumbnailId)) === undefined) {
      await store.putBlob(thumbnailId, { bytes: thumbnail.bytes, mediaType: thumbnail.mediaType });
    }
    stored.set(id, thumbnailId);
  }
  return { id, thumbnailId, mediaType: photo.mediaType };
}
