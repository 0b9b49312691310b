import { describe, expect, it } from 'vitest';
import { decisionKey } from './clustering';
import { decisionOf, dismissDecisions, mergeDecisions, unmergeDecisions } from './decisions';

describe('decisionOf', () => {
  it('stores the pair sorted, under the same key whichever way round it is given', () => {
    expect(decisionOf('b', 'a', 'together', 5)).toEqual({
      key: decisionKey('a', 'b'),
      members: ['a', 'b'],
      kind: 'together',
      at: 5,
    });
    expect(decisionOf('a', 'b', 'separate', 5).key).toBe(decisionOf('b', 'a', 'separate', 5).key);
  });
});

describe('mergeDecisions', () => {
  it('withdraws every decision across the people and ties every pair across them', () => {
    const { withdrawn, together } = mergeDecisions(
      [
        [
          { key: 'a1', personId: 'A' },
          { key: 'a2', personId: 'A' },
        ],
        [{ key: 'b1', personId: 'B' }],
        [{ key: 'c1', personId: 'C' }],
      ],
      9,
    );
    expect(withdrawn.sort()).toEqual(
      [
        decisionKey('a1', 'b1'),
        decisionKey('a1', 'c1'),
        decisionKey('a2', 'b1'),
        decisionKey('a2', 'c1'),
        decisionKey('b1', 'c1'),
      ].sort(),
    );
    expect(together.map((d) => d.members.join('+')).sort()).toEqual([
      'a1+b1',
      'a1+c1',
      'a2+b1',
      'a2+c1',
      'b1+c1',
    ]);
    expect(together.every((d) => d.kind === 'together' && d.at === 9)).toBe(true);
  });
});

describe('unmergeDecisions', () => {
  it('splits a person into its sources when no groups are given', () => {
    const separate = unmergeDecisions('P', ['a', 'b', 'c'], undefined, 1);
    expect(separate.map((d) => d.members.join('+'))).toEqual(['a+b', 'a+c', 'b+c']);
    expect(separate.every((d) => d.kind === 'separate')).toBe(true);
  });

  it('keeps chosen groups together, and the sources named in none as one more group', () => {
    const separate = unmergeDecisions('P', ['a', 'b', 'c', 'd'], [['a', 'b']], 1);
    expect(separate.map((d) => d.members.join('+'))).toEqual(['a+c', 'a+d', 'b+c', 'b+d']);
  });

  it('refuses a source that is not part of the person', () => {
    expect(() => unmergeDecisions('P', ['a', 'b'], [['a', 'z']], 1)).toThrow('z is not part of person P');
  });
});

describe('dismissDecisions', () => {
  it('dismisses every pair across the two people except the pairs already decided', () => {
    const dismissed = dismissDecisions(['a1', 'a2'], ['b1'], new Set([decisionKey('a2', 'b1')]), 3);
    expect(dismissed).toEqual([decisionOf('a1', 'b1', 'dismissed', 3)]);
  });
});
