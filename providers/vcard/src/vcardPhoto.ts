import { MAX_PHOTO_BYTES, sniffImageType } from '@gcds/shared';
import { decodeBase64 } from './base64';
import type { CardPhoto } from './vcardParseResult';

/** `JPEG`, `image/jpeg`, `jpg` → `image/jpeg`. */
function declaredMediaType(type: string | undefined): string | undefined {
  if (type === undefined || type === '') return undefined;
  const lower = type.trim().toLowerCase();
  if (lower.includes('/')) return lower;
  return `image/${lower === 'jpg' ? 'jpeg' : lower}`;
}

/** The bytes decide when they are a known image format; the declared type otherwise. */
function mediaTypeOf(bytes: Uint8Array, declared: string | undefined): string {
  return sniffImageType(bytes) ?? declaredMediaType(declared) ?? 'application/octet-stream';
}

export class PhotoDataError extends Error {
  override readonly name = 'PhotoDataError';
}

/**
 * The photo a PHOTO value carries: inline base64 (`ENCODING=b`/`BASE64`) or a data: URI (4.0, also
 * found in 3.0 files). Undefined for a link to a photo elsewhere (kept as an extra property: we store
 * bytes, not links). Throws PhotoDataError when the inline data is not valid.
 */
export function inlinePhoto(
  value: string,
  encoding: string | undefined,
  type: string | undefined,
): CardPhoto | undefined {
  // Checked on the encoded length, before decoding megabytes only to refuse them.
  if (value.length > (MAX_PHOTO_BYTES / 3) * 4 + 1024) {
    throw new PhotoDataError(`the PHOTO is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MiB`);
  }
  const enc = encoding?.toLowerCase();
  if (enc === 'b' || enc === 'base64') {
    const bytes = decodeBase64(value);
    if (bytes === undefined) throw new PhotoDataError('the PHOTO is not valid base64');
    if (bytes.length === 0) throw new PhotoDataError('the PHOTO is empty');
    return { bytes, mediaType: mediaTypeOf(bytes, type) };
  }
  const data = /^data:([^,]*?),(.*)$/is.exec(value.trim());
  if (data === null) return undefined;
  const meta = data[1]!.split(';');
  const isBase64 = meta.some((part) => part.trim().toLowerCase() === 'base64');
  let bytes: Uint8Array | undefined;
  if (isBase64) {
    bytes = decodeBase64(data[2]!);
  } else {
    try {
      bytes = new TextEncoder().encode(decodeURIComponent(data[2]!));
    } catch {
      bytes = undefined;
    }
  }
  if (bytes === undefined) throw new PhotoDataError('the PHOTO data: URI does not decode');
  if (bytes.length === 0) throw new PhotoDataError('the PHOTO is empty');
  return { bytes, mediaType: mediaTypeOf(bytes, meta[0] || type) };
}

/** The 3.0 TYPE of a media type: `image/jpeg` → `JPEG`. */
export function vcard3PhotoType(mediaType: string): string {
  const subtype = mediaType.includes('/') ? mediaType.slice(mediaType.indexOf('/') + 1) : mediaType;
  return subtype.toUpperCase();
}
