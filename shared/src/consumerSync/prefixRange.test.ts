import { describe, expect, it } from 'vitest';
import { prefixRange } from './prefixRange';

describe('prefixRange', () => {
  it('holds exactly the keys that start with the prefix', () => {
    const range = prefixRange('ada');
    const inside = ['ada', 'adam', 'ada lovelace', 'ada\u00e9', 'ada\ufffe'];
    const outside = ['ad', 'adb', 'Ada', 'bea', '', 'ac\uffff'];
    expect(inside.filter((key) => range.includes(key))).toEqual(inside);
    expect(outside.filter((key) => range.includes(key))).toEqual([]);
  });

  it('of digits, for typed numbers', () => {
    const range = prefixRange('0207');
    expect(
      ['02079460958', '0207', '020', '0208', '4402079460958'].filter((key) => range.includes(key)),
    ).toEqual(['02079460958', '0207']);
  });
});
