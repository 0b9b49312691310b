import type { Contact, StatusError } from '@gcds/shared';

/** Where a user's address books live, and who they are there (Android's "account"). */
export interface CardDavAccount {
  /** The server, a principal or an address book: discovery starts from here (`/.well-known/carddav`). */
  url: string;
  username?: string;
  password?: string;
}

/** Who wins when the server and this phone both changed a card since the last upload. */
export type ConflictStrategy = 'server' | 'client' | 'timestamp';

/** An opaque RFC 6578 sync-token: appSync's server counter. */
export type SyncToken = string;

/** An address book as discovery found it. */
export interface AddressBookInfo {
  /** Absolute URL of the collection, ending in `/`. */
  url: string;
  displayName?: string;
  /** The user may not write it (no DAV:write / write-content in current-user-privilege-set). */
  readOnly: boolean;
  /** The server lists `sync-collection` in supported-report-set. */
  supportsSyncCollection: boolean;
  /** CARDDAV:max-resource-size, when the server says. */
  maxResourceSize?: number;
}

/** A member of an address book as a listing reports it: where it is and which version. */
export interface RemoteCardRef {
  /** Absolute URL of the card. */
  url: string;
  etag?: string;
}

/** A card fetched from the server: its text as the server serialised it, and the ETag of that version. */
export interface RemoteCard {
  url: string;
  etag: string;
  text: string;
}

/** One page of an RFC 6578 sync-collection answer. */
export interface SyncCollectionPage {
  changed: RemoteCardRef[];
  /** URLs the server reports gone (404 members). */
  removed: string[];
  /** The token this page reaches. */
  token: SyncToken;
  /** The server truncated the answer (507 on the collection): ask again from `token`. */
  truncated: boolean;
}

/** A version of a card that lost a conflict: kept in the report until the user dismisses it. */
export interface ConflictRecord {
  /** Stable per conflict, to dismiss it. */
  id: string;
  contactId: string;
  kind: 'update/update' | 'update/delete' | 'delete/update' | 'create/create' | 'uid-conflict';
  winner: 'server' | 'client';
  strategy: ConflictStrategy;
  /** The losing version (`undefined` when the losing side was a delete). */
  lost?: Contact;
  /** Why it could not be settled automatically, when it could not (client priority gave up). */
  unresolved?: string;
  at: number;
}

export interface SyncProblem {
  contactId?: string;
  url?: string;
  status?: number;
  message: string;
}

/** What one `sync()` or `fullSync()` did. */
export interface SyncReport {
  /** Cards written locally from the server (added or changed). */
  downloaded: number;
  /** Cards the server accepted from this phone (creates, updates, deletes). */
  uploaded: number;
  /** Records removed locally because the server deleted them. */
  deleted: number;
  /** Conflicts met in this run (the losing versions stay in `conflicts()` until dismissed). */
  conflicts: ConflictRecord[];
  /** Cards that could not be synced this time and why (too large, refused, unreadable). */
  errors: SyncProblem[];
  /** `incremental`, or `full` when the run listed the whole address book (first sync, lost token, asked). */
  kind: 'incremental' | 'full';
  /** HTTP requests this run made. */
  requests: number;
}

/** What the account shows in its settings: one line a person understands, plus the details. */
export type AccountState = 'idle' | 'syncing' | 'retrying' | 'auth-failed' | 'unreachable' | 'failed';

export interface CardDavStatus {
  state: AccountState;
  /** A sentence for the settings screen ("password rejected", "server unreachable, retrying in 2 min"). */
  message: string;
  addressBook?: AddressBookInfo;
  lastSyncedAt?: number;
  /** When the next automatic try is due (retrying only). */
  retryAt?: number;
  /** The last thing that went wrong, in the shape every status uses, with the problem's details. */
  lastError?: SyncProblem & StatusError;
  /** Conflicts kept for the user. */
  conflicts: number;
}
