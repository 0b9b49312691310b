import { MAX_PHOTO_BYTES } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { checkPhoto } from './contactPhoto';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('checkPhoto', () => {
  it('accepts image bytes that match their media type', () => {
    expect(checkPhoto(PNG, 'image/png')).toEqual([]);
    expect(checkPhoto(JPEG, 'image/jpeg')).toEqual([]);
    // A type we have no signature for is taken on trust.
    expect(checkPhoto(Uint8Array.from([1, 2]), 'image/heic')).toEqual([]);
  });

  it('refuses non-images, empty or oversized bytes and mislabelled bytes', () => {
    expect(checkPhoto(PNG, 'text/plain').map((e) => e.field)).toEqual(['photo.mediaType']);
    expect(checkPhoto(new Uint8Array(), 'image/png')).toEqual([
      { field: 'photo.bytes', message: 'the photo must be non-empty bytes (a Uint8Array)' },
    ]);
    expect(checkPhoto('data:image/png;base64,AAAA', 'image/png').map((e) => e.field)).toEqual([
      'photo.bytes',
    ]);
    expect(checkPhoto(new Uint8Array(MAX_PHOTO_BYTES + 1), 'image/heic')[0]?.message).toMatch(/at most/);
    expect(checkPhoto(JPEG, 'image/png')).toEqual([
      { field: 'photo.bytes', message: 'the bytes do not look like image/png' },
    ]);
  });
});
