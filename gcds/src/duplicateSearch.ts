import type { PersonRecord, TransactionalDataStoreOwner } from '@gcds/shared';
import type { SourceMirror } from './pendingSources';
import type { GcdsSchema } from './schema';
import { byKeyOrder, lookupKey, pushTo, type SourceSnapshot, snapshotOf } from './sourceLookups';
import { sourceFromStored } from './storedSource';
import {
  bestSuggestions,
  CANDIDATES_PER_KEY,
  type CandidateLookup,
  candidateLookups,
  rankSuggestions,
} from './suggestions';
import type { Decision, DuplicateSuggestion, SourceRecord } from './types';

/**
 * The holders of each name key looked up, in key order: every source whose name keys hold it, as an
 * index over them would list them. One walk over the sources, for the few keys of one person.
 */
function nameHolders(
  snapshot: SourceSnapshot,
  lookups: readonly CandidateLookup[],
): Map<string, SourceRecord[]> {
  const wanted = new Set(lookups.filter(([index]) => index === 'byName').map(([, key]) => key));
  const holders = new Map<string, SourceRecord[]>();
  if (wanted.size === 0) return holders;
  for (const source of snapshot.byKey.values()) {
    for (const key of new Set(source.nameKeys)) if (wanted.has(key)) pushTo(holders, key, source);
  }
  for (const list of holders.values()) list.sort(byKeyOrder);
  return holders;
}

/** The first holders of one candidate lookup, in key order, as an index read of CANDIDATES_PER_KEY would give. */
function holdersOf(
  snapshot: SourceSnapshot,
  names: ReadonlyMap<string, SourceRecord[]>,
  [index, key]: CandidateLookup,
): SourceRecord[] {
  const all = index === 'byName' ? names.get(key) : snapshot.byLookup.get(lookupKey(index, key));
  return (all ?? []).slice(0, CANDIDATES_PER_KEY);
}

/**
 * Reads what the suggestion scorer needs for one person, in one readonly transaction: its sources, the
 * decisions about them, the candidates found through their keys, and every source of each suggested
 * person. The sources come from `mirror` (read whole into it when it has none), so the caller runs this
 * as one of the GCDS's jobs: between its transactions, when the mirror is what is committed. The scoring
 * itself is `suggestions.ts`'s.
 */
export async function findDuplicates(
  store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>,
  mirror: SourceMirror,
  personId: string,
  limit: number,
): Promise<DuplicateSuggestion[]> {
  return store.readExtra(['sources', 'decisions'], async ([sources, decisionStore]) => {
    const snapshot = mirror.snapshot ?? snapshotOf((await sources.getAll()).map(sourceFromStored));
    mirror.snapshot = snapshot;
    const members = snapshot.byPerson.get(personId) ?? [];
    const decisions = new Map<string, Decision>();
    const lookups = members.flatMap(candidateLookups);
    const names = nameHolders(snapshot, lookups);
    const candidates = new Map<string, SourceRecord>();
    for (const member of members) {
      for (const decision of await decisionStore.index('byMember').getAll(member.key)) {
        decisions.set(decision.key, decision);
      }
    }
    for (const lookup of lookups) {
      for (const candidate of holdersOf(snapshot, names, lookup)) {
        if (candidate.personId !== personId) candidates.set(candidate.key, candidate);
      }
    }
    const best = bestSuggestions(members, candidates.values(), decisions);
    const sourcesOf = new Map<string, SourceRecord[]>();
    for (const suggested of best.keys()) sourcesOf.set(suggested, snapshot.byPerson.get(suggested) ?? []);
    return rankSuggestions(best, sourcesOf, members, decisions, limit);
  });
}
