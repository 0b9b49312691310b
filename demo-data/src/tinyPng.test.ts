import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './tinyPng';

/** Reads the chunks of a PNG, checking each CRC. */
function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: Array<{ type: string; data: Uint8Array }> = [];
  let offset = 8;
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    expect(view.getUint32(offset + 8 + length)).toBe(crc32(typeAndData));
    found.push({ type: String.fromCharCode(...typeAndData.subarray(0, 4)), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  return found;
}

function decode(png: Uint8Array) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const all = chunks(png);
  expect(all.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = new DataView(all[0]!.data.buffer, all[0]!.data.byteOffset);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  expect([...all[0]!.data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
  const raw = inflateSync(all[1]!.data);
  expect(raw.length).toBe(height * (1 + width * 3));
  const pixel = (x: number, y: number) => [
    ...raw.subarray(y * (1 + width * 3) + 1 + x * 3, y * (1 + width * 3) + 4 + x * 3),
  ];
  return { width, height, pixel };
}

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG that zlib and a chunk reader decode to the same pixels', () => {
    const png = encodePng(3, 2, (x, y) => [x * 100, y * 100, 7]);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect(image.pixel(0, 0)).toEqual([0, 0, 7]);
    expect(image.pixel(2, 1)).toEqual([200, 100, 7]);
  });

  it('splits image data larger than one stored deflate block', () => {
    const image = decode(encodePng(200, 200, (x, y) => [x, y, (x + y) & 0xff]));
    expect(image.pixel(199, 199)).toEqual([199, 199, 142]);
    expect(image.pixel(10, 150)).toEqual([10, 150, 160]);
  });

  it('refuses impossible sizes', () => {
    expect(() => encodePng(0, 5, () => [0, 0, 0])).toThrow(/width/);
    expect(() => encodePng(5, 1.5, () => [0, 0, 0])).toThrow(/height/);
  });
});
