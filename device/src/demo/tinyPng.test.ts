import { createSeededRandom } from '@gcds/provider-facebook-sim';
import { describe, expect, it } from 'vitest';
import { demoAvatar } from './demoAvatar';
import { crc32, encodePng } from './tinyPng';

function chunks(png: Uint8Array): Array<{ type: string; data: Uint8Array; crcOk: boolean }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found = [];
  let at = 8;
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    found.push({ type, data, crcOk });
    at += 12 + length;
  }
  return found;
}

describe('tiny PNG encoder', () => {
  it('writes the signature, a header with the size and chunks with correct CRCs', () => {
    const png = encodePng(3, 2, (x, y) => [x * 10, y * 20, 255]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const found = chunks(png);
    expect(found.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(found.every((c) => c.crcOk)).toBe(true);
    const header = new DataView(found[0]!.data.buffer, found[0]!.data.byteOffset);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([3, 2]);
  });

  it('stores the pixels uncompressed, row by row after a filter byte', () => {
    const png = encodePng(2, 1, (x) => (x === 0 ? [1, 2, 3] : [4, 5, 6]));
    const idat = chunks(png)[1]!.data;
    // zlib header (2), stored block header (5), then the raw scanline.
    expect([...idat.subarray(7, 14)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => encodePng(0, 4, () => [0, 0, 0])).toThrow(/positive whole size/);
  });

  it('makes a different avatar for a different seed and the same for the same', () => {
    const a = demoAvatar(createSeededRandom(1));
    expect(demoAvatar(createSeededRandom(1))).toEqual(a);
    expect(demoAvatar(createSeededRandom(2))).not.toEqual(a);
  });
});
