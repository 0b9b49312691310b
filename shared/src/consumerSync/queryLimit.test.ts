import { describe, expect, it } from 'vitest';
import { checkQueryLimit } from './queryLimit';

describe('checkQueryLimit', () => {
  it('takes a positive whole number and refuses anything else, saying what it got', () => {
    expect(() => checkQueryLimit(1)).not.toThrow();
    expect(() => checkQueryLimit(250)).not.toThrow();
    for (const bad of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => checkQueryLimit(bad)).toThrow(
        new RangeError(`a limit is a positive whole number, got ${bad}`),
      );
  });
});
