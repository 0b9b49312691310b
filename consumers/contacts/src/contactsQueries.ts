import { type GroupKind, type MergedContact, prefixRange } from '@gcds/shared';
import type { IDBPDatabase } from 'idb';
import {
  type ContactDetailRow,
  type ContactListEntry,
  DETAIL_STORE,
  EMAIL_TOKEN_INDEX,
  GROUP_INDEX,
  LIST_STORE,
  NAME_TOKEN_INDEX,
  ORG_TOKEN_INDEX,
  POSITION_INDEX,
} from './contactRows';
import { type ListSection, sectionOf, sectionStart } from './listPosition';
import type { PhoneDigitIndex, PhoneDigitMatch } from './phoneDigitIndex';
import { bestHits, rankEmail, rankName, rankOrganisation, rankPhone, type SearchHit } from './searchRanking';
import { phoneQueryDigits, queryWords } from './searchText';

export interface ListItem {
  /** The row's place in the list: pass it to `pageAfter` to read on. */
  position: string;
  section: ListSection;
  entry: ContactListEntry;
}

export interface ListPage {
  items: ListItem[];
  /** Where the next page starts (exclusive), or undefined at the end of the list. */
  next: string | undefined;
}

export interface LetterGroup {
  /** `ice`, `favorites`, or the letter group's key. */
  id: string;
  label: string;
  kind: 'ice' | 'favorites' | GroupKind;
  count: number;
  /** The group's first place in the list (inclusive): `pageFrom(start)` jumps there. */
  start: string;
}

/**
 * Reads up to `limit` list places from `range`. A person in two sections comes back once per section;
 * each row's place is the smallest of its positions past the previous one, as the index ordered them.
 */
export async function readPage(
  db: IDBPDatabase<unknown>,
  lower: { position: string; inclusive: boolean } | undefined,
  limit: number,
): Promise<ListPage> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`a page needs a positive whole limit, got ${limit}`);
  const range = lower === undefined ? undefined : IDBKeyRange.lowerBound(lower.position, !lower.inclusive);
  const rows = (await db.getAllFromIndex(LIST_STORE, POSITION_INDEX, range, limit + 1)) as ContactListEntry[];
  const items: ListItem[] = [];
  let previous = lower?.position;
  let inclusive = lower?.inclusive ?? true;
  for (const entry of rows) {
    const position = entry.positions
      .filter((p) => previous === undefined || p > previous || (inclusive && p === previous))
      .sort()[0];
    if (position === undefined) break;
    items.push({ position, section: sectionOf(position), entry });
    previous = position;
    inclusive = false;
  }
  const more = items.length > limit;
  const page = items.slice(0, limit);
  return { items: page, next: more ? page.at(-1)?.position : undefined };
}

/** ICE and favourites first, then the letter groups in list order, each with its count. */
export async function readGroups(db: IDBPDatabase<unknown>): Promise<LetterGroup[]> {
  const tx = db.transaction(LIST_STORE);
  const positions = tx.store.index(POSITION_INDEX);
  const sectionBound = (section: ListSection, next: string) =>
    IDBKeyRange.bound(sectionStart(section), next, false, true);
  const [ice, favorites] = await Promise.all([
    positions.count(sectionBound('ice', sectionStart('favorites'))),
    positions.count(sectionBound('favorites', sectionStart('all'))),
  ]);
  const groups: LetterGroup[] = [];
  if (ice > 0) groups.push({ id: 'ice', label: 'ICE', kind: 'ice', count: ice, start: sectionStart('ice') });
  if (favorites > 0) {
    groups.push({
      id: 'favorites',
      label: '★',
      kind: 'favorites',
      count: favorites,
      start: sectionStart('favorites'),
    });
  }
  const byGroup = tx.store.index(GROUP_INDEX);
  const keys: string[] = [];
  let cursor = await byGroup.openKeyCursor(null, 'nextunique');
  while (cursor) {
    keys.push(cursor.key as string);
    cursor = await cursor.continue();
  }
  const details = await Promise.all(
    keys.map(async (key) => {
      const [count, first] = await Promise.all([byGroup.count(key), byGroup.get(key)]);
      return { key, count, first: first as ContactListEntry };
    }),
  );
  for (const { key, count, first } of details) {
    groups.push({
      id: key,
      label: first.groupLabel,
      kind: first.groupKind,
      count,
      start: `${sectionStart('all')}${key}`,
    });
  }
  return groups;
}

export async function readDetail(
  db: IDBPDatabase<unknown>,
  personId: string,
): Promise<MergedContact | undefined> {
  const row = (await db.get(DETAIL_STORE, personId)) as ContactDetailRow | undefined;
  return row?.merged;
}

async function candidates(
  db: IDBPDatabase<unknown>,
  index: string,
  prefix: string,
): Promise<ContactListEntry[]> {
  if (prefix === '') return [];
  const rows = (await db.getAllFromIndex(LIST_STORE, index, prefixRange(prefix))) as ContactListEntry[];
  const unique = new Map(rows.map((row) => [row.personId, row]));
  return [...unique.values()];
}

async function phoneHits(
  db: IDBPDatabase<unknown>,
  matches: readonly PhoneDigitMatch[],
  limit: number,
): Promise<SearchHit[]> {
  const tx = db.transaction(LIST_STORE);
  const entries = await Promise.all(matches.map((m) => tx.store.get(m.personId)));
  return bestHits(
    matches.map((match, i) => {
      const entry = entries[i] as ContactListEntry | undefined;
      return entry === undefined ? undefined : rankPhone(entry, match);
    }),
    limit,
  );
}

/**
 * Search, ranked: name (a prefix of any word of the name, every typed word, any order), then phone
 * digits anywhere in a number, then email, then organisation. Name, email and organisation candidates
 * come from multiEntry token indexes by key range; digits from the in-memory digit index.
 */
export async function searchContacts(
  db: IDBPDatabase<unknown>,
  query: string,
  limit: number,
  digitIndex: () => Promise<PhoneDigitIndex>,
): Promise<SearchHit[]> {
  if (typeof query !== 'string') throw new Error('search takes a string');
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`search needs a positive whole limit, got ${limit}`);
  const digits = phoneQueryDigits(query);
  if (digits !== undefined) {
    const index = await digitIndex();
    // Ranked in memory: only the rows shown are read. A row gone meanwhile (a commit racing the
    // search) would leave a gap, so then every match is read and ranked as the rows say.
    const best = index.best(digits, limit);
    const shown = await phoneHits(db, best, limit);
    return shown.length === best.length ? shown : phoneHits(db, index.search(digits), limit);
  }
  const words = queryWords(query);
  if (words.length === 0) return [];
  // The longest word is the most selective key range; the others are checked on its candidates.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const typed = query.trim().toLowerCase();
  const [byName, byEmail, byOrg] = await Promise.all([
    candidates(db, NAME_TOKEN_INDEX, longest),
    /\s/u.test(typed) ? Promise.resolve([]) : candidates(db, EMAIL_TOKEN_INDEX, typed),
    candidates(db, ORG_TOKEN_INDEX, longest),
  ]);
  return bestHits(
    [
      ...byName.map((entry) => rankName(entry, words)),
      ...byEmail.map((entry) => rankEmail(entry, typed)),
      ...byOrg.map((entry) => rankOrganisation(entry, words)),
    ],
    limit,
  );
}
