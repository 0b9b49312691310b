import type { Contact } from '@gcds/shared';
import { type CardState, isDirty } from './cardState';
import type { ConflictSide } from './conflictStrategy';
import type { ConflictRecord, RemoteCardRef } from './types';

/*
 * The decisions of a sync cycle, as plain functions of what is known locally: which cards to fetch, whether
 * a downloaded change conflicts with a local one (and which kind of conflict), what to upload for a record.
 */

/** The listed cards worth fetching: those whose ETag we do not hold (our own uploads and cards already applied are skipped). */
export function cardsToFetch(
  listed: readonly RemoteCardRef[],
  known: ReadonlyArray<CardState | undefined>,
): RemoteCardRef[] {
  return listed.filter((ref, i) => ref.etag === undefined || known[i]?.etag !== ref.etag);
}

/** What the phone's side of a card is when the server's change to it arrives. */
export type LocalSide =
  /** Nothing changed here since the last upload: the server's version is simply taken. */
  | { kind: 'clean' }
  /** Changed here too: a conflict of this kind, with this side for the strategy to weigh. */
  | { kind: 'changed'; conflict: ConflictRecord['kind']; side: ConflictSide };

/**
 * A record without a state is a card created here and never uploaded (create/create if the server has
 * one at its URL); a tombstone against a server update is delete/update; any other dirty record, update/update.
 */
export function localSideOf(record: Contact | undefined, state: CardState | undefined): LocalSide {
  const dirty = state === undefined ? record !== undefined : isDirty(state);
  if (!dirty) return { kind: 'clean' };
  if (state?.deletedAt !== undefined) {
    return {
      kind: 'changed',
      conflict: 'delete/update',
      side: { deleted: true, changedAt: state.deletedAt },
    };
  }
  const side: ConflictSide = {
    deleted: false,
    ...(record?.updatedAt === undefined ? {} : { changedAt: record.updatedAt }),
  };
  return { kind: 'changed', conflict: state?.etag === undefined ? 'create/create' : 'update/update', side };
}

/** The server's side of a card it sent: its REV is its time. */
export function serverSideOf(contact: { updatedAt?: number }): ConflictSide {
  return { deleted: false, ...(contact.updatedAt === undefined ? {} : { changedAt: contact.updatedAt }) };
}

/** What the upload does for one record. */
export type UploadAction =
  | { kind: 'none' }
  /** PUT with If-None-Match: * (never on the server yet, or re-created after a server delete lost). */
  | { kind: 'create' }
  /** PUT with If-Match: the ETag of the version this edit is based on. */
  | { kind: 'update'; etag: string }
  /** DELETE with If-Match, or just forget the tombstone when the card never reached the server. */
  | { kind: 'delete'; etag?: string };

export function uploadActionFor(record: Contact | undefined, state: CardState | undefined): UploadAction {
  if (state?.deletedAt !== undefined)
    return state.etag === undefined ? { kind: 'delete' } : { kind: 'delete', etag: state.etag };
  if (record === undefined) return { kind: 'none' };
  if (state === undefined) return { kind: 'create' };
  if (!isDirty(state)) return { kind: 'none' };
  // Refused (too large) at this very version: not again until the user edits it.
  if (state.refused !== undefined && state.refused.localRevision === state.localRevision)
    return { kind: 'none' };
  return state.etag === undefined ? { kind: 'create' } : { kind: 'update', etag: state.etag };
}
