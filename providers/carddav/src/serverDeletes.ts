import { type BookSyncRun, KEYS_PAGE, type PageWrite } from './bookSyncRun';
import { cardMetaKey, isDirty, readIdList, TOMBSTONES_META_KEY } from './cardState';
import { conflictWinner } from './conflictStrategy';

/** The server no longer has the card: removed here, unless a local edit wins over the delete. */
export async function applyServerDelete(run: BookSyncRun, id: string, write: PageWrite): Promise<void> {
  const { record, state } = await run.readLocal(id);
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
      strategy: run.options.strategy,
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
      write.conflicts.push(run.conflict(id, 'update/delete', 'client', undefined));
      return;
    }
    write.conflicts.push(run.conflict(id, 'update/delete', 'server', record));
  }
  if (record !== undefined) {
    write.operations.push({ operation: 'remove', id });
    run.report.deleted += 1;
  }
  write.meta[cardMetaKey(id)] = null;
}

/** The end of a full listing: what was on the server before and is not listed now was deleted there. */
export async function removeUnlisted(
  run: BookSyncRun,
  listed: ReadonlySet<string>,
  write: PageWrite,
): Promise<void> {
  const { store } = run.options;
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
    await applyServerDelete(run, id, write);
  }
}
