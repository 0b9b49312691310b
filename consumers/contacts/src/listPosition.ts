/**
 * A row's place in the list, as one string that IndexedDB orders correctly: the section (ICE, then
 * favourites, then everyone), the bucket (names with letters, then `#`), the collation key, and the
 * person id so equal names still have distinct, stable places. A person who is a favourite has two
 * places: one in the favourites section and one under its letter, as in the Gaia list.
 */
export type SectionName = 'ice' | 'favorites' | 'all';

const SECTION_CHAR: Record<SectionName, string> = { ice: '0', favorites: '1', all: '2' };
const SEPARATOR = '\u0001';

export function sectionStart(section: SectionName): string {
  return SECTION_CHAR[section];
}

/** The first position of a letter group in the main section; `groupKey` is its bucket and weight. */
export function groupStart(groupKey: string): string {
  return SECTION_CHAR.all + groupKey;
}

export function listPosition(
  section: SectionName,
  bucket: '1' | '2',
  sortKey: string,
  personId: string,
): string {
  return `${SECTION_CHAR[section]}${bucket}${sortKey}${SEPARATOR}${personId}`;
}

export function sectionOf(position: string): SectionName {
  const char = position.charAt(0);
  if (char === SECTION_CHAR.ice) return 'ice';
  if (char === SECTION_CHAR.favorites) return 'favorites';
  return 'all';
}
