import type { DBSchema } from 'idb';
import { v7 as uuidv7 } from 'uuid';
import type { OwnerKey, RevisionedStore } from './revisionedStore';
import type {
  BulkOptions,
  DataStoreReader,
  StoredBlob,
  SyncPoint,
  TransactionalDataStoreOwner,
  WriteOperation,
} from './types';

/** The handle a reader gets: the store's reads, and nothing that writes. */
export function readerHandleOf<T>(store: RevisionedStore<T, unknown>): DataStoreReader<T> {
  return Object.freeze({
    name: store.name,
    owner: store.owner,
    accessLevel: store.accessLevel,
    changes$: store.changes$,
    revisions$: store.revisions$,
    get: (id: string) => store.get(id),
    getMany: (ids: readonly string[], seenAt?: readonly number[]) => store.getMany(ids, seenAt),
    getLength: () => store.getLength(),
    getRevision: () => store.getRevision(),
    getEpoch: () => store.getEpoch(),
    keys: (afterId?: string, limit?: number) => store.keys(afterId, limit),
    sync: (from?: number | SyncPoint) => store.sync(from),
    getBlob: (id: string) => store.getBlob(id),
  });
}

/** The owner's handle: the reads, and writes that carry the owner key it was made with. */
export function ownerHandleOf<T, S extends DBSchema | unknown>(
  store: RevisionedStore<T, S>,
  key: OwnerKey,
): TransactionalDataStoreOwner<T, S> {
  store.assertOwner(key);
  return Object.freeze({
    ...readerHandleOf(store as RevisionedStore<T, unknown>),
    put: (id: string, data: T) => store.write(key, [{ operation: 'put', id, data }]),
    add: async (data: T, id: string = uuidv7()) => {
      await store.write(key, [{ operation: 'put', id, data }], { addOnly: true });
      return id;
    },
    remove: (id: string) => store.write(key, [{ operation: 'remove', id }]),
    clear: () => store.write(key, [{ operation: 'clear' }]),
    bulk: (operations: readonly WriteOperation<T>[], options?: BulkOptions) =>
      store.write(key, operations, options),
    getMeta: (metaKey: string) => store.getMeta(key, metaKey),
    putBlob: (id: string, blob: StoredBlob) => store.putBlob(key, id, blob),
    hasBlobs: (ids: readonly string[]) => store.hasBlobs(key, ids),
    putBlobs: (blobs: ReadonlyArray<{ id: string; blob: StoredBlob }>) => store.putBlobs(key, blobs),
    removeBlob: (id: string) => store.removeBlob(key, id),
    compact: (now?: number) => store.compact(key, now),
    transact: (extraStores, body) => store.transact(key, extraStores, body),
    readExtra: (extraStores, body) => store.readExtra(key, extraStores, body),
  } satisfies TransactionalDataStoreOwner<T, S>);
}
