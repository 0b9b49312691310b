import type { ConflictRecord, SyncToken } from './types';

/*
 * What the provider keeps beside each record, as owner-private metadata written in the SAME bulk as the
 * record: where the card lives on the server, which version of it we hold, and appSync's counters.
 */

/** Per record: its place on the server and whether it has local changes the server has not got. */
export interface CardState {
  /** Absolute URL of the card (the href); empty for a card added before the address book was known. */
  url: string;
  uid: string;
  /** The server version this record is based on; absent while the card was never on the server. */
  etag?: string;
  /** appSync counter_lastupdate: the store revision of the last LOCAL change (0: only ever downloaded). */
  localRevision: number;
  /** The `localRevision` the server has (or that was settled with it). Dirty while below `localRevision`. */
  uploadedRevision: number;
  /** A local delete the server has not confirmed yet (a tombstone); the record itself is gone. */
  deletedAt?: number;
  /** The server refused this version (too large): not sent again until the user edits it. */
  refused?: { localRevision: number; status: number; message: string };
}

/** Per address book: appSync's two counters. */
export interface BookSyncState {
  version: 1;
  /** servercounter_lastsync: every server change up to this token is in the store. */
  token?: SyncToken;
  /** counter_lastsync: every local change up to this store revision has been uploaded (or settled). */
  uploadedRevision: number;
  /** A full listing under way (first sync, lost token, asked for): it resumes from its start. */
  fullListing?: { reason: FullSyncReason };
}

export type FullSyncReason = 'first-sync' | 'token-invalid' | 'requested' | 'no-sync-collection';

export const SYNC_META_KEY = 'carddav:sync';
export const TOMBSTONES_META_KEY = 'carddav:tombstones';
export const CONFLICTS_META_KEY = 'carddav:conflicts';

export function cardMetaKey(id: string): string {
  return `carddav:card:${id}`;
}

export const INITIAL_SYNC_STATE: Readonly<BookSyncState> = Object.freeze({ version: 1, uploadedRevision: 0 });

export function isDirty(state: CardState): boolean {
  return state.localRevision > state.uploadedRevision;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readCardState(value: unknown): CardState | undefined {
  if (!isObject(value) || typeof value.url !== 'string' || typeof value.uid !== 'string') return undefined;
  if (typeof value.localRevision !== 'number' || typeof value.uploadedRevision !== 'number') return undefined;
  return value as unknown as CardState;
}

/** The saved counters; anything unreadable means "list everything again", which converges from anything. */
export function readSyncState(value: unknown): BookSyncState {
  if (!isObject(value) || value.version !== 1 || typeof value.uploadedRevision !== 'number') {
    return { ...INITIAL_SYNC_STATE, fullListing: { reason: 'first-sync' } };
  }
  return value as unknown as BookSyncState;
}

export function readIdList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export function readConflicts(value: unknown): ConflictRecord[] {
  return Array.isArray(value) ? (value as ConflictRecord[]) : [];
}

/**
 * The record id of a card: its file name without `.vcf` (decoded). Our own creates are PUT at
 * `<UID>.vcf`, so a card we created has its UID as id on every phone, and any card's id follows from its
 * URL alone: no lookup table to keep in step.
 */
export function idFromCardUrl(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  return name.toLowerCase().endsWith('.vcf') ? name.slice(0, -4) : name;
}

/** Where a new card with this UID goes: `<book>/<UID>.vcf` (RFC 6352 leaves the name to the client). */
export function cardUrlFor(bookUrl: string, uid: string): string {
  return new URL(`${encodeURIComponent(uid)}.vcf`, bookUrl).href;
}
