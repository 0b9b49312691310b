import type { ContactPatch } from '@gcds/provider-local';
import type { Contact, ContactDraft, ThumbnailMaker } from '@gcds/shared';
import type { Observable } from 'rxjs';
import type { FetchLike } from './davTransport';
import type { PageCommit } from './pageCommit';
import type {
  AddressBookInfo,
  CardDavAccount,
  CardDavStatus,
  ConflictRecord,
  ConflictStrategy,
  SyncReport,
} from './types';

export interface CardDavProviderOptions extends CardDavAccount {
  conflict?: ConflictStrategy;
  fetch?: FetchLike;
  /**
   * The address book to sync (from `discoverAddressBooks`). Without it the first sync discovers the
   * account's books and takes the first writable one.
   */
  addressBook?: AddressBookInfo;
  /** Provider id (and store owner); by default derived from the URL, user and address book, so it is stable. */
  id?: string;
  displayName?: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Cards per multiget and per store transaction; default 100. */
  batchSize?: number;
  /** RFC 6578 `DAV:limit` to ask for per sync-collection page (servers may ignore it). */
  pageLimit?: number;
  /** Retry automatically after a network failure, backing off from this delay (default 30 s; 0: never). */
  retryBaseMs?: number;
  makeThumbnail?: ThumbnailMaker;
  /** Told of every HTTP request: tests count them. */
  onRequest?: (method: string, url: string) => void;
  /**
   * How the sync commits records with their counters: `commitPageAtomically` (the default) is the only
   * correct one. A typed seam so the crash-point tests can run a broken variant and show they catch it.
   */
  pageCommit?: PageCommit;
  /**
   * Prefix of the sync lock's name. Two simulated phones in one browser origin share Web Locks: each
   * prefixes its own (`B:`), so one phone's sync never waits for the other's. Empty by default.
   */
  lockPrefix?: string;
}

export interface CardDavListOptions {
  afterId?: string;
  limit?: number;
}

export interface CardDavPage {
  contacts: Contact[];
  nextAfterId?: string;
}

/** The account's address book on this phone: the local provider's CRUD, plus sync. */
export interface CardDavApi {
  /** A new card (UID = the draft's UID or a new one; record id = UID); uploaded by the next sync. */
  add(draft: ContactDraft): Promise<Contact>;
  update(id: string, change: ContactPatch | Contact): Promise<Contact>;
  /** Removed at once here; the server's copy is deleted by the next sync (a tombstone until then). */
  remove(id: string): Promise<void>;
  get(id: string): Promise<Contact | undefined>;
  list(options?: CardDavListOptions): Promise<CardDavPage>;
  /** One cycle: download, then upload. Calls wait for the sync under way (one at a time per account). */
  sync(): Promise<SyncReport>;
  /** Lists the whole address book again (both counters reset); removes only what the server lacks. */
  fullSync(): Promise<SyncReport>;
  readonly status$: Observable<CardDavStatus>;
  status(): CardDavStatus;
  /** Versions that lost a conflict, kept until dismissed. */
  conflicts(): Promise<ConflictRecord[]>;
  dismissConflict(conflictId: string): Promise<void>;
  /** The address book synced (after discovery). */
  addressBook(): AddressBookInfo | undefined;
}

/** A read-only address book: the server does not let this user change it. */
export class ReadOnlyAddressBookError extends Error {
  override readonly name = 'ReadOnlyAddressBookError';
}
