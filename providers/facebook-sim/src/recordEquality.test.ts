import { describe, expect, it } from 'vitest';
import { canonicalJson, sameRecord } from './recordEquality';

describe('sameRecord', () => {
  it('ignores key order and undefined members', () => {
    expect(sameRecord({ a: 1, b: { c: [1, 2], d: undefined } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('sees changed values, changed order inside lists, and missing members', () => {
    expect(sameRecord({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameRecord({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameRecord({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
});
