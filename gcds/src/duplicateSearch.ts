import type { PersonRecord, TransactionalDataStoreOwner } from '@gcds/shared';
import type { GcdsSchema } from './schema';
import { bestSuggestions, CANDIDATES_PER_KEY, candidateLookups, rankSuggestions } from './suggestions';
import type { Decision, DuplicateSuggestion, SourceRecord } from './types';

/**
 * Reads what the suggestion scorer needs for one person, in one readonly transaction: its sources, the
 * decisions about them, the candidates found through their keys, and every source of each suggested
 * person. The scoring itself is `suggestions.ts`'s.
 */
export async function findDuplicates(
  store: TransactionalDataStoreOwner<PersonRecord, GcdsSchema>,
  personId: string,
  limit: number,
): Promise<DuplicateSuggestion[]> {
  return store.readExtra(['sources', 'decisions'], async ([sources, decisionStore]) => {
    const members = await sources.index('byPerson').getAll(personId);
    const decisions = new Map<string, Decision>();
    const candidates = new Map<string, SourceRecord>();
    for (const member of members) {
      for (const decision of await decisionStore.index('byMember').getAll(member.key)) {
        decisions.set(decision.key, decision);
      }
      for (const [index, key] of candidateLookups(member)) {
        for (const candidate of await sources.index(index).getAll(key, CANDIDATES_PER_KEY)) {
          if (candidate.personId !== personId) candidates.set(candidate.key, candidate);
        }
      }
    }
    const best = bestSuggestions(members, candidates.values(), decisions);
    const sourcesOf = new Map<string, SourceRecord[]>();
    for (const suggested of best.keys())
      sourcesOf.set(suggested, await sources.index('byPerson').getAll(suggested));
    return rankSuggestions(best, sourcesOf, members, decisions, limit);
  });
}
