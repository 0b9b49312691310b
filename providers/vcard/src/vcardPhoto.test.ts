import { MAX_PHOTO_BYTES } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';
import { inlinePhoto, PhotoDataError, vcard3PhotoType } from './vcardPhoto';

const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];

describe('base64', () => {
  it('decodes standard and URL-safe base64, padding optional, white space ignored', () => {
    expect([...decodeBase64('/9j/4A==')!]).toEqual(JPEG_START);
    expect([...decodeBase64('_9j_4A')!]).toEqual(JPEG_START);
    expect([...decodeBase64(' /9j/\r\n 4A==')!]).toEqual(JPEG_START);
  });

  it('says undefined for what is not base64', () => {
    expect(decodeBase64('!!!')).toBeUndefined();
    expect(decodeBase64('A')).toBeUndefined();
  });

  it('round-trips bytes', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });
});

describe('inlinePhoto', () => {
  it('reads ENCODING=b data with its declared TYPE, and data: URIs', () => {
    expect(inlinePhoto('AAEC', 'b', 'GIF')).toEqual({
      bytes: Uint8Array.from([0, 1, 2]),
      mediaType: 'image/gif',
    });
    expect(inlinePhoto('data:image/webp;base64,AAEC', undefined, undefined)).toEqual({
      bytes: Uint8Array.from([0, 1, 2]),
      mediaType: 'image/webp',
    });
    expect(inlinePhoto('data:image/svg+xml,%3Csvg%2F%3E', undefined, undefined)).toEqual({
      bytes: new TextEncoder().encode('<svg/>'),
      mediaType: 'image/svg+xml',
    });
  });

  it('trusts the bytes over a wrong TYPE', () => {
    expect(inlinePhoto('/9j/4A==', 'BASE64', 'PNG')?.mediaType).toBe('image/jpeg');
  });

  it('leaves links to photos elsewhere alone (undefined)', () => {
    expect(inlinePhoto('https://example.com/me.jpg', undefined, undefined)).toBeUndefined();
  });

  it('refuses broken inline data', () => {
    expect(() => inlinePhoto('@@@', 'b', 'JPEG')).toThrow(PhotoDataError);
    expect(() => inlinePhoto('', 'b', 'JPEG')).toThrow('the PHOTO is empty');
    expect(() => inlinePhoto('data:image/png;base64,@@', undefined, undefined)).toThrow('does not decode');
  });

  it('refuses a photo over the size limit, and takes one just under it', () => {
    const under = encodeBase64(new Uint8Array(MAX_PHOTO_BYTES - 3));
    expect(inlinePhoto(under, 'b', 'JPEG')?.bytes.length).toBe(MAX_PHOTO_BYTES - 3);
    const over = encodeBase64(new Uint8Array(MAX_PHOTO_BYTES + 2048));
    expect(() => inlinePhoto(over, 'b', 'JPEG')).toThrow('the PHOTO is larger than 8 MiB');
  });

  it('names 3.0 photo types', () => {
    expect(vcard3PhotoType('image/jpeg')).toBe('JPEG');
  });
});
