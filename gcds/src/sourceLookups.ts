import type { SourceRecord } from './types';

/** The indexes the candidate search asks, and the key spaces the snapshot keeps them in. */
export type LookupIndex = 'byPhone' | 'byEmail';

/**
 * The stored sources read whole, answering what the indexes would (holders of a phone or email key,
 * members of a person, sources of a provider) from memory, each list in primary-key order as an index
 * gives it. Read when a batch would otherwise ask the indexes about a good share of them anyway.
 */
export interface SourceSnapshot {
  byKey: Map<string, SourceRecord>;
  byLookup: Map<string, SourceRecord[]>;
  byPerson: Map<string, SourceRecord[]>;
}

/** One index lookup (index and key) as one string, the key of `SourceSnapshot.byLookup`. */
export function lookupKey(index: LookupIndex, key: string): string {
  return `${index}\u0000${key}`;
}

export function lookupOf(lookup: string): [LookupIndex, string] {
  const split = lookup.indexOf('\u0000');
  return [lookup.slice(0, split) as LookupIndex, lookup.slice(split + 1)];
}

/** The phone and email lookups that find this source, each once. */
export function lookupsOf(source: SourceRecord): Array<[LookupIndex, string]> {
  return [
    ...[...new Set(source.phoneKeys)].map((key): [LookupIndex, string] => ['byPhone', key]),
    ...[...new Set(source.emails)].map((email): [LookupIndex, string] => ['byEmail', email]),
  ];
}

/** Primary-key order, as an index answers. */
export function byKeyOrder(a: SourceRecord, b: SourceRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The snapshot of the stored sources, given in primary-key order (as `getAll` reads them). */
export function snapshotOf(stored: readonly SourceRecord[]): SourceSnapshot {
  const snapshot: SourceSnapshot = { byKey: new Map(), byLookup: new Map(), byPerson: new Map() };
  for (const source of stored) {
    snapshot.byKey.set(source.key, source);
    pushTo(snapshot.byPerson, source.personId, source);
    for (const [index, key] of lookupsOf(source)) pushTo(snapshot.byLookup, lookupKey(index, key), source);
  }
  return snapshot;
}
