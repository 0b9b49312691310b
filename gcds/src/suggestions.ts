import { decisionKey } from './clustering';
import { pairEvidence } from './mergeRules';
import { hasPersonName, nameMatch } from './nameMatch';
import type { Decision, DuplicateSuggestion, SourceRecord } from './types';

/**
 * What makes two people look alike enough to ask the user, in points out of 100. Looser than passive
 * merge, which never looks at these: a name alone, or a name and an employer, is worth asking about,
 * never worth merging on.
 */
export const SUGGESTION_POINTS = {
  /** Compatible full names (given and family), nicknames, initials and order folded. */
  fullName: 50,
  /** A compatible name with less to say on one side (a first name only). */
  partialName: 35,
  /** Names that are not compatible but read alike (a typo): Jaro–Winkler at or above `SIMILAR_NAME`. */
  similarName: 30,
  sharedPhone: 30,
  sharedEmail: 40,
  /** The same organisation on both, besides a name. */
  sameEmployer: 20,
} as const;

/** Jaro–Winkler likeness of the best pair of name keys from which a name counts as similar. */
export const SIMILAR_NAME = 0.88;

/** Below this many points a look-alike is not worth the user's attention. */
export const SUGGESTION_THRESHOLD = 50;

/**
 * How many holders of one key the candidate search reads. A key held by more people than this (a
 * switchboard number, a common first name) says little about any one of them.
 */
export const CANDIDATES_PER_KEY = 200;

/** Suggestions for a person when the caller does not say how many. */
export const DEFAULT_SUGGESTION_LIMIT = 10;

/** An index of the GCDS's sources and a key to look up in it, to find look-alike candidates. */
export type CandidateLookup = ['byPhone' | 'byEmail' | 'byName', string];

/**
 * Where to look for people like this source: its numbers, its emails, its name keys, and each word of
 * them longer than an initial (a first name alone finds the card that has only that).
 */
export function candidateLookups(member: SourceRecord): CandidateLookup[] {
  return [
    ...member.phoneKeys.map((k): CandidateLookup => ['byPhone', k]),
    ...member.emails.map((k): CandidateLookup => ['byEmail', k]),
    ...member.nameKeys.map((k): CandidateLookup => ['byName', k]),
    ...member.nameKeys.flatMap((k) =>
      k
        .split(' ')
        .filter((token) => token.length > 1)
        .map((token): CandidateLookup => ['byName', token]),
    ),
  ];
}

function declined(decision: Decision | undefined): boolean {
  return decision?.kind === 'separate' || decision?.kind === 'dismissed';
}

/**
 * The best suggestion for each candidate person: the best-scoring pair of one of the person's sources
 * (`members`) and one of the candidate's, leaving out pairs the user kept separate or dismissed.
 * `decisions` holds the decisions that involve the members, by key.
 */
export function bestSuggestions(
  members: readonly SourceRecord[],
  candidates: Iterable<SourceRecord>,
  decisions: ReadonlyMap<string, Decision>,
): Map<string, DuplicateSuggestion> {
  const best = new Map<string, DuplicateSuggestion>();
  for (const candidate of candidates) {
    for (const member of members) {
      if (declined(decisions.get(decisionKey(member.key, candidate.key)))) continue;
      const suggestion = suggestionFor(member, candidate);
      if (suggestion === undefined) continue;
      const previous = best.get(candidate.personId);
      if (previous === undefined || previous.score < suggestion.score) {
        best.set(candidate.personId, { personId: candidate.personId, ...suggestion });
      }
    }
  }
  return best;
}

/**
 * The suggestions to show, best first (ties by person id), at most `limit`. A suggested person any of
 * whose sources the user kept separate from, or dismissed for, a member is left out: every source of
 * it counts (`sourcesOf`), not only those found through a shared key.
 */
export function rankSuggestions(
  best: ReadonlyMap<string, DuplicateSuggestion>,
  sourcesOf: ReadonlyMap<string, readonly SourceRecord[]>,
  members: readonly SourceRecord[],
  decisions: ReadonlyMap<string, Decision>,
  limit: number,
): DuplicateSuggestion[] {
  const refused = (personId: string) =>
    (sourcesOf.get(personId) ?? []).some((other) =>
      members.some((member) => declined(decisions.get(decisionKey(member.key, other.key)))),
    );
  return [...best.values()]
    .filter((suggestion) => !refused(suggestion.personId))
    .sort((x, y) => y.score - x.score || x.personId.localeCompare(y.personId))
    .slice(0, limit);
}

export interface PairSuggestion {
  score: number;
  /** What makes them look alike: `name:…`, `name~:…`, `org:…`, `phone:…`, `email:…`. */
  reasons: string[];
}

/** Name likeness for suggestions: Jaro–Winkler over the best pair of name keys. */
function nameSimilarity(a: SourceRecord, b: SourceRecord): { score: number; key: string } {
  let best = { score: 0, key: '' };
  for (const ka of a.nameKeys) {
    for (const kb of b.nameKeys) {
      const score = jaroWinkler(ka, kb);
      if (score > best.score) best = { score, key: ka };
    }
  }
  return best;
}

/**
 * How alike two sources look, for the user to decide, or undefined below the threshold. The passive
 * merge's evidence (shared numbers and addresses) counts, and so do a name on its own and the same
 * employer: pairs with no identifier in common are suggested, never merged.
 */
export function suggestionFor(a: SourceRecord, b: SourceRecord): PairSuggestion | undefined {
  const evidence = pairEvidence(a, b, new Set());
  const reasons = evidence.keys.filter((key) => !key.startsWith('name:'));
  let score = 0;
  let named = true;
  const name = hasPersonName(a) && hasPersonName(b) ? nameMatch(a, b) : undefined;
  if (name !== undefined) {
    score += name === 'full' ? SUGGESTION_POINTS.fullName : SUGGESTION_POINTS.partialName;
    reasons.unshift(...evidence.keys.filter((key) => key.startsWith('name:')));
  } else if (!evidence.keys.some((key) => key.startsWith('company:'))) {
    const similar = nameSimilarity(a, b);
    if (similar.score >= SIMILAR_NAME) {
      score += SUGGESTION_POINTS.similarName;
      reasons.unshift(`name~:${similar.key}`);
    } else named = false;
  } else {
    score += SUGGESTION_POINTS.fullName;
  }
  if (evidence.keys.some((key) => key.startsWith('phone:'))) score += SUGGESTION_POINTS.sharedPhone;
  if (evidence.keys.some((key) => key.startsWith('email:'))) score += SUGGESTION_POINTS.sharedEmail;
  // An employer in common says something only of look-alike names: colleagues share it by definition.
  if (named && a.org !== '' && a.org === b.org) {
    score += SUGGESTION_POINTS.sameEmployer;
    reasons.push(`org:${a.org}`);
  }
  score = Math.min(100, score);
  return score >= SUGGESTION_THRESHOLD ? { score, reasons } : undefined;
}

/** Jaro–Winkler similarity in [0, 1]. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  if (s.length === 0 || t.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i += 1) {
    for (let j = Math.max(0, i - window); j < Math.min(t.length, i + window + 1); j += 1) {
      if (!tMatched[j] && s[i] === t[j]) {
        sMatched[i] = true;
        tMatched[j] = true;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k += 1;
    if (s[i] !== t[k]) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, s.length, t.length) && s[prefix] === t[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}
