import type { Contact, StoredBlob } from '@gcds/shared';
import {
  buildCollationTable,
  type CollationTable,
  type Consumer,
  ConsumerBase,
  type ConsumerOptions,
  type ConsumerSync,
  FollowedIndex,
  liveQuery,
  type MergedContact,
  PROVIDER_STORE_NAME,
  syncForConsumer,
} from '@gcds/shared';
import { filter, type Observable } from 'rxjs';
import { CONTACTS_SCHEMA, type ContactListEntry, type ContactsDb, LIST_STORE } from './contactRows';
import { type ListPage, readDetails, readGroups, readPage, searchContacts } from './contactsQueries';
import type { NameOrder } from './displayName';
import { type LetterGroup, ListSectionCounts } from './listSectionCounts';
import { projectContact } from './projectContact';
import { SearchIndex } from './searchIndex';
import type { SearchHit } from './searchRanking';

/** The Contacts app's identity is certified in the seed. */
export interface ContactsConsumerOptions extends ConsumerOptions {
  /** The user's locale: the list's collation and letter groups. Changing it rebuilds the list. */
  locale: string;
  /**
   * Sort by given name (default) or by family name when a read names no order. Rows hold both orders,
   * so a read in the other order is another range of the same index: nothing is rebuilt.
   */
  order?: NameOrder;
}

/** The Contacts app's consumer: its own IndexedDB kept in step with the GCDS, and typed queries. */
export interface ContactsConsumer extends Consumer<ContactsDb> {
  readonly collation: CollationTable;
  firstPage(limit: number, order?: NameOrder): Promise<ListPage>;
  /** The page after a place (exclusive), in the place's order: pass the previous page's `next`. */
  pageAfter(position: string, limit: number): Promise<ListPage>;
  /** The page from a place (inclusive): pass a letter group's `start` to jump to it. */
  pageFrom(position: string, limit: number): Promise<ListPage>;
  groups(order?: NameOrder): Promise<LetterGroup[]>;
  /** A listed person's merged view, composed when asked from the GCDS and the providers (undefined if not listed). */
  getDetail(personId: string): Promise<MergedContact | undefined>;
  /** `getDetail` of many people at once (an export, the duplicates screen): one read per store. */
  getDetails(personIds: readonly string[]): Promise<Array<MergedContact | undefined>>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** The first page, again after every change. */
  list$(limit: number, order?: NameOrder): Observable<ListPage>;
  groups$(order?: NameOrder): Observable<LetterGroup[]>;
  search$(query: string, limit?: number): Observable<SearchHit[]>;
  /** One person's detail, again whenever that person changes (undefined once gone). */
  detail$(personId: string): Observable<MergedContact | undefined>;
  /** A thumbnail's bytes (a list row's, or one made from a detail's photo), read from its provider with the app's own identity. */
  getThumbnail(entry: Pick<ContactListEntry, 'thumbnail'>): Promise<StoredBlob | undefined>;
  /** Memory held for search (built on the first search). */
  searchIndexStats(): ReturnType<SearchIndex['stats']> | undefined;
}

// Bumped when what a row holds changes (2: name words folded by the shared foldName; 3: both name
// orders in every row; 4: sort keys only in the positions; 5: compact rows, groups from the positions):
// rows are rebuilt.
const SCHEMA_TAG = 'contacts/5';

export async function createContactsConsumer(options: ContactsConsumerOptions): Promise<ContactsConsumer> {
  const order = options.order ?? 'givenFirst';
  if (order !== 'givenFirst' && order !== 'familyFirst')
    throw new Error(`unknown name order "${String(order)}"`);
  let collation: CollationTable;
  try {
    collation = buildCollationTable(options.locale);
  } catch (error) {
    throw new Error(`cannot collate for locale "${options.locale}": ${(error as Error).message}`);
  }
  const sync = await syncForConsumer(options, {
    defaultDbName: 'consumer-contacts',
    region: options.region,
    schema: CONTACTS_SCHEMA,
    project: projectContact({ collation }),
    // The sort keys depend on the collation table: a new locale or ICU rebuilds them all (not the order).
    projectionVersion: `${SCHEMA_TAG}/${collation.fingerprint}`,
  });
  const sections = new FollowedIndex(sync, {
    store: LIST_STORE,
    build: (rows: readonly ContactListEntry[]) => ListSectionCounts.from(collation, rows),
  });
  // The search index follows the commits the section counts have followed, so a live query re-run on
  // its announcement finds both current; each takes the rows the commit wrote, none reads them back.
  const search = new FollowedIndex(
    { db: sync.db, changes$: sections.changes$, committedRows: (change) => sync.committedRows(change) },
    { store: LIST_STORE, build: (rows: readonly ContactListEntry[]) => SearchIndex.from(rows) },
  );
  return new ContactsConsumerImpl(options, order, sync, collation, { sections, search });
}

