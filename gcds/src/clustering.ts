import { accessRank, type MergeReason } from '@gcds/shared';
import { pairEvidence } from './mergeRules';
import { namesContradict } from './nameMatch';
import type { Decision, SourceRecord } from './types';

export interface Cluster {
  /** Primary source first. */
  members: SourceRecord[];
  reasons: MergeReason[];
}

interface Edge {
  a: SourceRecord;
  b: SourceRecord;
  /** `decisionKey` of the pair: ties between equal scores are broken by it, in code-unit order. */
  pair: string;
  kind: 'auto' | 'user';
  keys: string[];
  score: number;
}

/** Above this many holders a phone or email key is treated as shared, not as identity. */
export const MAX_BUCKET = 20;

export function decisionKey(a: string, b: string): string {
  return a < b ? `${a}\u001e${b}` : `${b}\u001e${a}`;
}

/** The primary source wins single-valued fields: the user's own (local) contacts, then the widest-readable. */
export function comparePrimary(a: SourceRecord, b: SourceRecord): number {
  const localA = a.provider === 'local' ? 0 : 1;
  const localB = b.provider === 'local' ? 0 : 1;
  if (localA !== localB) return localA - localB;
  const rank = accessRank(a.accessLevel) - accessRank(b.accessLevel);
  if (rank !== 0) return rank;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Whether two sources may never sit in one person without the user saying so: names that cannot be one
 * person's (different family names or suffixes, given names that disagree), a company card and a
 * person, or two records of one provider that are not the same card twice. A different second number
 * or address is no contradiction: each source knows a subset of someone's.
 */
function contradicts(x: SourceRecord, y: SourceRecord, sharedNumbers: ReadonlySet<string>): boolean {
  if (namesContradict(x, y)) return true;
  return x.provider === y.provider && !pairEvidence(x, y, sharedNumbers).auto;
}

/**
 * Groups a neighbourhood of sources into people. Candidate pairs come from shared phone and email keys
 * (never all pairs); user decisions come first (keep-together joins, keep-separate forbids), then
 * automatic matches by strength. Joining two groups automatically also needs every cross pair to be
 * free of contradictions, so A~B and B~C never pull in a C that conflicts with A.
 */
export function clusterSources(
  sources: readonly SourceRecord[],
  decisions: readonly Decision[],
  sharedNumbers: ReadonlySet<string>,
): Cluster[] {
  const byKey = new Map(sources.map((source) => [source.key, source]));
  const separate = new Set(decisions.filter((d) => d.kind === 'separate').map((d) => d.key));
  const edges: Edge[] = [];
  const seenPairs = new Set<string>();

  for (const decision of decisions) {
    if (decision.kind !== 'together') continue;
    const a = byKey.get(decision.members[0]);
    const b = byKey.get(decision.members[1]);
    if (a === undefined || b === undefined) continue;
    seenPairs.add(decision.key);
    edges.push({
      a,
      b,
      pair: decision.key,
      kind: 'user',
      keys: pairEvidence(a, b, sharedNumbers).keys,
      score: 1000,
    });
  }

  const buckets = new Map<string, SourceRecord[]>();
  for (const source of sources) {
    const keys = new Set([...source.phoneKeys, ...source.emails.map((email) => `m:${email}`)]);
    for (const key of keys) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [source]);
      else bucket.push(source);
    }
  }
  for (const bucket of buckets.values()) {
    // A key dozens of records share (a switchboard, a shared inbox) is no evidence of anything.
    if (bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        const pair = decisionKey(a.key, b.key);
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
        if (separate.has(pair)) continue;
        const evidence = pairEvidence(a, b, sharedNumbers);
        if (evidence.auto)
          edges.push({ a, b, pair, kind: 'auto', keys: evidence.keys, score: evidence.score });
      }
    }
  }
  // Code-unit order, not localeCompare: the same order on every runtime, at a fraction of the cost.
  edges.sort((x, y) => y.score - x.score || (x.pair < y.pair ? -1 : x.pair > y.pair ? 1 : 0));

  const groupOf = new Map<string, Set<SourceRecord>>(
    sources.map((source) => [source.key, new Set([source])]),
  );
  const reasonsOf = new Map<Set<SourceRecord>, MergeReason[]>();
  for (const edge of edges) {
    const left = groupOf.get(edge.a.key)!;
    const right = groupOf.get(edge.b.key)!;
    if (left === right) continue;
    let allowed = true;
    for (const x of left) {
      for (const y of right) {
        if (
          separate.has(decisionKey(x.key, y.key)) ||
          (edge.kind === 'auto' && contradicts(x, y, sharedNumbers))
        ) {
          allowed = false;
          break;
        }
      }
      if (!allowed) break;
    }
    if (!allowed) continue;
    for (const member of right) {
      left.add(member);
      groupOf.set(member.key, left);
    }
    const reasons = [...(reasonsOf.get(left) ?? []), ...(reasonsOf.get(right) ?? [])];
    reasons.push({
      a: { provider: edge.a.provider, contactId: edge.a.contactId },
      b: { provider: edge.b.provider, contactId: edge.b.contactId },
      kind: edge.kind,
      keys: edge.keys,
    });
    reasonsOf.set(left, reasons);
    reasonsOf.delete(right);
  }

  const groups = [...new Set(groupOf.values())];
  return groups.map((group) => ({
    members: [...group].sort(comparePrimary),
    reasons: reasonsOf.get(group) ?? [],
  }));
}

/**
 * Gives each group a person id so that ids stay stable: a group keeps the id most of its members had, and
 * a source split off gets back the id it founded (or was promised) when it first arrived, so unmerge
 * restores the people exactly as they were. `taken` holds ids in use by people outside the neighbourhood.
 */
export function assignPersonIds(
  clusters: readonly Cluster[],
  taken: ReadonlySet<string>,
  newId: () => string,
): string[] {
  const candidates: Array<{ cluster: number; id: string; score: number; primary: boolean }> = [];
  clusters.forEach((cluster, index) => {
    const scores = new Map<string, number>();
    for (const member of cluster.members) {
      if (member.personId !== '') scores.set(member.personId, (scores.get(member.personId) ?? 0) + 1);
      scores.set(member.originPersonId, (scores.get(member.originPersonId) ?? 0) + 0.5);
    }
    const primary = cluster.members[0];
    for (const [id, score] of scores) {
      candidates.push({ cluster: index, id, score, primary: primary?.originPersonId === id });
    }
  });
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      Number(y.primary) - Number(x.primary) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) ||
      x.cluster - y.cluster,
  );
  const ids = new Array<string | undefined>(clusters.length).fill(undefined);
  const used = new Set(taken);
  for (const candidate of candidates) {
    if (ids[candidate.cluster] !== undefined || used.has(candidate.id)) continue;
    ids[candidate.cluster] = candidate.id;
    used.add(candidate.id);
  }
  return ids.map((id) => {
    if (id !== undefined) return id;
    const fresh = newId();
    used.add(fresh);
    return fresh;
  });
}
