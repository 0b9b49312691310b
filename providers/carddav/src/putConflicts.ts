import type { Contact } from '@gcds/shared';
import { type BookSyncRun, chunks, emptyPage, type UploadSnapshot } from './bookSyncRun';
import { type CardState, cardMetaKey, idFromCardUrl } from './cardState';
import { type ParsedRemoteCard, parseCardText, sameCardContent, UnreadableCardError } from './cardText';
import { conflictWinner, MAX_CLIENT_RETRIES } from './conflictStrategy';
import { DavHttpError } from './davErrors';
import { applyServerDelete } from './serverDeletes';
import { serverSideOf } from './syncPlan';
import type { ConflictRecord, RemoteCard, RemoteCardRef } from './types';

/** What a refused PUT leads to: done, PUT again (client priority, a moved card), or left for a later sync. */
export type PutOutcome = 'settled' | 'again' | 'later';

/**
 * A 412: the server's card is not the version we based ours on. After a crash between a PUT and its
 * commit it is probably ours: fetch and compare the content, never the bytes, and never invent a UID.
 */
export async function preconditionFailed(
  run: BookSyncRun,
  snapshot: UploadSnapshot,
  record: Contact,
  url: string,
  text: string,
  clientRetries: number,
): Promise<PutOutcome> {
  const { id, state } = snapshot;
  const uid = record.uid ?? state?.uid ?? id;
  const sentRevision = state?.localRevision ?? 1;
  const remote = await run.options.client.get(url);
  if (remote === undefined) {
    // Deleted on the server since we looked: an update/delete conflict.
    return run.options.writes(async () => {
      const write = emptyPage();
      await applyServerDelete(run, id, write);
      await run.commit(write);
      return write.meta[cardMetaKey(id)] === null ? 'settled' : 'again';
    });
  }
  if (sameCardContent(remote.text, text)) {
    await run.settle(id, { url, uid, sentRevision, etag: remote.etag }, record);
    run.report.uploaded += 1;
    return 'settled';
  }
  return remoteConflict(
    run,
    snapshot,
    record,
    remote,
    state?.etag === undefined ? 'create/create' : 'update/update',
    clientRetries,
  );
}

/** The server holds another version than ours: the account's strategy decides, the loser is kept. */
async function remoteConflict(
  run: BookSyncRun,
  snapshot: UploadSnapshot,
  record: Contact,
  remote: RemoteCard,
  kind: ConflictRecord['kind'],
  clientRetries: number,
): Promise<PutOutcome> {
  const { id } = snapshot;
  let parsed: ParsedRemoteCard;
  try {
    parsed = parseCardText(remote.url, remote.text);
  } catch (error) {
    if (!(error instanceof UnreadableCardError)) throw error;
    run.report.errors.push({ contactId: id, url: remote.url, message: error.message });
    return 'later';
  }
  const winner = conflictWinner({
    strategy: run.options.strategy,
    server: serverSideOf(parsed.contact),
    client: { deleted: false, ...(record.updatedAt === undefined ? {} : { changedAt: record.updatedAt }) },
  });
  return run.options.writes(async () => {
    const { record: now, state } = await run.readLocal(id);
    const write = emptyPage();
    if (winner === 'server') {
      await run.takeServerVersion(id, remote, parsed, now, state, write);
      write.conflicts.push(run.conflict(id, kind, 'server', now));
      await run.commit(write);
      return 'settled';
    }
    if (clientRetries >= MAX_CLIENT_RETRIES) {
      write.conflicts.push(
        run.conflict(
          id,
          kind,
          'client',
          await run.recordFrom(id, parsed, now),
          'the server kept changing the card',
        ),
      );
      run.report.errors.push({
        contactId: id,
        url: remote.url,
        status: 412,
        message: 'conflict not settled: the server kept changing the card',
      });
      await run.commit(write);
      return 'later';
    }
    const base: CardState = state ?? {
      url: remote.url,
      uid: record.uid ?? id,
      localRevision: 1,
      uploadedRevision: 0,
    };
    write.meta[cardMetaKey(id)] = { ...base, url: remote.url, etag: remote.etag };
    if (clientRetries === 0)
      write.conflicts.push(run.conflict(id, kind, 'client', await run.recordFrom(id, parsed, now)));
    await run.commit(write);
    return 'again';
  });
}

