import type { Contact, StoredBlob } from '@gcds/shared';
import {
  buildCollationTable,
  type CollationTable,
  type ConsumerChange,
  type ConsumerEngineOptions,
  type ConsumerSync,
  createEngineSync,
  liveQuery,
  type MergedContact,
  PROVIDER_STORE_NAME,
} from '@gcds/shared';
import {
  concatMap,
  filter,
  from,
  map,
  type Observable,
  Subject,
  type Subscription,
  startWith,
  switchMap,
} from 'rxjs';
import { CONTACTS_SCHEMA, type ContactListEntry, LIST_STORE } from './contactRows';
import {
  type LetterGroup,
  type ListPage,
  readDetail,
  readGroups,
  readPage,
  searchContacts,
} from './contactsQueries';
import type { NameOrder } from './displayName';
import { projectContact } from './projectContact';
import { SearchIndex } from './searchIndex';
import type { SearchHit } from './searchRanking';

/** The Contacts app's identity is certified in the seed. */
export interface ContactsConsumerOptions extends ConsumerEngineOptions {
  /** The user's locale: the list's collation and letter groups. Changing it rebuilds the list. */
  locale: string;
  /** Sort by given name (default) or by family name. Changing it rebuilds the list. */
  order?: NameOrder;
}

/** The Contacts app's data engine: its own IndexedDB kept in step with the GCDS, and typed queries. */
export interface ContactsConsumer {
  readonly sync: ConsumerSync;
  readonly collation: CollationTable;
  /** After each commit, once the consumer's in-memory indexes are current too. */
  readonly changes$: Observable<ConsumerChange>;
  firstPage(limit: number): Promise<ListPage>;
  /** The page after a place (exclusive): pass the previous page's `next`. */
  pageAfter(position: string, limit: number): Promise<ListPage>;
  /** The page from a place (inclusive): pass a letter group's `start` to jump to it. */
  pageFrom(position: string, limit: number): Promise<ListPage>;
  groups(): Promise<LetterGroup[]>;
  getDetail(personId: string): Promise<MergedContact | undefined>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** The first page, again after every change. */
  list$(limit: number): Observable<ListPage>;
  groups$(): Observable<LetterGroup[]>;
  search$(query: string, limit?: number): Observable<SearchHit[]>;
  /** One person's detail, again whenever that person changes (undefined once gone). */
  detail$(personId: string): Observable<MergedContact | undefined>;
  /** A thumbnail's bytes (a list row's, or one made from a detail's photo), read from its provider with the app's own identity. */
  getThumbnail(entry: Pick<ContactListEntry, 'thumbnail'>): Promise<StoredBlob | undefined>;
  /** Memory held for search (built on the first search). */
  searchIndexStats(): ReturnType<SearchIndex['stats']> | undefined;
  stop(): Promise<void>;
}

// Bumped when what a row holds changes (2: name words folded by the shared foldName): rows are rebuilt.
const SCHEMA_TAG = 'contacts/2';

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
  const sync = await createEngineSync(options, {
    defaultDbName: 'consumer-contacts',
    region: options.region,
    schema: CONTACTS_SCHEMA,
    project: projectContact({ collation, order }),
    // The sort keys depend on the collation table: a new locale, order or ICU rebuilds them all.
    projectionVersion: `${SCHEMA_TAG}/${order}/${collation.fingerprint}`,
  });
  return new ContactsConsumerImpl(options, sync, collation);
}

class ContactsConsumerImpl implements ContactsConsumer {
  readonly sync: ConsumerSync;
  readonly collation: CollationTable;
  readonly changes$: Observable<ConsumerChange>;
  readonly #options: ContactsConsumerOptions;
  readonly #changes = new Subject<ConsumerChange>();
  readonly #subscription: Subscription;
  #searchIndex: Promise<SearchIndex> | undefined;
  #searchIndexLoaded: SearchIndex | undefined;

  constructor(options: ContactsConsumerOptions, sync: ConsumerSync, collation: CollationTable) {
    this.#options = options;
    this.sync = sync;
    this.collation = collation;
    this.#subscription = sync.changes$
      .pipe(
        concatMap((change) =>
          from(
            this.#refreshSearchIndex(change).catch(() => {
              // Could not follow the change: forget the index; the next search rebuilds it.
              this.#searchIndex = undefined;
              this.#searchIndexLoaded = undefined;
            }),
          ).pipe(map(() => change)),
        ),
      )
      .subscribe({
        next: (change) => this.#changes.next(change),
        complete: () => this.#changes.complete(),
      });
    this.changes$ = this.#changes.asObservable();
  }

  firstPage(limit: number): Promise<ListPage> {
    return readPage(this.sync.db, undefined, limit);
  }

  pageAfter(position: string, limit: number): Promise<ListPage> {
    return readPage(this.sync.db, { position: this.#position(position), inclusive: false }, limit);
  }

  pageFrom(position: string, limit: number): Promise<ListPage> {
    return readPage(this.sync.db, { position: this.#position(position), inclusive: true }, limit);
  }

  groups(): Promise<LetterGroup[]> {
    return readGroups(this.sync.db);
  }

  getDetail(personId: string): Promise<MergedContact | undefined> {
    if (typeof personId !== 'string' || personId === '') throw new Error('getDetail needs a person id');
    return readDetail(this.sync.db, personId);
  }

  search(query: string, limit = 20): Promise<SearchHit[]> {
    return searchContacts(this.sync.db, query, limit, () => this.#loadSearchIndex());
  }

  list$(limit: number): Observable<ListPage> {
    return this.#live(() => this.firstPage(limit));
  }

  groups$(): Observable<LetterGroup[]> {
    return this.#live(() => this.groups());
  }

  search$(query: string, limit = 20): Observable<SearchHit[]> {
    return this.#live(() => this.search(query, limit));
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
    return this.#searchIndexLoaded?.stats();
  }

  async stop(): Promise<void> {
    await this.sync.stop();
    this.#subscription.unsubscribe();
    this.#changes.complete();
  }

  /** Runs the query now and again after every commit; a newer run supersedes one still reading. */
  #live<T>(query: () => Promise<T>): Observable<T> {
    return this.changes$.pipe(
      startWith(undefined),
      switchMap(() => from(query())),
    );
  }

  #position(position: string): string {
    if (typeof position !== 'string' || position === '')
      throw new Error('a list position is a non-empty string');
    return position;
  }

  #loadSearchIndex(): Promise<SearchIndex> {
    if (this.#searchIndex === undefined) {
      this.#searchIndex = (async () => {
        const entries = (await this.sync.db.getAll(LIST_STORE)) as ContactListEntry[];
        const index = SearchIndex.from(entries);
        this.#searchIndexLoaded = index;
        return index;
      })();
      this.#searchIndex.catch(() => {
        this.#searchIndex = undefined;
      });
    }
    return this.#searchIndex;
  }

  async #refreshSearchIndex(change: ConsumerChange): Promise<void> {
    if (this.#searchIndex === undefined) return;
    if (change.reset) {
      this.#searchIndex = undefined;
      this.#searchIndexLoaded = undefined;
      await this.#loadSearchIndex();
      return;
    }
    const index = await this.#searchIndex;
    const tx = this.sync.db.transaction(LIST_STORE);
    const rows = await Promise.all(change.personIds.map((id) => tx.store.get(id)));
    change.personIds.forEach((id, i) => {
      index.set(id, rows[i] as ContactListEntry | undefined);
    });
  }
}
