import type { ConsumerSync, GroupKind, MergedContact, NameOrder } from '@gcds/shared';
import type { IDBPDatabase } from 'idb';
import {
  type ContactListEntry,
  type ContactsDb,
  GROUP_INDEX,
  LIST_STORE,
  POSITION_INDEX,
} from './contactRows';
import {
  groupStart,
  orderOf,
  orderPrefix,
  orderRange,
  type SectionName,
  sectionOf,
  sectionStart,
} from './listPosition';
import { parseQuery, type SearchIndex } from './searchIndex';
import { bestHits, rankEntry, type SearchHit, searchableOf } from './searchRanking';

export interface ListItem {
  /** The row's place in the list: pass it to `pageAfter` to read on. */
  position: string;
  section: SectionName;
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
 * Reads up to `limit` list places of one name order from `lower` (the order's start when undefined;
 * else the order is the position's). A person in two sections comes back once per section; each row's
 * place is the smallest of its positions past the previous one, as the index ordered them.
 */
export async function readPage(
  db: IDBPDatabase<ContactsDb>,
  from: NameOrder | { position: string; inclusive: boolean },
  limit: number,
): Promise<ListPage> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`a page needs a positive whole limit, got ${limit}`);
  const lower = typeof from === 'string' ? undefined : from;
  const order = typeof from === 'string' ? from : orderOf(from.position);
  const whole = orderRange(order);
  const range =
    lower === undefined ? whole : IDBKeyRange.bound(lower.position, whole.upper, !lower.inclusive, true);
  const rows = await db.getAllFromIndex(LIST_STORE, POSITION_INDEX, range, limit + 1);
  const prefix = orderPrefix(order);
  const items: ListItem[] = [];
  let previous = lower?.position;
  let inclusive = lower?.inclusive ?? true;
  for (const entry of rows) {
    const position = entry.positions
      .filter(
        (p) =>
          p.startsWith(prefix) && (previous === undefined || p > previous || (inclusive && p === previous)),
      )
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

/** ICE and favourites first, then the letter groups in the order's list order, each with its count. */
export async function readGroups(db: IDBPDatabase<ContactsDb>, order: NameOrder): Promise<LetterGroup[]> {
  const tx = db.transaction(LIST_STORE);
  const positions = tx.store.index(POSITION_INDEX);
  const sectionBound = (section: SectionName, next: SectionName) =>
    IDBKeyRange.bound(sectionStart(order, section), sectionStart(order, next), false, true);
  const [ice, favorites] = await Promise.all([
    positions.count(sectionBound('ice', 'favorites')),
    positions.count(sectionBound('favorites', 'all')),
  ]);
  const groups: LetterGroup[] = [];
  if (ice > 0)
    groups.push({ id: 'ice', label: 'ICE', kind: 'ice', count: ice, start: sectionStart(order, 'ice') });
  if (favorites > 0) {
    groups.push({
      id: 'favorites',
      label: '★',
      kind: 'favorites',
      count: favorites,
      start: sectionStart(order, 'favorites'),
    });
  }
  const byGroup = tx.store.index(GROUP_INDEX);
  const keys: string[] = [];
  let cursor = await byGroup.openKeyCursor(orderRange(order), 'nextunique');
  while (cursor) {
    keys.push(cursor.key);
    cursor = await cursor.continue();
  }
  const details = await Promise.all(
    keys.map(async (key) => {
      const [count, first] = await Promise.all([byGroup.count(key), byGroup.get(key)]);
      return { key, count, first: first! };
    }),
  );
  for (const { count, first } of details) {
    const keys = order === 'givenFirst' ? first : first.familyFirst;
    groups.push({
      id: keys.groupKey,
      label: keys.groupLabel,
      kind: keys.groupKind,
      count,
      start: groupStart(order, keys.groupKey),
    });
  }
  return groups;
}

/**
 * The details of listed people, composed now from the GCDS and the providers with the app's identity
 * (nothing is stored for them). Someone the app does not list is undefined: its own rows say whom it
 * shows, so a person hidden or visible only above its level stays out whatever the GCDS holds.
 */
export async function readDetails(
  sync: Pick<ConsumerSync<ContactsDb>, 'db' | 'composePeople'>,
  personIds: readonly string[],
): Promise<Array<MergedContact | undefined>> {
  const tx = sync.db.transaction(LIST_STORE);
  const keys = await Promise.all(personIds.map((personId) => tx.store.getKey(personId)));
  const listed = personIds.filter((_, i) => keys[i] !== undefined);
  const composed = listed.length === 0 ? [] : await sync.composePeople(listed);
  const detailOf = new Map(listed.map((personId, i) => [personId, composed[i]]));
  return personIds.map((personId) => detailOf.get(personId));
}

/**
 * Search, ranked: name (a prefix of any word of the name, every typed word, any order), then phone
 * digits anywhere in a number, then email, then organisation. The in-memory index picks the hits; only
 * their rows are read, and ranked again as the rows say: the index follows commits a moment after they
 * land, so a row changed meanwhile keeps its new place and one gone leaves no hole.
 */
export async function searchContacts(
  db: IDBPDatabase<ContactsDb>,
  query: string,
  limit: number,
  searchIndex: () => Promise<SearchIndex>,
): Promise<SearchHit[]> {
  if (typeof query !== 'string') throw new Error('search takes a string');
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`search needs a positive whole limit, got ${limit}`);
  const parsed = parseQuery(query);
  if (parsed === undefined) return [];
  const index = await searchIndex();
  const picked = index.search(parsed, limit + RACE_SLACK);
  const tx = db.transaction(LIST_STORE);
  const rows = await Promise.all(picked.map((hit) => tx.store.get(hit.entry.personId)));
  const rowOf = new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.personId, row] as const])));
  return bestHits(
    rows.map((row) => (row === undefined ? undefined : rankEntry(searchableOf(row), parsed))),
    limit,
  ).map(({ entry, field, matched }) => ({ entry: rowOf.get(entry.personId)!, field, matched }));
}

/** Extra hits read past the limit, standing in for rows a racing commit removed or renamed. */
const RACE_SLACK = 4;
