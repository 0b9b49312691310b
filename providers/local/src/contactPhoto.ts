import type { StoredBlob } from '@gcds/shared';
import type { ContactFieldError } from './contactValidationError';

/** Phones shrink camera photos before storing them; beyond this a contact photo is a mistake. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** The longest side of a thumbnail, in pixels: enough for a list row on a high-density screen. */
export const THUMBNAIL_SIZE = 128;

/** Makes a list-row thumbnail of a photo. The shell may inject its own (e.g. a worker with a decoder). */
export type ThumbnailMaker = (photo: StoredBlob) => Promise<StoredBlob>;

/** The first bytes of each image format we can recognise; other image types are taken on trust. */
const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  'image/gif': (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8',
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/** What is wrong with these bytes as a contact photo of that media type (empty when nothing). */
export function checkPhoto(bytes: unknown, mediaType: unknown): ContactFieldError[] {
  const errors: ContactFieldError[] = [];
  if (typeof mediaType !== 'string' || !/^image\/[a-z0-9.+-]+$/.test(mediaType)) {
    errors.push({ field: 'photo.mediaType', message: `"${String(mediaType)}" is not an image media type` });
  }
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    errors.push({ field: 'photo.bytes', message: 'the photo must be non-empty bytes (a Uint8Array)' });
  } else if (bytes.length > MAX_PHOTO_BYTES) {
    errors.push({
      field: 'photo.bytes',
      message: `the photo is ${bytes.length} bytes; at most ${MAX_PHOTO_BYTES} are allowed`,
    });
  } else if (typeof mediaType === 'string') {
    const matches = SIGNATURES[mediaType];
    if (matches !== undefined && !matches(bytes)) {
      errors.push({ field: 'photo.bytes', message: `the bytes do not look like ${mediaType}` });
    }
  }
  return errors;
}

/** The content id of a blob: its SHA-256 in hex, so the same photo is stored once. */
export async function contentId(bytes: Uint8Array): Promise<string> {
  // Copy into a plain ArrayBuffer: subtle.digest refuses views over SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Scales the photo down to THUMBNAIL_SIZE when the runtime can decode images (a browser or worker with
 * OffscreenCanvas and createImageBitmap). Node has no image decoder, so there the thumbnail is the photo
 * itself: same bytes, hence the same content id, stored once.
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
