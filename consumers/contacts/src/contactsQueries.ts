import {
  type CollationTable,
  type ConsumerSync,
  type GroupOf,
  type MergedContact,
  type NameOrder,
  NUMBER_GROUP,
} from '@gcds/shared';
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { type ContactListEntry, type ContactsDb, LIST_STORE, POSITION_INDEX } from './contactRows';
import {
  groupStart,
  orderOf,
  orderPrefix,
  orderRange,
  parsePlace,
  placeOf,
  type SectionName,
  sectionOf,
  sectionStart,
  sortKeyOf,
} from './listPosition';
import { type LetterGroup, letterGroupsOf } from './listSectionCounts';
import { parseQuery, type SearchIndex } from './searchIndex';
import { bestHits, rankEntry, type SearchHit, searchableOf } from './searchRanking';

export interface ListItem {
  /** The row's place in the list (its position and person id, `placeOf`): pass it to `pageAfter` to read on. */
  position: string;
  section: SectionName;
  entry: ContactListEntry;
}

export interface ListPage {
  items: ListItem[];
  /** Where the next page starts (exclusive), or undefined at the end of the list. */
  next: string | undefined;
}

/** A place in the list as the position index orders it: by position, then by person id. */
interface Place {
  position: string;
  /** Absent for a section's or group's start: before every row at that position. */
  personId?: string;
}

function comparePlaces(a: Place, b: Place): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.personId === b.personId) return 0;
  if (a.personId === undefined) return -1;
  if (b.personId === undefined) return 1;
  return a.personId < b.personId ? -1 : 1;
}

type PositionIndex = ReturnType<IDBPTransaction<ContactsDb, ['list']>['store']['index']>;

/**
 * Up to `limit` rows at exactly `from.position` past `from.personId` (from it, when inclusive): equal
 * names share a position, and the index orders them by person id, which a cursor can jump to.
 */
async function tiesAfter(index: PositionIndex, from: Required<Place>, inclusive: boolean, limit: number) {
  const rows: ContactListEntry[] = [];
  let cursor = await index.openCursor(IDBKeyRange.only(from.position));
  if (cursor !== null && cursor.primaryKey < from.personId)
    cursor = await cursor.continuePrimaryKey(from.position, from.personId);
  if (cursor !== null && !inclusive && cursor.primaryKey === from.personId) cursor = await cursor.continue();
  while (cursor !== null && rows.length < limit) {
    rows.push(cursor.value);
    if (rows.length < limit) cursor = await cursor.continue();
  }
  return rows;
}

/**
 * Reads up to `limit` list places of one name order from `from` (the order's start when it is an
 * order; else the order is the place's). A person in two sections comes back once per section; each
 * row's place is the smallest of its positions past the previous one, as the index ordered them.
 */
export async function readPage(
  db: IDBPDatabase<ContactsDb>,
  from: NameOrder | { position: string; inclusive: boolean },
  limit: number,
): Promise<ListPage> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`a page needs a positive whole limit, got ${limit}`);
  const lower = typeof from === 'string' ? undefined : parsePlace(from.position);
  const order = typeof from === 'string' ? from : orderOf(from.position);
  const whole = orderRange(order);
  const index = db.transaction(LIST_STORE).store.index(POSITION_INDEX);
  let inclusive = typeof from === 'string' || from.inclusive;
  const tied = lower?.personId;
  const [ties, rest] = await Promise.all([
    tied === undefined || lower === undefined
      ? []
      : tiesAfter(index, { position: lower.position, personId: tied }, inclusive, limit + 1),
    index.getAll(
      lower === undefined
        ? whole
        : IDBKeyRange.bound(lower.position, whole.upper, tied !== undefined || !inclusive, true),
      limit + 1,
    ),
  ]);
  const prefix = orderPrefix(order);
  const items: ListItem[] = [];
  let previous: Place | undefined = lower;
  for (const entry of [...ties, ...rest]) {
    const after = previous;
    const place = entry.positions
      .filter((position) => position.startsWith(prefix))
      .map((position) => ({ position, personId: entry.personId }))
      .filter((p) => after === undefined || comparePlaces(p, after) > (inclusive ? -1 : 0))
      .sort(comparePlaces)[0];
    if (place === undefined) break;
    const position = placeOf(place.position, entry.personId);
    items.push({ position, section: sectionOf(position), entry });
    previous = place;
    inclusive = false;
  }
  const more = items.length > limit;
  const page = items.slice(0, limit);
  return { items: page, next: more ? page.at(-1)?.position : undefined };
}

/** The letter group a position of the everyone section is under: its bucket, then its sort key's. */
function groupOfPosition(collation: CollationTable, position: string): GroupOf {
  const { bucket, sortKey } = sortKeyOf(position);
  return bucket === '2' ? NUMBER_GROUP : collation.groupOfSortKey(sortKey);
}

/** The letter group a row is under in a name order (what `groups` counts it in). */
export function letterGroupOfEntry(
  collation: CollationTable,
  entry: Pick<ContactListEntry, 'positions'>,
  order: NameOrder,
): GroupOf {
  const everyone = sectionStart(order, 'all');
  const position = entry.positions.find((p) => p.startsWith(everyone));
  return position === undefined ? NUMBER_GROUP : groupOfPosition(collation, position);
}

/**
 * The letter groups as counts over the position index say (`ListSectionCounts` says the same from
 * memory): what the list asks before its memory is loaded, so that opening the app on a full book does
 * not wait for every row to be read. A count walks its range, so once the memory is there it answers.
 */
export async function readGroups(
  db: IDBPDatabase<ContactsDb>,
  order: NameOrder,
  collation: CollationTable,
): Promise<LetterGroup[]> {
  const positions = db.transaction(LIST_STORE).store.index(POSITION_INDEX);
  const counted = (low: string, high: string) => positions.count(IDBKeyRange.bound(low, high, false, true));
  // Every count asked at once: a walk from group to group waits for a reply before each step, and
  // during an import every reply waits behind the writes queued before it.
  const end = orderRange(order).upper as string;
  const ranges: Array<[string, Promise<number>]> = [
    ['ice', counted(sectionStart(order, 'ice'), sectionStart(order, 'favorites'))],
    ['favorites', counted(sectionStart(order, 'favorites'), sectionStart(order, 'all'))],
    ...collation.groups.map((group, i): [string, Promise<number>] => {
      const following = collation.groups[i + 1];
      const next = following === undefined ? end : groupStart(order, following.key);
      return [group.key, counted(groupStart(order, group.key), next)];
    }),
  ];
  const counts = new Map(
    await Promise.all(ranges.map(async ([id, count]): Promise<[string, number]> => [id, await count])),
  );
  return letterGroupsOf(order, collation, (id) => counts.get(id) ?? 0);
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
