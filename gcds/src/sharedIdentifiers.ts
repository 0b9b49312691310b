import { MAX_BUCKET } from './clustering';
import { ambiguousKey, sharedEmailKey } from './mergeRules';
import { namesContradict } from './nameMatch';
import type { SourceRecord } from './types';

/** How far the holders of one number or address are from being one person. */
export type HolderConflict = 'none' | 'shared' | 'ambiguous';

/**
 * `shared` when two holders cannot be one person: a shared line (a family landline, an office number)
 * rather than anyone's identity. A first name only agrees with the full name it may be ("Noah" and
 * "Noah Pham"), so it never makes a mobile shared; a holder without any name says nothing either way.
 * `ambiguous` when, besides, one holder's name agrees with two who contradict each other ("Alex" beside
 * an Alexander and an Alexandra): then not even a full name tells whose it is.
 */
export function holderConflict(holders: readonly SourceRecord[]): HolderConflict {
  const named = holders.filter((holder) => holder.nameKeys.length > 0 || holder.company !== '');
  const contradicting: Array<[number, number]> = [];
  for (let i = 0; i < named.length; i += 1) {
    for (let j = i + 1; j < named.length; j += 1) {
      if (namesContradict(named[i]!, named[j]!)) contradicting.push([i, j]);
    }
  }
  if (contradicting.length === 0) return 'none';
  for (const [i, j] of contradicting) {
    for (let k = 0; k < named.length; k += 1) {
      if (k === i || k === j) continue;
      if (!namesContradict(named[k]!, named[i]!) && !namesContradict(named[k]!, named[j]!))
        return 'ambiguous';
    }
  }
  return 'shared';
}

/** Adds what the holders of an identifier make of it to the shared identifiers. */
export function markShared(shared: Set<string>, key: string, holders: readonly SourceRecord[]): void {
  if (holders.length > MAX_BUCKET) {
    shared.add(key);
    shared.add(ambiguousKey(key));
    return;
  }
  const conflict = holderConflict(holders);
  if (conflict !== 'none') shared.add(key);
  if (conflict === 'ambiguous') shared.add(ambiguousKey(key));
}

/** The key of a phone index key or an email among the shared identifiers. */
export function identifierKey(index: 'byPhone' | 'byEmail', key: string): string {
  return index === 'byPhone' ? key : sharedEmailKey(key);
}

/**
 * The identifiers of a whole book that are shared rather than personal (held by more than MAX_BUCKET
 * sources, or by two that cannot be one person), and which of those are ambiguous. What the GCDS finds around each change, for the book
 * at once (the bench and the labelled sets score clustering in memory with it).
 */
export function sharedIdentifiers(sources: readonly SourceRecord[]): Set<string> {
  const holders = new Map<string, SourceRecord[]>();
  const add = (key: string, source: SourceRecord) => {
    const list = holders.get(key);
    if (list === undefined) holders.set(key, [source]);
    else list.push(source);
  };
  for (const source of sources) {
    for (const key of new Set(source.phoneKeys)) add(identifierKey('byPhone', key), source);
    for (const email of new Set(source.emails)) add(identifierKey('byEmail', email), source);
  }
  const shared = new Set<string>();
  for (const [key, list] of holders) markShared(shared, key, list);
  return shared;
}
