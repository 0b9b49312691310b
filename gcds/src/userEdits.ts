import {
  dismissDecisions,
  hiddenSources,
  hideDecisions,
  mergeDecisions,
  unmergeDecisions,
} from './decisions';
import type { PersonGraph } from './personGraph';
import type { SourceRecord } from './types';

/*
 * What each user decision does to the person graph, inside the one GCDS transaction the facade opens
 * for it. The decisions written are the pure ones of decisions.ts; this is where they meet the graph.
 */

export function checkMergeGroup(personIds: readonly string[]): void {
  if (!Array.isArray(personIds) || personIds.some((id) => typeof id !== 'string' || id === ''))
    throw new Error('merge needs person ids');
  if (new Set(personIds).size < 2) throw new Error('merge needs at least two different people');
}

async function tie(
  graph: PersonGraph,
  personIds: readonly string[],
  people: SourceRecord[][],
  at: number,
  nameFrom: string | undefined,
): Promise<void> {
  const { withdrawn, together } = mergeDecisions(people, at, nameFrom);
  for (const key of withdrawn) await graph.deleteDecision(key);
  for (const decision of together) await graph.putDecision(decision);
  for (const id of personIds) graph.touchPerson(id);
}

async function membersOrThrow(graph: PersonGraph, personId: string): Promise<SourceRecord[]> {
  const members = await graph.membersOf(personId);
  if (members.length === 0) throw new Error(`no person ${personId}`);
  return members;
}

/** Merges people; `nameFrom` (a source key of one of them) names the merged person. Its id back. */
export async function mergePeople(
  graph: PersonGraph,
  personIds: readonly string[],
  at: number,
  nameFrom: string | undefined,
): Promise<string> {
  const people = await Promise.all(personIds.map((id) => membersOrThrow(graph, id)));
  if (nameFrom !== undefined && !people.some((members) => members.some((m) => m.key === nameFrom)))
    throw new Error('the chosen name is not a source of these people');
  await tie(graph, personIds, people, at, nameFrom);
  await graph.regroup();
  return (await graph.getSource(people[0]![0]!.key))!.personId;
}

/** Merges every group whose people are all still there, with one regroup; how many were merged. */
export async function mergeGroups(
  graph: PersonGraph,
  groups: readonly (readonly string[])[],
  at: number,
): Promise<number> {
  let merged = 0;
  for (const group of groups) {
    const people = await Promise.all(group.map((id) => graph.membersOf(id)));
    if (people.some((members) => members.length === 0)) continue;
    await tie(graph, group, people, at, undefined);
    merged += 1;
  }
  await graph.regroup();
  return merged;
}

/** Splits a person into its sources or the chosen groups of source keys; the people it became. */
export async function unmergePerson(
  graph: PersonGraph,
  personId: string,
  groups: readonly (readonly string[])[] | undefined,
  at: number,
): Promise<string[]> {
  const keys = (await membersOrThrow(graph, personId)).map((member) => member.key);
  for (const decision of unmergeDecisions(personId, keys, groups, at)) await graph.putDecision(decision);
  graph.touchPerson(personId);
  await graph.regroup();
  const ids = new Set<string>();
  for (const key of keys) ids.add((await graph.getSource(key))!.personId);
  return [...ids];
}

/** Stops suggesting the two people to each other. */
export async function dismissPair(
  graph: PersonGraph,
  personId: string,
  otherPersonId: string,
  at: number,
): Promise<void> {
  const left = (await graph.membersOf(personId)).map((member) => member.key);
  const right = (await graph.membersOf(otherPersonId)).map((member) => member.key);
  const decided = new Set((await graph.decisionsFor(left)).map((d) => d.key));
  for (const decision of dismissDecisions(left, right, decided, at)) await graph.putDecision(decision);
}

/** Hides a person: a hide decision per source. */
export async function hidePerson(graph: PersonGraph, personId: string, at: number): Promise<void> {
  const keys = (await membersOrThrow(graph, personId)).map((member) => member.key);
  for (const decision of hideDecisions(keys, at)) await graph.putDecision(decision);
  graph.touchPerson(personId);
  await graph.regroup();
}

/** Shows a hidden person again: every source of it loses its hide decision. */
export async function unhidePerson(graph: PersonGraph, personId: string): Promise<void> {
  const keys = (await membersOrThrow(graph, personId)).map((member) => member.key);
  const hidden = hiddenSources(await graph.decisionsFor(keys));
  for (const decision of hideDecisions(keys, 0)) {
    if (hidden.has(decision.members[0])) await graph.deleteDecision(decision.key);
  }
  graph.touchPerson(personId);
  await graph.regroup();
}
