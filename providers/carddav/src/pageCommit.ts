import type { Contact, DataStoreOwner, WriteOperation } from '@gcds/shared';

/** Every store write of an address book goes through one of these, so local edits never interleave with a commit. */
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
