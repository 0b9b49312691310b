import type { Contact } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { decisionKey } from './clustering';
import { decisionOf } from './decisions';
import { sourceMatchKeys } from './matchKeys';
import { bestSuggestions, candidateLookups, rankSuggestions } from './suggestions';
import type { Decision, SourceRecord } from './types';

function source(key: string, personId: string, contact: Omit<Contact, 'id'>): SourceRecord {
  return {
    key,
    provider: 'local',
    contactId: key,
    accessLevel: 'web',
    revision: 1,
    personId,
    originPersonId: personId,
    ...sourceMatchKeys({ id: key, ...contact }, 'US'),
  };
}

const mine = source('m', 'P', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0100' }] });
const namesake = source('n', 'Q', { given: 'Ada', family: 'Lovelace' });
const sameNumber = source('s', 'R', {
  given: 'Ada',
  family: 'Lovelace',
  tel: [{ value: '+1 415 555 0100' }],
});
const stranger = source('x', 'S', { given: 'Grace', family: 'Hopper' });

describe('candidateLookups', () => {
  it('looks up numbers, emails, name keys and each word of them longer than an initial', () => {
    const lookups = candidateLookups(
      source('k', 'K', { given: 'Jo B', family: 'Smith', email: [{ value: 'j@x.org' }] }),
    );
    expect(lookups.filter(([index]) => index === 'byEmail')).toEqual([['byEmail', 'j@x.org']]);
    const words = lookups.filter(([index]) => index === 'byName').map(([, key]) => key);
    expect(words).toContain('smith');
    expect(words).not.toContain('b');
  });
});

describe('bestSuggestions and rankSuggestions', () => {
  it('keeps the best pair per person, and ranks by score, then person id', () => {
    const best = bestSuggestions([mine], [namesake, sameNumber, stranger], new Map());
    expect([...best.keys()].sort()).toEqual(['Q', 'R']);
    const ranked = rankSuggestions(best, new Map(), [mine], new Map(), 10);
    expect(ranked.map((s) => s.personId)).toEqual(['R', 'Q']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(rankSuggestions(best, new Map(), [mine], new Map(), 1)).toHaveLength(1);
  });

  it('leaves out a person the user dismissed or kept separate from, through any of its sources', () => {
    const dismissed = new Map<string, Decision>([
      [decisionKey('m', 'n'), decisionOf('m', 'n', 'dismissed', 1)],
    ]);
    expect([...bestSuggestions([mine], [namesake], dismissed).keys()]).toEqual([]);
    // R was found through s, but its other source t was kept separate from mine: R is not suggested.
    const kept = new Map<string, Decision>([[decisionKey('m', 't'), decisionOf('m', 't', 'separate', 1)]]);
    const best = bestSuggestions([mine], [sameNumber], kept);
    const other = source('t', 'R', { given: 'Ada', family: 'King' });
    expect(rankSuggestions(best, new Map([['R', [sameNumber, other]]]), [mine], kept, 10)).toEqual([]);
  });
});
