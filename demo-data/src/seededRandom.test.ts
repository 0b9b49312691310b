import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seededRandom';

const draw = (seed: number, n = 20) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7, 1000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('draws integers over the whole inclusive range', () => {
    const random = createSeededRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 6)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6]);
    expect(() => random.int(5, 1)).toThrow(/min <= max/);
  });

  it('makes well-formed, distinct guids and fixed-length digit strings', () => {
    const random = createSeededRandom(9);
    const guids = Array.from({ length: 2000 }, () => random.guid());
    for (const guid of guids)
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(guids).size).toBe(guids.length);
    expect(random.digits(6)).toMatch(/^\d{6}$/);
  });

  it('forks an independent, reproducible stream', () => {
    const a = createSeededRandom(5).fork(1);
    const b = createSeededRandom(5).fork(1);
    const c = createSeededRandom(5).fork(2);
    const seq = (r: typeof a) => Array.from({ length: 10 }, () => r.next());
    const first = seq(a);
    expect(first).toEqual(seq(b));
    expect(first).not.toEqual(seq(c));
    expect(first).not.toEqual(draw(5, 10));
  });

  it('refuses a seed that is not a number', () => {
    expect(() => createSeededRandom(Number.NaN)).toThrow(/finite/);
    expect(() => createSeededRandom(1).pick([])).toThrow(/at least one/);
  });
});
