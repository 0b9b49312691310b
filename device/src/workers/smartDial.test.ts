import { describe, expect, it } from 'vitest';
import { callCounts, type DialCandidate, keypadWords, nameMatch, rankDialCandidates } from './smartDial';

describe('keypadWords', () => {
  it('spells each word on the keys', () => {
    expect(keypadWords('Jesús Martínez')).toEqual(['53787', '62784639']);
    expect(keypadWords("Zoë O'Brien-Lee")).toEqual(['963', '6', '27436', '533']);
    // Letters with no decomposition are spelled plainly first: ß → ss, Ø → o, Ł → l, Æ → ae.
    expect(keypadWords('Strauß Øster Łukasz Æsa')).toEqual(['7872877', '67837', '585279', '2372']);
  });
});

describe('nameMatch', () => {
  it('finds "Jesús" by 5378 (J-E-S-U), accents folded', () => {
    // The "5377" spells J-E-S-S, which is not Jesús: 5378 is.
    expect(nameMatch('5378', 'Jesús Martínez')).toBe('name-first-word');
    expect(nameMatch('53787', 'jesus')).toBe('name-first-word');
  });

  it('tells the first word from a later one, and from a match across words', () => {
    expect(nameMatch('6278', 'Jesús Martínez')).toBe('name-word');
    expect(nameMatch('537876', 'Jesús Martínez')).toBe('name-across-words');
    expect(nameMatch('999', 'Jesús Martínez')).toBeUndefined();
  });

  it('needs letter keys only: 0, 1, * and # spell no letter', () => {
    expect(nameMatch('50', 'Jo')).toBeUndefined();
  });
});

describe('rankDialCandidates', () => {
  const candidate = (c: Partial<DialCandidate>): DialCandidate => ({
    personId: 'p',
    name: 'Ana',
    number: '0600000000',
    kind: 'name-word',
    calls: 0,
    ...c,
  });

  it('ranks by match quality, then by calls, then by name', () => {
    const ranked = rankDialCandidates(
      [
        candidate({ personId: 'inside', name: 'Zed', kind: 'number-inside', calls: 30 }),
        candidate({ personId: 'word', name: 'Bea', kind: 'name-word' }),
        candidate({ personId: 'first-rare', name: 'Abe', kind: 'name-first-word', calls: 1 }),
        candidate({ personId: 'first-often', name: 'Cy', kind: 'name-first-word', calls: 9 }),
        candidate({ personId: 'prefix', name: 'Dan', kind: 'number-prefix' }),
      ],
      10,
    );
    expect(ranked.map((c) => c.personId)).toEqual(['prefix', 'first-often', 'first-rare', 'word', 'inside']);
  });

  it('keeps one suggestion per person and number, the best way it was found', () => {
    const ranked = rankDialCandidates(
      [candidate({ kind: 'number-inside' }), candidate({ kind: 'name-first-word' })],
      10,
    );
    expect(ranked).toEqual([candidate({ kind: 'name-first-word' })]);
  });
});

describe('callCounts', () => {
  it('counts a number however it was written', () => {
    expect(callCounts(['+33 6 12 34 56 78', '06 12 34 56 78', '0699']).get('12345678')).toBe(2);
  });
});