/**
 * A 409 `no-uid-conflict` (RFC 6352 §6.3.2.1): another card of the book already has this UID. Two cards
 * of one person: ours moves onto the server's card (its URL and ETag), and the strategy picks the content.
 * `uploadAgain` is the upload of one record, handed in so this file does not import the upload's.
 */
export async function uidConflict(
  run: BookSyncRun,
  snapshot: UploadSnapshot,
  record: Contact,
  uid: string,
  clientRetries: number,
  uploadAgain: (id: string) => Promise<boolean>,
): Promise<PutOutcome> {
  const { client } = run.options;
  const { id } = snapshot;
  const holder = (await cardsWithUid(run, uid)).find((ref) => idFromCardUrl(ref.url) !== id);
  const remote = holder === undefined ? undefined : await client.get(holder.url);
  if (remote === undefined) {
    run.report.errors.push({
      contactId: id,
      status: 409,
      message: `the server has another card with UID ${uid} but will not say where`,
    });
    return 'later';
  }
  const otherId = idFromCardUrl(remote.url);
  const parsed = parseCardText(remote.url, remote.text);
  const winner = conflictWinner({
    strategy: run.options.strategy,
    server: serverSideOf(parsed.contact),
    client: { deleted: false, ...(record.updatedAt === undefined ? {} : { changedAt: record.updatedAt }) },
  });
  return run.options
    .writes(async () => {
      const write = emptyPage();
      const { record: other, state: otherState } = await run.readLocal(otherId);
      write.operations.push({ operation: 'remove', id });
      write.meta[cardMetaKey(id)] = null;
      if (winner === 'server') {
        await run.takeServerVersion(otherId, remote, parsed, other, otherState, write);
        write.conflicts.push(run.conflict(otherId, 'uid-conflict', 'server', record));
      } else {
        const localRevision =
          Math.max(otherState?.localRevision ?? 0, snapshot.state?.localRevision ?? 1) + 1;
        write.operations.push({ operation: 'put', id: otherId, data: { ...record, id: otherId, uid } });
        write.meta[cardMetaKey(otherId)] = {
          url: remote.url,
          uid,
          etag: remote.etag,
          localRevision,
          uploadedRevision: 0,
        } satisfies CardState;
        write.conflicts.push(
          run.conflict(otherId, 'uid-conflict', 'client', await run.recordFrom(otherId, parsed, other)),
        );
      }
      await run.commit(write);
    })
    .then(async () => {
      // Our content goes onto the server's card right away (If-Match its ETag).
      if (winner === 'client' && clientRetries < MAX_CLIENT_RETRIES)
        return (await uploadAgain(otherId)) ? 'settled' : 'later';
      return 'settled';
    });
}

/** addressbook-query by UID; where a server cannot answer it, the listing read card by card. */
async function cardsWithUid(run: BookSyncRun, uid: string): Promise<RemoteCardRef[]> {
  const { client, book } = run.options;
  try {
    return await client.findByUid(book.url, uid);
  } catch (error) {
    if (!(error instanceof DavHttpError) || error.status === 401) throw error;
  }
  const found: RemoteCardRef[] = [];
  for (const batch of chunks(await client.listCards(book.url), run.options.batchSize)) {
    for (const card of await client.multiget(
      book.url,
      batch.map((ref) => ref.url),
    )) {
      try {
        if (parseCardText(card.url, card.text).contact.uid === uid)
          found.push({ url: card.url, etag: card.etag });
      } catch (error) {
        if (!(error instanceof UnreadableCardError)) throw error;
      }
    }
  }
  return found;
}
