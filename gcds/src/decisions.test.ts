import { describe, expect, it } from 'vitest';
import { decisionKey } from './clustering';
import {
  chosenNameSource,
  decisionOf,
  dismissDecisions,
  hiddenSources,
  hideDecision,
  hideDecisions,
  isHiddenPerson,
  mergeDecisions,
  unmergeDecisions,
} from './decisions';

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

describe('hiding', () => {
  it('is one decision per source, found by that source key like any decision', () => {
    expect(hideDecision('vcard\u001fc1', 7)).toEqual({
      key: decisionKey('vcard\u001fc1', 'vcard\u001fc1'),
      members: ['vcard\u001fc1', 'vcard\u001fc1'],
      kind: 'hidden',
      at: 7,
    });
    // Never the key of a pair decision: two sources are never one key.
    expect(hideDecision('a', 1).key).not.toBe(decisionOf('a', 'b', 'separate', 1).key);
    expect(hideDecisions(['a', 'b'], 3).map((d) => d.members[0])).toEqual(['a', 'b']);
  });

  it('reads which sources are hidden, ignoring every other kind of decision', () => {
    const decisions = [
      ...hideDecisions(['a', 'b'], 1),
      decisionOf('a', 'c', 'together', 1),
      decisionOf('c', 'd', 'separate', 1),
      decisionOf('c', 'e', 'dismissed', 1),
    ];
    expect([...hiddenSources(decisions)].sort()).toEqual(['a', 'b']);
  });

  it('hides a person while every source is hidden, and shows it whole when a new source joins', () => {
    const hidden = new Set(['local\u001f1', 'vcard\u001fc1']);
    expect(isHiddenPerson(['local\u001f1', 'vcard\u001fc1'], hidden)).toBe(true);
    // The same cards re-imported come back under the same keys: still hidden.
    expect(isHiddenPerson(['vcard\u001fc1'], hidden)).toBe(true);
    // A new friend with the same number joined: something the user did not hide.
    expect(isHiddenPerson(['local\u001f1', 'vcard\u001fc1', 'facebook-sim\u001ff9'], hidden)).toBe(false);
    expect(isHiddenPerson([], hidden)).toBe(false);
  });
});

describe('a chosen name', () => {
  const people = [
    [
      { key: 'a1', personId: 'A' },
      { key: 'a2', personId: 'A' },
    ],
    [{ key: 'b1', personId: 'B' }],
  ];

  it('rides on the ties that name its source, and on no other', () => {
    const { together } = mergeDecisions(people, 9, 'b1');
    expect(together.map((d) => [d.members.join('+'), d.nameFrom])).toEqual([
      ['a1+b1', 'b1'],
      ['a2+b1', 'b1'],
    ]);
    expect(mergeDecisions(people, 9).together.every((d) => d.nameFrom === undefined)).toBe(true);
  });

  it('is the latest choice among ties inside the person, while its source is a member', () => {
    const first = { ...decisionOf('a1', 'b1', 'together', 1), nameFrom: 'b1' };
    const later = { ...decisionOf('a1', 'c1', 'together', 2), nameFrom: 'a1' };
    const plain = decisionOf('b1', 'c1', 'together', 3);
    expect(chosenNameSource(new Set(['a1', 'b1', 'c1']), [first, later, plain])).toBe('a1');
    // Split off c1 (its ties are then keep-separates): the earlier choice names the person again.
    const split = decisionOf('a1', 'c1', 'separate', 4);
    expect(chosenNameSource(new Set(['a1', 'b1']), [first, split])).toBe('b1');
    // A tie reaching outside the person, or a chosen source that has left, names nobody.
    expect(chosenNameSource(new Set(['a1', 'c1']), [first])).toBeUndefined();
    expect(chosenNameSource(new Set(['a1', 'b1']), [{ ...first, nameFrom: 'gone' }])).toBeUndefined();
    expect(chosenNameSource(new Set(['a1', 'b1']), [{ ...split, nameFrom: 'a1' }])).toBeUndefined();
  });
});
