import type { NameOrder } from '@gcds/shared';

/**
 * A row's position in the list, as one string that IndexedDB orders correctly: the name order it
 * belongs to (every row has positions in both, so switching the order is a different range of the same
 * index, not a rebuild), the section (ICE, then favourites, then everyone), the bucket (names with
 * letters, then `#`), and the collation key. A person who is a favourite has two positions per order:
 * one in the favourites section and one under its letter, as in the Gaia list.
 *
 * Equal names have equal positions: the index orders them by primary key, the person id, so the row
 * does not store the id again in each position. A page's places (`placeOf`) append it, so equal names
 * still have distinct, stable places to page from.
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

export function listPosition(
  order: NameOrder,
  section: SectionName,
  bucket: '1' | '2',
  sortKey: string,
): string {
  return `${sectionStart(order, section)}${bucket}${sortKey}`;
}

/** Where a bucket's sort keys start in a position: after the order, the section and the bucket. */
const SORT_KEY_AT = 3;

/** The bucket of a position (`2` is `#`) and its collation key. */
export function sortKeyOf(position: string): { bucket: string; sortKey: string } {
  return { bucket: position.charAt(SORT_KEY_AT - 1), sortKey: position.slice(SORT_KEY_AT) };
}

/** A row's place in the list: its position, then its person id (a sort key holds two separators). */
export function placeOf(position: string, personId: string): string {
  return `${position}${SEPARATOR}${personId}`;
}

/** The position and the person id of a place; a section's or group's start has no person id. */
export function parsePlace(place: string): { position: string; personId?: string } {
  const parts = place.split(SEPARATOR);
  if (parts.length < 4) return { position: place };
  const personId = parts.pop()!;
  return { position: parts.join(SEPARATOR), personId };
}

/**
 * Where a row sorts among everyone in given-name order (its bucket and collation key, as its place
 * there holds them): the list order search breaks ties by, before the person id.
 */
export function listOrderOf(positions: readonly string[]): string {
  const everyone = sectionStart('givenFirst', 'all');
  const place = positions.find((position) => position.startsWith(everyone)) ?? everyone;
  return place.slice(everyone.length);
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
