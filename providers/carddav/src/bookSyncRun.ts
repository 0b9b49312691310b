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
  readCardState,
  readConflicts,
  readIdList,
  readSyncState,
  SYNC_META_KEY,
  TOMBSTONES_META_KEY,
} from './cardState';
import type { ParsedRemoteCard } from './cardText';
import { commitPageAtomically, type PageCommit, type WriteQueue } from './pageCommit';
import type { AddressBookInfo, ConflictRecord, ConflictStrategy, RemoteCard, SyncReport } from './types';

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

/** A page's writes and the metadata that commits with them. */
export interface PageWrite {
  operations: WriteOperation<Contact>[];
  meta: Record<string, unknown>;
  conflicts: ConflictRecord[];
  tombstonesRemoved: Set<string>;
}

/** What the upload of one record has to work with, read under the write queue. */
export interface UploadSnapshot {
  id: string;
  record?: Contact;
  state?: CardState;
}

/** Ids per `store.keys` / `getMany` read when the whole book is walked. */
export const KEYS_PAGE = 500;

export function emptyPage(): PageWrite {
  return { operations: [], meta: {}, conflicts: [], tombstonesRemoved: new Set() };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One sync run of one address book, as the download, the upload and the conflict resolution all see it:
 * the options, the report being filled, and the local side (reading a card's record and state, turning
 * the server's card into a record, writing a page in one commit, keeping a conflict's loser).
 */
export class BookSyncRun {
  readonly options: AddressBookSyncOptions;
  readonly report: SyncReport;
  /** Numbers the conflicts kept, across every run of one `AddressBookSync`, so their ids never repeat. */
  readonly #nextConflictSerial: () => number;

  constructor(options: AddressBookSyncOptions, nextConflictSerial: () => number) {
    this.options = options;
    this.#nextConflictSerial = nextConflictSerial;
    this.report = {
      downloaded: 0,
      uploaded: 0,
      deleted: 0,
      conflicts: [],
      errors: [],
      kind: 'incremental',
      requests: 0,
    };
  }

  async state(): Promise<BookSyncState> {
    return readSyncState(await this.options.store.getMeta(SYNC_META_KEY));
  }

  async readLocal(id: string): Promise<{ record?: Contact; state?: CardState }> {
    const [record, stateValue] = await Promise.all([
      this.options.store.get(id),
      this.options.store.getMeta(cardMetaKey(id)),
    ]);
    const state = readCardState(stateValue);
    return { ...(record === undefined ? {} : { record }), ...(state === undefined ? {} : { state }) };
  }

  async photoOf(record: Contact) {
    return record.photo === undefined ? undefined : this.options.store.getBlob(record.photo.id);
  }

  /** The server's card as a record: blob first (downloaded once per ETag, as the card is), record second. */
  async recordFrom(id: string, parsed: ParsedRemoteCard, local?: Contact): Promise<Contact> {
    let photo: PhotoRef | undefined;
    if (parsed.photo !== undefined) {
      const problem = photoProblem(parsed.photo);
      if (problem === undefined)
        photo = await storePhoto(this.options.store, parsed.photo, this.options.makeThumbnail);
      else this.report.errors.push({ contactId: id, message: `photo left out: ${problem}` });
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

  conflict(
    contactId: string,
    kind: ConflictRecord['kind'],
    winner: 'server' | 'client',
    lost: Contact | undefined,
    unresolved?: string,
  ): ConflictRecord {
    const serial = this.#nextConflictSerial();
    const at = this.options.now();
    return {
      id: `${at}-${serial}-${contactId}`,
      contactId,
      kind,
      winner,
      strategy: this.options.strategy,
      ...(lost === undefined ? {} : { lost }),
      ...(unresolved === undefined ? {} : { unresolved }),
      at,
    };
  }

  /** Writes a page: records, their states, tombstones, conflicts and (when given) the counters, ONE bulk. */
  async commit(write: PageWrite, state?: BookSyncState): Promise<void> {
    const { store } = this.options;
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
      this.report.conflicts.push(...write.conflicts);
    }
    this.options.signal.throwIfAborted();
    await (this.options.pageCommit ?? commitPageAtomically)(store, {
      operations: write.operations,
      meta,
      ...(state === undefined ? {} : { counters: { [SYNC_META_KEY]: state } }),
    });
  }

  /** The server's version becomes the record; the state is settled (nothing left to upload). */
  async takeServerVersion(
    id: string,
    card: RemoteCard,
    parsed: ParsedRemoteCard,
    record: Contact | undefined,
    state: CardState | undefined,
    write: PageWrite,
  ): Promise<void> {
    const contact = await this.recordFrom(id, parsed, record);
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
    this.report.downloaded += 1;
  }

  /** Confirmed by the server: the record's state moves to that version, in its own small bulk. */
  async settle(
    id: string,
    confirmed: { url: string; uid: string; sentRevision: number; etag?: string },
    sent?: Contact,
  ): Promise<void> {
    await this.options.writes(async () => {
      const { record, state } = await this.readLocal(id);
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
      this.options.signal.throwIfAborted();
      await this.options.store.bulk(operations, { meta: { [cardMetaKey(id)]: next } });
    });
  }
}
