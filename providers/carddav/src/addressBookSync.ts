import {
  type Contact,
  type DataStoreOwner,
  type PhotoRef,
  photoProblem,
  storePhoto,
  type ThumbnailMaker,
  type WriteOperation,
} from '@gcds/shared';
import type { CardDavClient } from './cardDavClient';
import {
  type BookSyncState,
  type CardState,
  CONFLICTS_META_KEY,
  cardMetaKey,
  cardUrlFor,
  type FullSyncReason,
  idFromCardUrl,
  isDirty,
  readCardState,
  readConflicts,
  readIdList,
  readSyncState,
  SYNC_META_KEY,
  TOMBSTONES_META_KEY,
} from './cardState';
import {
  cardTextOf,
  type ParsedRemoteCard,
  parseCardText,
  sameCardContent,
  UnreadableCardError,
} from './cardText';
import { conflictWinner, MAX_CLIENT_RETRIES } from './conflictStrategy';
import { DavHttpError, isInvalidSyncToken } from './davErrors';
import { cardsToFetch, localSideOf, serverSideOf, uploadActionFor } from './syncPlan';
import type {
  AddressBookInfo,
  ConflictRecord,
  ConflictStrategy,
  RemoteCard,
  RemoteCardRef,
  SyncCollectionPage,
  SyncReport,
} from './types';

export type WriteQueue = <T>(body: () => Promise<T>) => Promise<T>;

/** One commit of the sync: records and their metadata, and the counters (sync-token) they bring it to. */
export interface PageCommitInput {
  operations: WriteOperation<Contact>[];
  /** Card states, tombstones and kept conflicts. */
  meta: Record<string, unknown>;
  /** The sync counters this commit reaches (a downloaded page's token); absent when they do not move. */
  counters?: Record<string, unknown>;
}

/** How a commit reaches the store. */
export type PageCommit = (store: DataStoreOwner<Contact>, page: PageCommitInput) => Promise<void>;

/**
 * The only correct way: records and counters in ONE bulk (one IndexedDB transaction), so a kill leaves
 * either both or neither, and the next sync resumes without a gap or a duplicate.
 */
export const commitPageAtomically: PageCommit = async (store, { operations, meta, counters }) => {
  await store.bulk(operations, { meta: { ...meta, ...counters } });
};

export interface AddressBookSyncOptions {
  store: DataStoreOwner<Contact>;
  client: CardDavClient;
  book: AddressBookInfo;
  strategy: ConflictStrategy;
  /** Every store write of this address book goes through it: local edits never interleave with a commit. */
  writes: WriteQueue;
  now: () => number;
  signal: AbortSignal;
  makeThumbnail: ThumbnailMaker;
  /** Cards per addressbook-multiget, and so per store transaction. */
  batchSize: number;
  /** RFC 6578 `DAV:limit` asked of the server (it may ignore it, or truncate with a 507 on its own). */
  pageLimit?: number;
  /** Default `commitPageAtomically`; another one exists only to prove the crash tests catch it. */
  pageCommit?: PageCommit;
}

/** How a sync run starts: as the saved state says, or with a full listing. */
export type SyncMode = 'sync' | 'full';

/** A page's writes and the metadata that commits with them. */
interface PageWrite {
  operations: WriteOperation<Contact>[];
  meta: Record<string, unknown>;
  conflicts: ConflictRecord[];
  tombstonesRemoved: Set<string>;
}

/** What the upload of one record has to work with, read under the write queue. */
interface UploadSnapshot {
  id: string;
  record?: Contact;
  state?: CardState;
}

const KEYS_PAGE = 500;

function emptyPage(): PageWrite {
  return { operations: [], meta: {}, conflicts: [], tombstonesRemoved: new Set() };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof DavHttpError ? error.status : undefined;
}

/**
 * appSync's multi-way cycle over CardDAV for one address book: download (the server's changes since the
 * sync-token, page by page, each page committed in ONE bulk with the token it reaches), then upload (the
 * local changes since the last uploaded revision, each confirmed by the server before it is settled).
 */
export class AddressBookSync {
  readonly #options: AddressBookSyncOptions;
  #report!: SyncReport;
  #conflictSerial = 0;

  constructor(options: AddressBookSyncOptions) {
    this.#options = options;
  }

