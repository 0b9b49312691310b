import { describe, expect, it } from 'vitest';
import { importBatches, importBatchSizes } from './importBatches';

describe('importBatches', () => {
  it('starts with four small batches, then doubles up to the largest batch, covering every item once', () => {
    const ranges = importBatches(6_000);
    expect(ranges.map(([start, end]) => end - start)).toEqual([250, 250, 250, 250, 500, 1_000, 2_000, 1_500]);
    expect(ranges[0]![0]).toBe(0);
    for (let i = 1; i < ranges.length; i += 1) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    expect(ranges.at(-1)![1]).toBe(6_000);
  });

  it('gives one short batch for a small import and none for an empty one', () => {
    expect(importBatches(40)).toEqual([[0, 40]]);
    expect(importBatches(0)).toEqual([]);
  });

  it('refuses batches that could never end', () => {
    expect(() => importBatches(10, { first: 0, max: 10 })).toThrow(RangeError);
    expect(() => importBatches(10, { first: 5, max: 2 })).toThrow(RangeError);
    expect(() => importBatches(10, { first: 5, max: 5, firstBatches: 0 })).toThrow(RangeError);
  });

  it('names the batch sizes one by one for an import of unknown length, and refuses bad ones at once', () => {
    const sizes = importBatchSizes({ first: 3, max: 10 });
    expect(Array.from({ length: 5 }, () => sizes.next().value)).toEqual([3, 6, 10, 10, 10]);
    const held = importBatchSizes({ first: 3, max: 10, firstBatches: 2 });
    expect(Array.from({ length: 5 }, () => held.next().value)).toEqual([3, 3, 6, 10, 10]);
    expect(() => importBatchSizes({ first: 0, max: 10 })).toThrow(RangeError);
    expect(() => importBatches(0, { first: 5, max: 2 })).toThrow(RangeError);
  });
});
