import { contradictsMediaType, MAX_PHOTO_BYTES } from '@gcds/shared';
import type { ContactFieldError } from './contactValidationError';

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
  } else if (typeof mediaType === 'string' && contradictsMediaType(bytes, mediaType)) {
    errors.push({ field: 'photo.bytes', message: `the bytes do not look like ${mediaType}` });
  }
  return errors;
}
