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

/** Removes `source` from a key-ordered list (by key), keeping the rest in order. */
function removeFrom<K>(map: Map<K, SourceRecord[]>, at: K, key: string): void {
  const list = map.get(at);
  if (list === undefined) return;
  const kept = list.filter((member) => member.key !== key);
  if (kept.length === 0) map.delete(at);
  else map.set(at, kept);
}

/** Inserts `source` into a key-ordered list, where the index would list it. */
function insertInto<K>(map: Map<K, SourceRecord[]>, at: K, source: SourceRecord): void {
  const list = map.get(at);
  if (list === undefined) {
    map.set(at, [source]);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.key < source.key) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, source);
}

/**
 * The snapshot after one source was written (`record`) or deleted (undefined), as reading the store
 * whole again would give it: every list stays in primary-key order.
 */
export function applyToSnapshot(
  snapshot: SourceSnapshot,
  key: string,
  record: SourceRecord | undefined,
): void {
  const old = snapshot.byKey.get(key);
  if (old !== undefined) {
    removeFrom(snapshot.byPerson, old.personId, key);
    for (const [index, lookup] of lookupsOf(old))
      removeFrom(snapshot.byLookup, lookupKey(index, lookup), key);
    snapshot.byKey.delete(key);
  }
  if (record === undefined) return;
  snapshot.byKey.set(key, record);
  insertInto(snapshot.byPerson, record.personId, record);
  for (const [index, lookup] of lookupsOf(record))
    insertInto(snapshot.byLookup, lookupKey(index, lookup), record);
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
