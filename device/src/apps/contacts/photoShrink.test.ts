import { describe, expect, it } from 'vitest';
import { squareCrop } from './photoShrink';

describe('photo thumbnail sizing', () => {
  it('takes the centred square of a landscape or portrait picture, at 128 px a side', () => {
    expect(squareCrop(4000, 3000)).toEqual({ sx: 500, sy: 0, side: 3000, size: 128 });
    expect(squareCrop(300, 1001)).toEqual({ sx: 0, sy: 350, side: 300, size: 128 });
  });

  it('never blows up a small picture, and keeps at least one pixel', () => {
    expect(squareCrop(40, 60)).toEqual({ sx: 0, sy: 10, side: 40, size: 40 });
    expect(squareCrop(0.4, 0.4).size).toBe(1);
    expect(squareCrop(500, 500, 96).size).toBe(96);
  });

  it('refuses a picture with no size', () => {
    expect(() => squareCrop(0, 10)).toThrow(/has a size/);
  });
});
