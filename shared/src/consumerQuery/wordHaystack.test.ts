import { describe, expect, it } from 'vitest';
import { intersectAscending, WordHaystack } from './wordHaystack';

describe('word haystack', () => {
  const haystack = new WordHaystack([['ada', 'lovelace'], [], ['bob', 'adams'], ['adam'], ['x y']]);

  it('finds each person with a word starting with the prefix once, in order', () => {
    expect(haystack.withPrefix('ad')).toEqual([0, 2, 3]);
    expect(haystack.withPrefix('lo')).toEqual([0]);
    expect(haystack.withPrefix('ove')).toEqual([]);
    expect(haystack.withPrefix('ad', 2)).toEqual([0, 2]);
  });

  it('finds a text inside words without spanning two words or two people', () => {
    expect(haystack.withInfix('ove')).toEqual([0]);
    expect(haystack.withInfix('am')).toEqual([2, 3]);
    expect(haystack.withInfix('ebo')).toEqual([]);
    expect(haystack.withInfix('ceb')).toEqual([]);
    // Whitespace inside a word is dropped, never a boundary to match across.
    expect(haystack.withPrefix('xy')).toEqual([4]);
    expect(haystack.withInfix('')).toEqual([]);
  });

  it('intersects ascending lists', () => {
    expect(intersectAscending([0, 2, 3, 7], [1, 2, 7, 9])).toEqual([2, 7]);
    expect(intersectAscending([], [1])).toEqual([]);
  });
});
