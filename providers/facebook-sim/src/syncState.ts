import type { PhotoRef } from '@gcds/shared';

/*
 * What the provider persists, as owner-private metadata written in the SAME bulk as the records a page
 * changes: the position can never be ahead of (lost changes) or behind (replayed changes) the data.
 */

export const SYNC_STATE_META_KEY = 'facebook-sim:sync';

export type PassKind = 'first' | 'full';
/** Why a full listing runs: the first sync, the user asked, the server no longer knew our counter, or our saved state was unreadable. */
export type PassReason = 'first-sync' | 'requested' | 'server-required' | 'state-unreadable';

/** A full listing (first sync or full resync) under way; it resumes from `position`. */
export interface PassState {
  kind: PassKind;
  reason: PassReason;
  /** Numbers this pass's meta keys so an abandoned pass's leftovers never mix with a new one's. */
  id: number;
  /** Every change up to this server counter has been applied in this pass. */
  position: number;
  /**
   * Commits so far, each of one or more pages (the name predates commits of several); commit `n`'s live
   * guids are under `seenKey(id, n)`.
   */
  pages: number;
  /**
   * The server's token for the next page, kept so a resumed listing continues the same walk: the token
   * tells the server the walk began from 0 after its last purge, which a bare counter cannot.
   */
  pageToken?: string;
  /** A pass this one replaced, whose seen-lists are cleared with this pass's first page. */
  abandoned?: { id: number; pages: number };
}

export interface FacebookSyncState {
  version: 1;
  /**
   * appSync `servercounter_lastsync`: every server change up to it is in the store. 0 until a first
   * listing has completed.
   */
  servercounter_lastsync: number;
  pass?: PassState;
  /** Passes started so far. */
  passes: number;
}

export const INITIAL_SYNC_STATE: Readonly<FacebookSyncState> = Object.freeze({
  version: 1,
  servercounter_lastsync: 0,
  passes: 0,
});

/** The meta key of the guids a pass saw live on the pages of one of its commits. */
export function seenKey(passId: number, page: number): string {
  return `facebook-sim:pass:${passId}:seen:${page}`;
}

/** The meta key mapping a server picture id to the stored photo, so a picture is downloaded once. */
export function photoKey(pictureId: string): string {
  return `facebook-sim:photo:${pictureId}`;
}

const isCounter = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isPass(value: unknown): value is PassState {
  if (typeof value !== 'object' || value === null) return false;
  const pass = value as Record<string, unknown>;
  const abandoned = pass.abandoned as Record<string, unknown> | undefined;
  return (
    (pass.kind === 'first' || pass.kind === 'full') &&
    ['first-sync', 'requested', 'server-required', 'state-unreadable'].includes(pass.reason as string) &&
    isCounter(pass.id) &&
    isCounter(pass.position) &&
    isCounter(pass.pages) &&
    (pass.pageToken === undefined || typeof pass.pageToken === 'string') &&
    (abandoned === undefined || (isCounter(abandoned.id) && isCounter(abandoned.pages)))
  );
}

/**
 * The saved state: `missing` when nothing was saved yet (a first sync), `unreadable` when what is there is
 * not a state this code wrote (then a full resync, which converges from anything, is the safe answer).
 */
export function readSyncState(
  value: unknown,
): { kind: 'ok'; state: FacebookSyncState } | { kind: 'missing' } | { kind: 'unreadable' } {
  if (value === undefined) return { kind: 'missing' };
  if (typeof value !== 'object' || value === null) return { kind: 'unreadable' };
  const state = value as Record<string, unknown>;
  if (
    state.version !== 1 ||
    !isCounter(state.servercounter_lastsync) ||
    !isCounter(state.passes) ||
    (state.pass !== undefined && !isPass(state.pass))
  ) {
    return { kind: 'unreadable' };
  }
  return { kind: 'ok', state: value as FacebookSyncState };
}

/** A new pass starting at counter 0; the one it replaces (if any) is marked for cleanup. */
export function startPass(state: FacebookSyncState, kind: PassKind, reason: PassReason): FacebookSyncState {
  const old = state.pass;
  const pass: PassState = { kind, reason, id: state.passes + 1, position: 0, pages: 0 };
  if (old !== undefined && old.pages > 0) pass.abandoned = { id: old.id, pages: old.pages };
  else if (old?.abandoned !== undefined) pass.abandoned = old.abandoned;
  return { ...state, passes: state.passes + 1, pass };
}

export function isPhotoRef(value: unknown): value is PhotoRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return (
    typeof ref.id === 'string' &&
    typeof ref.mediaType === 'string' &&
    (ref.thumbnailId === undefined || typeof ref.thumbnailId === 'string')
  );
}
