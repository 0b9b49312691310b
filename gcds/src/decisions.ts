import { decisionKey } from './clustering';
import type { Decision, DecisionKind } from './types';

/** A source as a decision sees it: its stable identity and the person it is part of now. */
export interface DecidedSource {
  key: string;
  personId: string;
}

/** The decision of `kind` about two sources, stored under their sorted pair. */
export function decisionOf(a: string, b: string, kind: DecisionKind, at: number): Decision {
  const members: [string, string] = a < b ? [a, b] : [b, a];
  return { key: decisionKey(a, b), members, kind, at };
}

/** What a merge writes: the decisions it withdraws (by key), then the keep-togethers it stores. */
export interface MergeDecisions {
  withdrawn: string[];
  together: Decision[];
}

/**
 * The user merges people (each given as its sources). Any decision between sources of different
 * people is withdrawn, and every pair across the people is tied: one tie per person would let a later
 * removal, or a passive pass that sees another name, split off the sources that hung on the untied ones.
 * A chosen name (`nameFrom`, a source key of one of the people) rides on the ties that name its source.
 */
export function mergeDecisions(
  people: ReadonlyArray<readonly DecidedSource[]>,
  at: number,
  nameFrom?: string,
): MergeDecisions {
  const all = people.flat();
  const withdrawn: string[] = [];
  for (const a of all) {
    for (const b of all) {
      if (a.key < b.key && a.personId !== b.personId) withdrawn.push(decisionKey(a.key, b.key));
    }
  }
  const together: Decision[] = [];
  for (const [i, left] of people.entries()) {
    for (const right of people.slice(i + 1)) {
      for (const a of left) {
        for (const b of right) {
          if (a.key === b.key) continue;
          const tie = decisionOf(a.key, b.key, 'together', at);
          if (nameFrom !== undefined && (a.key === nameFrom || b.key === nameFrom)) tie.nameFrom = nameFrom;
          together.push(tie);
        }
      }
    }
  }
  return { withdrawn, together };
}

/**
 * The user splits a person (its source keys) into the chosen groups of them: every pair across groups
 * is kept separate, so no later automatic pass joins them again. Sources named in no group form one
 * more group of their own; no groups at all splits the person into its sources.
 */
export function unmergeDecisions(
  personId: string,
  keys: readonly string[],
  groups: ReadonlyArray<readonly string[]> | undefined,
  at: number,
): Decision[] {
  const chosen = groups ?? keys.map((key) => [key]);
  const groupOf = new Map<string, number>();
  chosen.forEach((group, index) => {
    for (const key of group) {
      if (!keys.includes(key)) throw new Error(`${key} is not part of person ${personId}`);
      groupOf.set(key, index);
    }
  });
  for (const key of keys) if (!groupOf.has(key)) groupOf.set(key, chosen.length);
  const separate: Decision[] = [];
  for (const a of keys) {
    for (const b of keys) {
      if (a < b && groupOf.get(a) !== groupOf.get(b)) separate.push(decisionOf(a, b, 'separate', at));
    }
  }
  return separate;
}

/**
 * The user dismisses a suggestion: every pair across the two people is remembered as dismissed, except
 * pairs already decided. A dismissal is the weakest decision: it never replaces a merge or an unmerge.
 */
export function dismissDecisions(
  left: readonly string[],
  right: readonly string[],
  decided: ReadonlySet<string>,
  at: number,
): Decision[] {
  const dismissed: Decision[] = [];
  for (const a of left) {
    for (const b of right) {
      if (!decided.has(decisionKey(a, b))) dismissed.push(decisionOf(a, b, 'dismissed', at));
    }
  }
  return dismissed;
}

/** The hide decision of one source: the user hid the person it is part of. */
export function hideDecision(key: string, at: number): Decision {
  return { key: decisionKey(key, key), members: [key, key], kind: 'hidden', at };
}

/** What hiding a person writes: one hide per source, so each source stays hidden wherever it goes. */
export function hideDecisions(keys: readonly string[], at: number): Decision[] {
  return keys.map((key) => hideDecision(key, at));
}

/** The keys of the sources the user hid, among these decisions. */
export function hiddenSources(decisions: Iterable<Decision>): Set<string> {
  const hidden = new Set<string>();
  for (const decision of decisions) if (decision.kind === 'hidden') hidden.add(decision.members[0]);
  return hidden;
}

/**
 * Whether a person of these sources is hidden: only while every one of them is. A source that joins
 * later (a new card, friend or contact with the same number) is something new about them the user has
 * not hidden, so the person shows again, whole; hiding again hides the new source too. A re-import or
 * full resync brings back the same keys, which stay hidden.
 */
export function isHiddenPerson(keys: readonly string[], hidden: ReadonlySet<string>): boolean {
  return keys.length > 0 && keys.every((key) => hidden.has(key));
}

/**
 * The source whose name the user chose for a person of these member keys: the `nameFrom` of the latest
 * keep-together between two of its members that carries one, while that source is still a member.
 */
export function chosenNameSource(
  memberKeys: ReadonlySet<string>,
  decisions: readonly Decision[],
): string | undefined {
  let latest: Decision | undefined;
  for (const decision of decisions) {
    if (decision.kind !== 'together' || decision.nameFrom === undefined) continue;
    if (!memberKeys.has(decision.members[0]) || !memberKeys.has(decision.members[1])) continue;
    if (!memberKeys.has(decision.nameFrom)) continue;
    if (
      latest === undefined ||
      decision.at > latest.at ||
      (decision.at === latest.at && decision.key > latest.key)
    )
      latest = decision;
  }
  return latest?.nameFrom;
}
