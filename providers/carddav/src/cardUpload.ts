import type { Contact } from '@gcds/shared';
import { type BookSyncRun, chunks, emptyPage, KEYS_PAGE, type UploadSnapshot } from './bookSyncRun';
import {
  type BookSyncState,
  type CardState,
  cardMetaKey,
  cardUrlFor,
  readCardState,
  readIdList,
  SYNC_META_KEY,
  TOMBSTONES_META_KEY,
} from './cardState';
import { cardTextOf, parseCardText } from './cardText';
import { conflictWinner, MAX_CLIENT_RETRIES } from './conflictStrategy';
import { DavHttpError } from './davErrors';
import { type PutOutcome, preconditionFailed, uidConflict } from './putConflicts';
import { serverSideOf, uploadActionFor } from './syncPlan';

function statusOf(error: unknown): number | undefined {
  return error instanceof DavHttpError ? error.status : undefined;
}

/**
 * The local changes since the last uploaded revision, each confirmed by the server before it is settled;
 * the uploaded revision moves only when every one of them settled.
 */
export async function uploadChanges(run: BookSyncRun, state: BookSyncState): Promise<void> {
  const { store } = run.options;
  if (run.options.book.readOnly) return;
  const startRevision = await run.options.writes(() => store.getRevision());
  const ids = await withLocalChanges(run, await changedSince(run, state.uploadedRevision));
  let settledAll = true;
  for (const id of ids) {
    run.options.signal.throwIfAborted();
    const settled = await uploadOne(run, id);
    if (!settled) settledAll = false;
  }
  if (!settledAll || startRevision === state.uploadedRevision) return;
  await run.options.writes(async () => {
    const saved = await run.state();
    if (saved.uploadedRevision >= startRevision) return;
    await store.bulk([], { meta: { [SYNC_META_KEY]: { ...saved, uploadedRevision: startRevision } } });
  });
}

/** The ids changed locally since `from` (the store's own log), plus every unconfirmed tombstone. */
async function changedSince(run: BookSyncRun, from: number): Promise<string[]> {
  const { store } = run.options;
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

/**
 * The candidates that have something to upload, read in parallel: after a first sync the log holds
 * every downloaded card, and only the few changed here need the one-by-one upload. (A record changed
 * after this read has a revision after the upload's start, so the next sync looks at it again.)
 */
async function withLocalChanges(run: BookSyncRun, ids: readonly string[]): Promise<string[]> {
  const { store } = run.options;
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

async function snapshotOf(run: BookSyncRun, id: string): Promise<UploadSnapshot> {
  return run.options.writes(async () => ({ id, ...(await run.readLocal(id)) }));
}

/** Uploads one record's local change. False when it must be looked at again by a later sync. */
async function uploadOne(run: BookSyncRun, id: string): Promise<boolean> {
  for (let clientRetries = 0; ; ) {
    if (clientRetries > MAX_CLIENT_RETRIES + 1) {
      // A server that answers every attempt with a new precondition failure: report it, try next sync.
      run.report.errors.push({
        contactId: id,
        message: 'the server refused every attempt to store the card',
      });
      return false;
    }
    const snapshot = await snapshotOf(run, id);
    const { record, state } = snapshot;
    const action = uploadActionFor(record, state);
    if (action.kind === 'none') return true;
    if (action.kind === 'delete') return uploadDelete(run, snapshot, state!);
    const outcome = await put(run, snapshot, record!, clientRetries);
    if (outcome === 'again') {
      clientRetries += 1;
      continue;
    }
    return outcome === 'settled';
  }
}

/** One PUT and what its answer means; 'again' re-reads and re-PUTs (client priority, a moved card). */
async function put(
  run: BookSyncRun,
  snapshot: UploadSnapshot,
  record: Contact,
  clientRetries: number,
): Promise<PutOutcome> {
  const { client, book } = run.options;
  const { id, state } = snapshot;
  const url = state?.url || cardUrlFor(book.url, id);
  const uid = record.uid ?? state?.uid ?? id;
  const sent = { ...record, uid };
  const text = cardTextOf(sent, await run.photoOf(record));
  const sentRevision = state?.localRevision ?? 1;
  try {
    const result = await client.put(
      url,
      text,
      state?.etag === undefined ? { create: true } : { ifMatch: state.etag },
    );
    // Trust the PUT's ETag; a server that rewrote the card may send none: then ask for it.
    const etag = result.etag ?? (await client.get(url))?.etag;
    await run.settle(id, { url, uid, sentRevision, ...(etag === undefined ? {} : { etag }) }, sent);
    run.report.uploaded += 1;
    return 'settled';
  } catch (error) {
    const status = statusOf(error);
    if (status === 412) return preconditionFailed(run, snapshot, record, url, text, clientRetries);
    if (status === 409 && error instanceof DavHttpError && error.has('no-uid-conflict')) {
      return uidConflict(run, snapshot, record, uid, clientRetries, (otherId) => uploadOne(run, otherId));
    }
    if (status === 413 || status === 507 || status === 403 || status === 415 || status === 400) {
      await refuse(run, id, url, uid, sentRevision, status, error as Error);
      return 'settled';
    }
    throw error;
  }
}

async function refuse(
  run: BookSyncRun,
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
  run.report.errors.push({ contactId: id, url, status, message });
  await run.options.writes(async () => {
    const { state } = await run.readLocal(id);
    const base: CardState = state ?? { url, uid, localRevision: sentRevision, uploadedRevision: 0 };
    run.options.signal.throwIfAborted();
    await run.options.store.bulk([], {
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

/** A tombstone: DELETE with If-Match; a 404 counts as done; a 412 is a delete/update conflict. */
async function uploadDelete(run: BookSyncRun, snapshot: UploadSnapshot, state: CardState): Promise<boolean> {
  const { client } = run.options;
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
            strategy: run.options.strategy,
            server: serverSideOf(parsed.contact),
            client: {
              deleted: true,
              ...(state.deletedAt === undefined ? {} : { changedAt: state.deletedAt }),
            },
          });
          if (winner === 'server' || retries >= MAX_CLIENT_RETRIES) {
            await run.options.writes(async () => {
              const write = emptyPage();
              const local = await run.readLocal(id);
              await run.takeServerVersion(id, remote, parsed, local.record, local.state, write);
              write.conflicts.push(
                run.conflict(
                  id,
                  'delete/update',
                  'server',
                  undefined,
                  winner === 'client' ? 'the server kept changing the card' : undefined,
                ),
              );
              await run.commit(write);
            });
            return true;
          }
          if (retries === 0) {
            await run.options.writes(async () => {
              const write = emptyPage();
              write.conflicts.push(
                run.conflict(id, 'delete/update', 'client', await run.recordFrom(id, parsed)),
              );
              await run.commit(write);
            });
          }
          etag = remote.etag;
          continue;
        }
      }
      run.report.uploaded += 1;
    }
    await run.options.writes(async () => {
      const write = emptyPage();
      const { state: now } = await run.readLocal(id);
      // Re-created locally meanwhile (an undo): keep the new state, only the tombstone is done.
      if (now?.deletedAt !== undefined) write.meta[cardMetaKey(id)] = null;
      write.tombstonesRemoved.add(id);
      await run.commit(write);
    });
    return true;
  }
}