class ContactsConsumerImpl extends ConsumerBase<ContactsDb> implements ContactsConsumer {
  readonly collation: CollationTable;
  readonly #options: ContactsConsumerOptions;
  readonly #sections: FollowedIndex<ContactListEntry, ListSectionCounts>;
  readonly #searchIndex: FollowedIndex<ContactListEntry, SearchIndex>;
  readonly #order: NameOrder;

  constructor(
    options: ContactsConsumerOptions,
    order: NameOrder,
    sync: ConsumerSync<ContactsDb>,
    collation: CollationTable,
    memory: {
      sections: FollowedIndex<ContactListEntry, ListSectionCounts>;
      search: FollowedIndex<ContactListEntry, SearchIndex>;
    },
  ) {
    // Live queries re-run once the memory has followed a commit, not as soon as it is written.
    super(sync, memory.search.changes$);
    this.#options = options;
    this.#order = order;
    this.collation = collation;
    this.#sections = memory.sections;
    this.#searchIndex = memory.search;
  }

  firstPage(limit: number, order?: NameOrder): Promise<ListPage> {
    return readPage(this.sync.db, this.#orderOf(order), limit);
  }

  pageAfter(position: string, limit: number): Promise<ListPage> {
    return readPage(this.sync.db, { position: this.#position(position), inclusive: false }, limit);
  }

  pageFrom(position: string, limit: number): Promise<ListPage> {
    return readPage(this.sync.db, { position: this.#position(position), inclusive: true }, limit);
  }

  groups(order?: NameOrder): Promise<LetterGroup[]> {
    const chosen = this.#orderOf(order);
    const sections = this.#sections.loaded();
    if (sections !== undefined) return Promise.resolve(sections.groups(chosen));
    // Counted in the database this once, so that opening a full book does not wait for all its rows;
    // the counts load meanwhile and answer the next refresh (a failed load is tried again then).
    const counted = readGroups(this.sync.db, chosen, this.collation);
    void counted.then(() => this.#sections.load()).catch(() => undefined);
    return counted;
  }

  getDetail(personId: string): Promise<MergedContact | undefined> {
    if (typeof personId !== 'string' || personId === '') throw new Error('getDetail needs a person id');
    return readDetails(this.sync, [personId]).then(([merged]) => merged);
  }

  getDetails(personIds: readonly string[]): Promise<Array<MergedContact | undefined>> {
    if (!Array.isArray(personIds) || personIds.some((id) => typeof id !== 'string' || id === ''))
      throw new Error('getDetails needs person ids');
    return readDetails(this.sync, personIds);
  }

  search(query: string, limit = 20): Promise<SearchHit[]> {
    return searchContacts(this.sync.db, query, limit, () => this.#searchIndex.load());
  }

  list$(limit: number, order?: NameOrder): Observable<ListPage> {
    return this.live(() => this.firstPage(limit, order));
  }

  groups$(order?: NameOrder): Observable<LetterGroup[]> {
    return this.live(() => this.groups(order));
  }

  search$(query: string, limit = 20): Observable<SearchHit[]> {
    return this.live(() => this.search(query, limit));
  }

  detail$(personId: string): Observable<MergedContact | undefined> {
    return liveQuery(
      this.changes$.pipe(filter((change) => change.reset || change.personIds.includes(personId))),
      () => this.getDetail(personId),
    );
  }

  async getThumbnail(entry: Pick<ContactListEntry, 'thumbnail'>): Promise<StoredBlob | undefined> {
    if (entry.thumbnail === undefined) return undefined;
    const store = await this.#options.platform.openStore<Contact>(
      this.#options.identity,
      PROVIDER_STORE_NAME,
      entry.thumbnail.source.provider,
    );
    return store.getBlob(entry.thumbnail.blobId);
  }

  searchIndexStats() {
    return this.#searchIndex.stats();
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#sections.stop();
    this.#searchIndex.stop();
  }

  #orderOf(order: NameOrder | undefined): NameOrder {
    if (order === undefined) return this.#order;
    if (order !== 'givenFirst' && order !== 'familyFirst')
      throw new Error(`unknown name order "${String(order)}"`);
    return order;
  }

  #position(position: string): string {
    if (typeof position !== 'string' || position === '')
      throw new Error('a list position is a non-empty string');
    return position;
  }
}
