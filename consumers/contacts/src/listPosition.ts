import type { NameOrder } from '@gcds/shared';

/**
 * A row's place in the list, as one string that IndexedDB orders correctly: the name order it belongs
 * to (every row has places in both, so switching the order is a different range of the same index, not
 * a rebuild), the section (ICE, then favourites, then everyone), the bucket (names with letters, then
 * `#`), the collation key, and the person id so equal names still have distinct, stable places. A
 * person who is a favourite has two places per order: one in the favourites section and one under its
 * letter, as in the Gaia list.
 */
export type SectionName = 'ice' | 'favorites' | 'all';

const SECTION_CHAR: Record<SectionName, string> = { ice: '0', favorites: '1', all: '2' };
const ORDER_CHAR: Record<NameOrder, string> = { familyFirst: 'f', givenFirst: 'g' };
const SEPARATOR = '\u0001';

/** The first character of every place (and letter group key) of an order. */
export function orderPrefix(order: NameOrder): string {
  return ORDER_CHAR[order];
}

/** Every place of an order, as a key range: [prefix, the next character). */
export function orderRange(order: NameOrder): IDBKeyRange {
  const prefix = ORDER_CHAR[order];
  return IDBKeyRange.bound(prefix, String.fromCharCode(prefix.charCodeAt(0) + 1), false, true);
}

export function sectionStart(order: NameOrder, section: SectionName): string {
  return ORDER_CHAR[order] + SECTION_CHAR[section];
}

/** The first position of a letter group in the main section; `groupKey` is its bucket and weight. */
export function groupStart(order: NameOrder, groupKey: string): string {
  return sectionStart(order, 'all') + groupKey;
}

/** A letter group's key in the group index: the order's prefix, then the collation's group key. */
export function orderedGroupKey(order: NameOrder, groupKey: string): string {
  return ORDER_CHAR[order] + groupKey;
}

export function listPosition(
  order: NameOrder,
  section: SectionName,
  bucket: '1' | '2',
  sortKey: string,
  personId: string,
): string {
  return `${sectionStart(order, section)}${bucket}${sortKey}${SEPARATOR}${personId}`;
}

/**
 * Where a row sorts among everyone in given-name order (its bucket and collation key, as its place
 * there holds them): the list order search breaks ties by, before the person id.
 */
export function listOrderOf(positions: readonly string[]): string {
  const everyone = sectionStart('givenFirst', 'all');
  const place = positions.find((position) => position.startsWith(everyone)) ?? everyone;
  // Without the person id: search compares ids apart, and keeps a shorter string per person.
  const end = place.lastIndexOf(SEPARATOR);
  return place.slice(everyone.length, end < 0 ? undefined : end);
}

export function sectionOf(position: string): SectionName {
  const char = position.charAt(1);
  if (char === SECTION_CHAR.ice) return 'ice';
  if (char === SECTION_CHAR.favorites) return 'favorites';
  return 'all';
}

/** The name order a place belongs to. */
export function orderOf(position: string): NameOrder {
  return position.charAt(0) === ORDER_CHAR.familyFirst ? 'familyFirst' : 'givenFirst';
}
