import { describe, expect, it } from 'vitest';
import { compareRanks, type Rank } from './compareRanks';

describe('compareRanks', () => {
  it.each<[Rank, Rank, number]>([
    [[0, 'ada'], [1, 'ada'], -1],
    [[2], [10], -1],
    [[-3], [-1], -1],
    [[0, 'ada', 'p2'], [0, 'ada', 'p1'], 1],
    [[0, 'ada'], [0, 'bea'], -1],
    // Strings by code unit, not by number: "10" before "9".
    [['10'], ['9'], -1],
    [['Zed'], ['ada'], -1],
    [[1, 'x'], [1, 'x'], 0],
    [[1], [1, 0], -1],
  ])('%j against %j', (a, b, sign) => {
    expect(Math.sign(compareRanks(a, b))).toBe(sign);
    expect(Math.sign(compareRanks(b, a))).toBe(-sign || 0);
  });

  it('sorts a list of ranks criterion by criterion', () => {
    const ranks: Rank[] = [
      [1, 'ada', 'p1'],
      [0, 'zed', 'p3'],
      [0, 'bea', 'p9'],
      [0, 'bea', 'p2'],
    ];
    expect([...ranks].sort(compareRanks)).toEqual([
      [0, 'bea', 'p2'],
      [0, 'bea', 'p9'],
      [0, 'zed', 'p3'],
      [1, 'ada', 'p1'],
    ]);
  });
});