  async run(mode: SyncMode): Promise<SyncReport> {
    const requestsBefore = this.#options.client.transport.requests;
    this.#report = {
      downloaded: 0,
      uploaded: 0,
      deleted: 0,
      conflicts: [],
      errors: [],
      kind: 'incremental',
      requests: 0,
    };
    try {
      let state = await this.#state();
      if (mode === 'full') state = await this.#beginFull(state, 'requested');
      else if (
        state.token === undefined &&
        state.fullListing === undefined &&
        this.#options.book.supportsSyncCollection
      ) {
        // Never synced (or the counters were lost): a first listing. A server without sync-collection
        // lists every time and has no token to lose, so its counters are never reset here.
        state = await this.#beginFull(state, 'first-sync');
      }
      try {
        state = await this.#download(state);
      } catch (error) {
        if (!isInvalidSyncToken(error)) throw error;
        // RFC 6578 §3.2: the server forgot our token. List everything again, removing only what it lacks.
        state = await this.#download(await this.#beginFull(state, 'token-invalid'));
      }
      await this.#upload(state);
      return this.#report;
    } finally {
      this.#report.requests = this.#options.client.transport.requests - requestsBefore;
    }
  }

  async #state(): Promise<BookSyncState> {
    return readSyncState(await this.#options.store.getMeta(SYNC_META_KEY));
  }

  /**
   * A full sync resets both counters: no token (list the whole book) and no uploaded revision (every
   * local record is looked at again). Committed on its own so an interrupted listing is resumed as one.
   */
  async #beginFull(state: BookSyncState, reason: FullSyncReason): Promise<BookSyncState> {
    const { token: _token, ...rest } = state;
    const next: BookSyncState = { ...rest, uploadedRevision: 0, fullListing: { reason } };
    this.#options.signal.throwIfAborted();
    await this.#options.writes(() => this.#options.store.bulk([], { meta: { [SYNC_META_KEY]: next } }));
    return next;
  }

  // ---------------------------------------------------------------- download

  async #download(start: BookSyncState): Promise<BookSyncState> {
    const { client, book } = this.#options;
    const full = start.fullListing !== undefined || !book.supportsSyncCollection;
    if (full) this.#report.kind = 'full';
    let state = start;
    let token = full ? undefined : start.token;
    const listed = new Set<string>();
    for (;;) {
      const page: SyncCollectionPage = book.supportsSyncCollection
        ? await client.syncCollection(book.url, token, this.#options.pageLimit)
        : { changed: await client.listCards(book.url), removed: [], token: '', truncated: false };
      for (const ref of page.changed) listed.add(idFromCardUrl(ref.url));
      const finished = !page.truncated;
      state = await this.#applyPage(state, page, full && finished ? listed : undefined);
      if (finished) return state;
      token = page.token;
    }
  }

  /**
   * Fetches what changed in batches; each batch is one bulk, the last one with the page's token. The
   * ETags held are read batch by batch too, so the first people show after one batch, not after the
   * whole listing was looked up.
   */
  async #applyPage(
    state: BookSyncState,
    page: SyncCollectionPage,
    listed?: ReadonlySet<string>,
  ): Promise<BookSyncState> {
    const { store, client, book } = this.#options;
    const slices = chunks(page.changed, this.#options.batchSize);
    if (slices.length === 0) slices.push([]);
    let current = state;
    for (const [i, slice] of slices.entries()) {
      const last = i === slices.length - 1;
      const known = await Promise.all(
        slice.map(async (ref) => readCardState(await store.getMeta(cardMetaKey(idFromCardUrl(ref.url))))),
      );
      // A card whose ETag we hold is already here: our own upload, or a batch of an interrupted run.
      const toFetch = cardsToFetch(slice, known);
      if (toFetch.length === 0 && !last) continue;
      const cards = await client.multiget(
        book.url,
        toFetch.map((ref: RemoteCardRef) => ref.url),
      );
      current = await this.#options.writes(async () => {
        const write = emptyPage();
        await this.#applyCards(cards, write);
        let next = current;
        if (last) {
          for (const url of page.removed) await this.#applyServerDelete(idFromCardUrl(url), write);
          if (listed !== undefined) await this.#removeUnlisted(listed, write);
          next = this.#afterPage(current, page, listed !== undefined);
        }
        const stateChanged = JSON.stringify(next) !== JSON.stringify(current);
        if (write.operations.length === 0 && Object.keys(write.meta).length === 0 && !stateChanged)
          return current;
        await this.#commit(write, stateChanged ? next : undefined);
        return next;
      });
    }
    return current;
  }

  /**
   * The counters a page's last batch commits: the token it reaches (none from a server without
   * sync-collection). A full listing stays marked until its last page, so an interrupted one starts over
   * (skipping, by ETag, every card it already has) and still removes what the server no longer lists.
   */
  #afterPage(current: BookSyncState, page: SyncCollectionPage, listingDone: boolean): BookSyncState {
    const { token: _old, fullListing, ...rest } = current;
    return {
      ...rest,
      ...(page.token === '' ? {} : { token: page.token }),
      ...(fullListing === undefined || listingDone ? {} : { fullListing }),
    };
  }

  /** Writes a page: records, their states, tombstones, conflicts and (when given) the counters, ONE bulk. */
  async #commit(write: PageWrite, state?: BookSyncState): Promise<void> {
    const { store } = this.#options;
    const meta = { ...write.meta };
    if (write.tombstonesRemoved.size > 0) {
      const tombstones = readIdList(await store.getMeta(TOMBSTONES_META_KEY));
      meta[TOMBSTONES_META_KEY] = tombstones.filter((id) => !write.tombstonesRemoved.has(id));
    }
    if (write.conflicts.length > 0) {
      meta[CONFLICTS_META_KEY] = [
        ...readConflicts(await store.getMeta(CONFLICTS_META_KEY)),
        ...write.conflicts,
      ];
      this.#report.conflicts.push(...write.conflicts);
    }
    this.#options.signal.throwIfAborted();
    await (this.#options.pageCommit ?? commitPageAtomically)(store, {
      operations: write.operations,
      meta,
      ...(state === undefined ? {} : { counters: { [SYNC_META_KEY]: state } }),
    });
  }

  #conflict(
    contactId: string,
    kind: ConflictRecord['kind'],
    winner: 'server' | 'client',
    lost: Contact | undefined,
    unresolved?: string,
  ): ConflictRecord {
    this.#conflictSerial += 1;
    const at = this.#options.now();
    return {
      id: `${at}-${this.#conflictSerial}-${contactId}`,
      contactId,
      kind,
      winner,
      strategy: this.#options.strategy,
      ...(lost === undefined ? {} : { lost }),
      ...(unresolved === undefined ? {} : { unresolved }),
      at,
    };
  }

  async #readLocal(id: string): Promise<{ record?: Contact; state?: CardState }> {
    const [record, stateValue] = await Promise.all([
      this.#options.store.get(id),
      this.#options.store.getMeta(cardMetaKey(id)),
    ]);
    const state = readCardState(stateValue);
    return { ...(record === undefined ? {} : { record }), ...(state === undefined ? {} : { state }) };
  }

  /** The server's card as a record: blob first (downloaded once per ETag, as the card is), record second. */
  async #recordFrom(id: string, parsed: ParsedRemoteCard, local?: Contact): Promise<Contact> {
    let photo: PhotoRef | undefined;
    if (parsed.photo !== undefined) {
      const problem = photoProblem(parsed.photo);
      if (problem === undefined)
        photo = await storePhoto(this.#options.store, parsed.photo, this.#options.makeThumbnail);
      else this.#report.errors.push({ contactId: id, message: `photo left out: ${problem}` });
    }
    return {
      ...parsed.contact,
      id,
      ...(photo === undefined ? {} : { photo }),
      // On this phone only: the server never sees favourites or ICE, so a download must not drop them.
      ...(local?.favorite === undefined ? {} : { favorite: local.favorite }),
      ...(local?.ice === undefined ? {} : { ice: local.ice }),
    };
  }

  async #applyCards(cards: readonly RemoteCard[], write: PageWrite): Promise<void> {
    for (const card of cards) {
      const id = idFromCardUrl(card.url);
      let parsed: ParsedRemoteCard;
      try {
        parsed = parseCardText(card.url, card.text);
      } catch (error) {
        if (!(error instanceof UnreadableCardError)) throw error;
        this.#report.errors.push({ contactId: id, url: card.url, message: error.message });
        continue;
      }
      const { record, state } = await this.#readLocal(id);
      const local = localSideOf(record, state);
      if (local.kind === 'clean') {
        await this.#takeServerVersion(id, card, parsed, record, state, write);
        continue;
      }
      if (
        state?.deletedAt === undefined &&
        record !== undefined &&
        (await this.#isOurVersion(record, state, parsed))
      ) {
        // Our own upload, whose commit a crash prevented: settle it, no conflict.
        const revision = state?.localRevision ?? 1;
        write.meta[cardMetaKey(id)] = {
          url: card.url,
          uid: parsed.contact.uid ?? id,
          etag: card.etag,
          localRevision: revision,
          uploadedRevision: revision,
        } satisfies CardState;
        continue;
      }
      const kind = local.conflict;
      const winner = conflictWinner({
        strategy: this.#options.strategy,
        server: serverSideOf(parsed.contact),
        client: local.side,
      });
      if (winner === 'server') {
        await this.#takeServerVersion(id, card, parsed, record, state, write);
        write.conflicts.push(
          this.#conflict(id, kind, 'server', state?.deletedAt !== undefined ? undefined : record),
        );
      } else {
        // Ours stays and stays dirty; based on the server's new version, so the upload's If-Match holds.
        const base: CardState = state ?? {
          url: card.url,
          uid: record?.uid ?? id,
          localRevision: 1,
          uploadedRevision: 0,
        };
        write.meta[cardMetaKey(id)] = { ...base, url: card.url, etag: card.etag };
        write.conflicts.push(this.#conflict(id, kind, 'client', await this.#recordFrom(id, parsed, record)));
      }
    }
  }

  /** The server's card has exactly the content this phone would upload for the record. */
  async #isOurVersion(
    record: Contact,
    state: CardState | undefined,
    parsed: ParsedRemoteCard,
  ): Promise<boolean> {
    const uid = record.uid ?? state?.uid ?? record.id;
    const ours = parseCardText('local', cardTextOf({ ...record, uid }, await this.#photoOf(record)));
    return ours.contentHash === parsed.contentHash;
  }

  /** The server's version becomes the record; the state is settled (nothing left to upload). */
  async #takeServerVersion(
    id: string,
    card: RemoteCard,
    parsed: ParsedRemoteCard,
    record: Contact | undefined,
    state: CardState | undefined,
    write: PageWrite,
  ): Promise<void> {
    const contact = await this.#recordFrom(id, parsed, record);
    const revision = state?.localRevision ?? 0;
    const next: CardState = {
      url: card.url,
      uid: parsed.contact.uid ?? id,
      etag: card.etag,
      localRevision: revision,
      uploadedRevision: revision,
    };
    write.operations.push({ operation: 'put', id, data: contact });
    write.meta[cardMetaKey(id)] = next;
    if (state?.deletedAt !== undefined) write.tombstonesRemoved.add(id);
    this.#report.downloaded += 1;
  }

  async #applyServerDelete(id: string, write: PageWrite): Promise<void> {
    const { record, state } = await this.#readLocal(id);
    if (state === undefined) return;
    if (state.deletedAt !== undefined) {
      // Deleted on both sides: nothing left to confirm.
      write.meta[cardMetaKey(id)] = null;
      write.tombstonesRemoved.add(id);
      return;
    }
    if (state.etag === undefined) return; // never on the server: the delete was of someone else's card
    if (isDirty(state) && record !== undefined) {
      const winner = conflictWinner({
        strategy: this.#options.strategy,
        server: { deleted: true },
        client: {
          deleted: false,
          ...(record.updatedAt === undefined ? {} : { changedAt: record.updatedAt }),
        },
      });
      if (winner === 'client') {
        // Our edit wins over the server's delete: the upload creates the card again at its URL.
        const { etag: _gone, ...rest } = state;
        write.meta[cardMetaKey(id)] = rest;
        write.conflicts.push(this.#conflict(id, 'update/delete', 'client', undefined));
        return;
      }
      write.conflicts.push(this.#conflict(id, 'update/delete', 'server', record));
    }
    if (record !== undefined) {
      write.operations.push({ operation: 'remove', id });
      this.#report.deleted += 1;
    }
    write.meta[cardMetaKey(id)] = null;
  }

  /** The end of a full listing: what was on the server before and is not listed now was deleted there. */
  async #removeUnlisted(listed: ReadonlySet<string>, write: PageWrite): Promise<void> {
    const { store } = this.#options;
    const candidates = new Set(readIdList(await store.getMeta(TOMBSTONES_META_KEY)));
    let after: string | undefined;
    for (;;) {
      const keys = await store.keys(after, KEYS_PAGE);
      for (const key of keys) candidates.add(key);
      if (keys.length < KEYS_PAGE) break;
      after = keys[keys.length - 1];
    }
    for (const id of candidates) {
      if (listed.has(id) || write.meta[cardMetaKey(id)] !== undefined) continue;
      await this.#applyServerDelete(id, write);
    }
  }

  // ---------------------------------------------------------------- upload

  /** The ids changed locally since `from` (the store's own log), plus every unconfirmed tombstone. */
  async #changedSince(from: number): Promise<string[]> {
    const { store } = this.#options;
    const ids = new Set<string>();
    const cursor = store.sync(from);
    for (;;) {
      const task = await cursor.next();
      if (task.operation === 'done') break;
      if (task.operation === 'clear') continue;
      ids.add(task.id);
    }
    for (const id of readIdList(await store.getMeta(TOMBSTONES_META_KEY))) ids.add(id);
    return [...ids];
  }

  async #upload(state: BookSyncState): Promise<void> {
    const { store } = this.#options;
    if (this.#options.book.readOnly) return;
    const startRevision = await this.#options.writes(() => store.getRevision());
    const ids = await this.#withLocalChanges(await this.#changedSince(state.uploadedRevision));
    let settledAll = true;
    for (const id of ids) {
      this.#options.signal.throwIfAborted();
      const settled = await this.#uploadOne(id);
      if (!settled) settledAll = false;
    }
    if (!settledAll || startRevision === state.uploadedRevision) return;
    await this.#options.writes(async () => {
      const saved = await this.#state();
      if (saved.uploadedRevision >= startRevision) return;
      await store.bulk([], { meta: { [SYNC_META_KEY]: { ...saved, uploadedRevision: startRevision } } });
    });
  }

  /**
   * The candidates that have something to upload, read in parallel: after a first sync the log holds
   * every downloaded card, and only the few changed here need the one-by-one upload. (A record changed
   * after this read has a revision after the upload's start, so the next sync looks at it again.)
   */
  async #withLocalChanges(ids: readonly string[]): Promise<string[]> {
    const { store } = this.#options;
    const pending: string[] = [];
    for (const slice of chunks(ids, KEYS_PAGE)) {
      const [records, states] = await Promise.all([
        store.getMany(slice),
        Promise.all(slice.map(async (id) => readCardState(await store.getMeta(cardMetaKey(id))))),
      ]);
      for (const [i, id] of slice.entries()) {
        if (uploadActionFor(records[i], states[i]).kind !== 'none') pending.push(id);
      }
    }
    return pending;
  }

  async #snapshot(id: string): Promise<UploadSnapshot> {
    return this.#options.writes(async () => ({ id, ...(await this.#readLocal(id)) }));
  }

  /** Uploads one record's local change. False when it must be looked at again by a later sync. */
  async #uploadOne(id: string): Promise<boolean> {
    for (let clientRetries = 0; ; ) {
      if (clientRetries > MAX_CLIENT_RETRIES + 1) {
        // A server that answers every attempt with a new precondition failure: report it, try next sync.
        this.#report.errors.push({
          contactId: id,
          message: 'the server refused every attempt to store the card',
        });
        return false;
      }
      const snapshot = await this.#snapshot(id);
      const { record, state } = snapshot;
      const action = uploadActionFor(record, state);
      if (action.kind === 'none') return true;
      if (action.kind === 'delete') return this.#uploadDelete(snapshot, state!);
      const outcome = await this.#put(snapshot, record!, clientRetries);
      if (outcome === 'again') {
        clientRetries += 1;
        continue;
      }
      return outcome === 'settled';
    }
  }

  async #photoOf(record: Contact) {
    return record.photo === undefined ? undefined : this.#options.store.getBlob(record.photo.id);
  }

  /** One PUT and what its answer means; 'again' re-reads and re-PUTs (client priority, a moved card). */
  async #put(
    snapshot: UploadSnapshot,
    record: Contact,
    clientRetries: number,
  ): Promise<'settled' | 'again' | 'later'> {
    const { client, book } = this.#options;
    const { id, state } = snapshot;
    const url = state?.url || cardUrlFor(book.url, id);
    const uid = record.uid ?? state?.uid ?? id;
    const sent = { ...record, uid };
    const text = cardTextOf(sent, await this.#photoOf(record));
    const sentRevision = state?.localRevision ?? 1;
    try {
      const result = await client.put(
        url,
        text,
        state?.etag === undefined ? { create: true } : { ifMatch: state.etag },
      );
      // Trust the PUT's ETag; a server that rewrote the card may send none: then ask for it.
      const etag = result.etag ?? (await client.get(url))?.etag;
      await this.#settle(id, { url, uid, sentRevision, ...(etag === undefined ? {} : { etag }) }, sent);
      this.#report.uploaded += 1;
      return 'settled';
    } catch (error) {
      const status = statusOf(error);
      if (status === 412) return this.#preconditionFailed(snapshot, record, url, text, clientRetries);
      if (status === 409 && error instanceof DavHttpError && error.has('no-uid-conflict')) {
        return this.#uidConflict(snapshot, record, uid, clientRetries);
      }
      if (status === 413 || status === 507 || status === 403 || status === 415 || status === 400) {
        await this.#refuse(id, url, uid, sentRevision, status, error as Error);
        return 'settled';
      }
      throw error;
    }
  }

  /** Confirmed by the server: the record's state moves to that version, in its own small bulk. */
  async #settle(
    id: string,
    confirmed: { url: string; uid: string; sentRevision: number; etag?: string },
    sent?: Contact,
  ): Promise<void> {
    await this.#options.writes(async () => {
      const { record, state } = await this.#readLocal(id);
      const localRevision = Math.max(state?.localRevision ?? 0, confirmed.sentRevision);
      const next: CardState = {
        url: confirmed.url,
        uid: confirmed.uid,
        ...(confirmed.etag === undefined ? {} : { etag: confirmed.etag }),
        localRevision,
        uploadedRevision: confirmed.sentRevision,
      };
      const operations: WriteOperation<Contact>[] = [];
      // A record without its UID yet (created before it had one) gets the UID the server now holds.
      if (
        record !== undefined &&
        sent !== undefined &&
        record.uid === undefined &&
        localRevision === confirmed.sentRevision
      ) {
        operations.push({ operation: 'put', id, data: { ...record, uid: confirmed.uid } });
      }
      this.#options.signal.throwIfAborted();
      await this.#options.store.bulk(operations, { meta: { [cardMetaKey(id)]: next } });
    });
  }

  async #refuse(
    id: string,
    url: string,
    uid: string,
    sentRevision: number,
    status: number,
    error: Error,
  ): Promise<void> {
    const message =
      status === 413 || status === 507
        ? 'the card is larger than the server accepts'
        : `the server refused the card: ${error.message}`;
    this.#report.errors.push({ contactId: id, url, status, message });
    await this.#options.writes(async () => {
      const { state } = await this.#readLocal(id);
      const base: CardState = state ?? { url, uid, localRevision: sentRevision, uploadedRevision: 0 };
      this.#options.signal.throwIfAborted();
      await this.#options.store.bulk([], {
        meta: {
          [cardMetaKey(id)]: {
            ...base,
            url,
            refused: { localRevision: base.localRevision, status, message },
          },
        },
      });
    });
  }

  /**
   * A 412: the server's card is not the version we based ours on. After a crash between a PUT and its
   * commit it is probably ours: fetch and compare the content, never the bytes, and never invent a UID.
   */
  async #preconditionFailed(
    snapshot: UploadSnapshot,
    record: Contact,
    url: string,
    text: string,
    clientRetries: number,
  ): Promise<'settled' | 'again' | 'later'> {
    const { id, state } = snapshot;
    const uid = record.uid ?? state?.uid ?? id;
    const sentRevision = state?.localRevision ?? 1;
    const remote = await this.#options.client.get(url);
    if (remote === undefined) {
      // Deleted on the server since we looked: an update/delete conflict.
      return this.#options.writes(async () => {
        const write = emptyPage();
        await this.#applyServerDelete(id, write);
        await this.#commit(write);
        return write.meta[cardMetaKey(id)] === null ? 'settled' : 'again';
      });
    }
    if (sameCardContent(remote.text, text)) {
      await this.#settle(id, { url, uid, sentRevision, etag: remote.etag }, record);
      this.#report.uploaded += 1;
      return 'settled';
    }
    return this.#remoteConflict(
      snapshot,
      record,
      remote,
      state?.etag === undefined ? 'create/create' : 'update/update',
      clientRetries,
    );
  }

  /** The server holds another version than ours: the account's strategy decides, the loser is kept. */
  async #remoteConflict(
    snapshot: UploadSnapshot,
    record: Contact,
    remote: RemoteCard,
    kind: ConflictRecord['kind'],
    clientRetries: number,
  ): Promise<'settled' | 'again' | 'later'> {
    const { id } = snapshot;
    let parsed: ParsedRemoteCard;
    try {
      parsed = parseCardText(remote.url, remote.text);
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) throw error;
      this.#report.errors.push({ contactId: id, url: remote.url, message: error.message });
      return 'later';
    }
    const winner = conflictWinner({
      strategy: this.#options.strategy,
      server: serverSideOf(parsed.contact),
      client: { deleted: false, ...(record.updatedAt === undefined ? {} : { changedAt: record.updatedAt }) },
    });
    return this.#options.writes(async () => {
      const { record: now, state } = await this.#readLocal(id);
      const write = emptyPage();
      if (winner === 'server') {
        await this.#takeServerVersion(id, remote, parsed, now, state, write);
        write.conflicts.push(this.#conflict(id, kind, 'server', now));
        await this.#commit(write);
        return 'settled';
      }
      if (clientRetries >= MAX_CLIENT_RETRIES) {
        write.conflicts.push(
          this.#conflict(
            id,
            kind,
            'client',
            await this.#recordFrom(id, parsed, now),
            'the server kept changing the card',
          ),
        );
        this.#report.errors.push({
          contactId: id,
          url: remote.url,
          status: 412,
          message: 'conflict not settled: the server kept changing the card',
        });
        await this.#commit(write);
        return 'later';
      }
      const base: CardState = state ?? {
        url: remote.url,
        uid: record.uid ?? id,
        localRevision: 1,
        uploadedRevision: 0,
      };
      write.meta[cardMetaKey(id)] = { ...base, url: remote.url, etag: remote.etag };
      if (clientRetries === 0)
        write.conflicts.push(this.#conflict(id, kind, 'client', await this.#recordFrom(id, parsed, now)));
      await this.#commit(write);
      return 'again';
    });
  }

  /**
   * A 409 `no-uid-conflict` (RFC 6352 §6.3.2.1): another card of the book already has this UID. Two cards
   * of one person: ours moves onto the server's card (its URL and ETag), and the strategy picks the content.
   */
  async #uidConflict(
    snapshot: UploadSnapshot,
    record: Contact,
    uid: string,
    clientRetries: number,
  ): Promise<'settled' | 'again' | 'later'> {
    const { client } = this.#options;
    const { id } = snapshot;
    const holder = (await this.#cardsWithUid(uid)).find((ref) => idFromCardUrl(ref.url) !== id);
    const remote = holder === undefined ? undefined : await client.get(holder.url);
    if (remote === undefined) {
      this.#report.errors.push({
        contactId: id,
        status: 409,
        message: `the server has another card with UID ${uid} but will not say where`,
      });
      return 'later';
    }
    const otherId = idFromCardUrl(remote.url);
    const parsed = parseCardText(remote.url, remote.text);
    const winner = conflictWinner({
      strategy: this.#options.strategy,
      server: serverSideOf(parsed.contact),
      client: { deleted: false, ...(record.updatedAt === undefined ? {} : { changedAt: record.updatedAt }) },
    });
    return this.#options
      .writes(async () => {
        const write = emptyPage();
        const { record: other, state: otherState } = await this.#readLocal(otherId);
        write.operations.push({ operation: 'remove', id });
        write.meta[cardMetaKey(id)] = null;
        if (winner === 'server') {
          await this.#takeServerVersion(otherId, remote, parsed, other, otherState, write);
          write.conflicts.push(this.#conflict(otherId, 'uid-conflict', 'server', record));
        } else {
          const localRevision =
            Math.max(otherState?.localRevision ?? 0, snapshot.state?.localRevision ?? 1) + 1;
          write.operations.push({ operation: 'put', id: otherId, data: { ...record, id: otherId, uid } });
          write.meta[cardMetaKey(otherId)] = {
            url: remote.url,
            uid,
            etag: remote.etag,
            localRevision,
            uploadedRevision: 0,
          } satisfies CardState;
          write.conflicts.push(
            this.#conflict(otherId, 'uid-conflict', 'client', await this.#recordFrom(otherId, parsed, other)),
          );
        }
        await this.#commit(write);
      })
      .then(async () => {
        // Our content goes onto the server's card right away (If-Match its ETag).
        if (winner === 'client' && clientRetries < MAX_CLIENT_RETRIES)
          return (await this.#uploadOne(otherId)) ? 'settled' : 'later';
        return 'settled';
      });
  }

  /** addressbook-query by UID; where a server cannot answer it, the listing read card by card. */
  async #cardsWithUid(uid: string): Promise<RemoteCardRef[]> {
    const { client, book } = this.#options;
    try {
      return await client.findByUid(book.url, uid);
    } catch (error) {
      if (!(error instanceof DavHttpError) || error.status === 401) throw error;
    }
    const found: RemoteCardRef[] = [];
    for (const batch of chunks(await client.listCards(book.url), this.#options.batchSize)) {
      for (const card of await client.multiget(
        book.url,
        batch.map((ref) => ref.url),
      )) {
        try {
          if (parseCardText(card.url, card.text).contact.uid === uid)
            found.push({ url: card.url, etag: card.etag });
        } catch (error) {
          if (!(error instanceof UnreadableCardError)) throw error;
        }
      }
    }
    return found;
  }

  /** A tombstone: DELETE with If-Match; a 404 counts as done; a 412 is a delete/update conflict. */
  async #uploadDelete(snapshot: UploadSnapshot, state: CardState): Promise<boolean> {
    const { client } = this.#options;
    const { id } = snapshot;
    let etag = state.etag;
    for (let retries = 0; ; retries += 1) {
      if (etag !== undefined) {
        try {
          await client.delete(state.url, etag);
        } catch (error) {
          if (statusOf(error) !== 412) throw error;
          const remote = await client.get(state.url);
          if (remote !== undefined) {
            const parsed = parseCardText(remote.url, remote.text);
            const winner = conflictWinner({
              strategy: this.#options.strategy,
              server: serverSideOf(parsed.contact),
              client: {
                deleted: true,
                ...(state.deletedAt === undefined ? {} : { changedAt: state.deletedAt }),
              },
            });
            if (winner === 'server' || retries >= MAX_CLIENT_RETRIES) {
              await this.#options.writes(async () => {
                const write = emptyPage();
                const local = await this.#readLocal(id);
                await this.#takeServerVersion(id, remote, parsed, local.record, local.state, write);
                write.conflicts.push(
                  this.#conflict(
                    id,
                    'delete/update',
                    'server',
                    undefined,
                    winner === 'client' ? 'the server kept changing the card' : undefined,
                  ),
                );
                await this.#commit(write);
              });
              return true;
            }
            if (retries === 0) {
              await this.#options.writes(async () => {
                const write = emptyPage();
                write.conflicts.push(
                  this.#conflict(id, 'delete/update', 'client', await this.#recordFrom(id, parsed)),
                );
                await this.#commit(write);
              });
            }
            etag = remote.etag;
            continue;
          }
        }
        this.#report.uploaded += 1;
      }
      await this.#options.writes(async () => {
        const write = emptyPage();
        const { state: now } = await this.#readLocal(id);
        // Re-created locally meanwhile (an undo): keep the new state, only the tombstone is done.
        if (now?.deletedAt !== undefined) write.meta[cardMetaKey(id)] = null;
        write.tombstonesRemoved.add(id);
        await this.#commit(write);
      });
      return true;
    }
  }
}
