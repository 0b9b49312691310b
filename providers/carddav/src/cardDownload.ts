import type { Contact } from '@gcds/shared';
import { type BookSyncRun, chunks, emptyPage, type PageWrite } from './bookSyncRun';
import { type BookSyncState, type CardState, cardMetaKey, idFromCardUrl, readCardState } from './cardState';
import { cardTextOf, type ParsedRemoteCard, parseCardText, UnreadableCardError } from './cardText';
import { conflictWinner } from './conflictStrategy';
import { applyServerDelete, removeUnlisted } from './serverDeletes';
import { cardsToFetch, localSideOf, serverSideOf } from './syncPlan';
import type { RemoteCard, RemoteCardRef, SyncCollectionPage } from './types';

/**
 * The server's changes since the sync-token (or, without sync-collection, the whole listing), page by
 * page, each page committed with the token it reaches.
 */
export async function downloadChanges(run: BookSyncRun, start: BookSyncState): Promise<BookSyncState> {
  const { client, book } = run.options;
  const full = start.fullListing !== undefined || !book.supportsSyncCollection;
  if (full) run.report.kind = 'full';
  let state = start;
  let token = full ? undefined : start.token;
  const listed = new Set<string>();
  for (;;) {
    const page: SyncCollectionPage = book.supportsSyncCollection
      ? await client.syncCollection(book.url, token, run.options.pageLimit)
      : { changed: await client.listCards(book.url), removed: [], token: '', truncated: false };
    for (const ref of page.changed) listed.add(idFromCardUrl(ref.url));
    const finished = !page.truncated;
    state = await applyPage(run, state, page, full && finished ? listed : undefined);
    if (finished) return state;
    token = page.token;
  }
}

/**
 * Fetches what changed in batches; each batch is one bulk, the last one with the page's token. The
 * ETags held are read batch by batch too, so the first people show after one batch, not after the
 * whole listing was looked up.
 */
async function applyPage(
  run: BookSyncRun,
  state: BookSyncState,
  page: SyncCollectionPage,
  listed?: ReadonlySet<string>,
): Promise<BookSyncState> {
  const { store, client, book } = run.options;
  const slices = chunks(page.changed, run.options.batchSize);
  if (slices.length === 0) slices.push([]);
  let current = state;
  for (const [i, slice] of slices.entries()) {
    const last = i === slices.length - 1;
    const known = await Promise.all(
      slice.map(async (ref) => readCardState(await store.getMeta(cardMetaKey(idFromCardUrl(ref.url))))),
    );
    // A card whose ETag we hold is already here: our own upload, or a batch of an interrupted run.
    const toFetch = cardsToFetch(slice, known);
    if (toFetch.length === 0 && !last) continue;
    const cards = await client.multiget(
      book.url,
      toFetch.map((ref: RemoteCardRef) => ref.url),
    );
    current = await run.options.writes(async () => {
      const write = emptyPage();
      await applyCards(run, cards, write);
      let next = current;
      if (last) {
        for (const url of page.removed) await applyServerDelete(run, idFromCardUrl(url), write);
        if (listed !== undefined) await removeUnlisted(run, listed, write);
        next = afterPage(current, page, listed !== undefined);
      }
      const stateChanged = JSON.stringify(next) !== JSON.stringify(current);
      if (write.operations.length === 0 && Object.keys(write.meta).length === 0 && !stateChanged)
        return current;
      await run.commit(write, stateChanged ? next : undefined);
      return next;
    });
  }
  return current;
}

/**
 * The counters a page's last batch commits: the token it reaches (none from a server without
 * sync-collection). A full listing stays marked until its last page, so an interrupted one starts over
 * (skipping, by ETag, every card it already has) and still removes what the server no longer lists.
 */
function afterPage(current: BookSyncState, page: SyncCollectionPage, listingDone: boolean): BookSyncState {
  const { token: _old, fullListing, ...rest } = current;
  return {
    ...rest,
    ...(page.token === '' ? {} : { token: page.token }),
    ...(fullListing === undefined || listingDone ? {} : { fullListing }),
  };
}

async function applyCards(run: BookSyncRun, cards: readonly RemoteCard[], write: PageWrite): Promise<void> {
  for (const card of cards) {
    const id = idFromCardUrl(card.url);
    let parsed: ParsedRemoteCard;
    try {
      parsed = parseCardText(card.url, card.text);
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) throw error;
      run.report.errors.push({ contactId: id, url: card.url, message: error.message });
      continue;
    }
    const { record, state } = await run.readLocal(id);
    const local = localSideOf(record, state);
    if (local.kind === 'clean') {
      await run.takeServerVersion(id, card, parsed, record, state, write);
      continue;
    }
    if (
      state?.deletedAt === undefined &&
      record !== undefined &&
      (await isOurVersion(run, record, state, parsed))
    ) {
      // Our own upload, whose commit a crash prevented: settle it, no conflict.
      const revision = state?.localRevision ?? 1;
      write.meta[cardMetaKey(id)] = {
        url: card.url,
        uid: parsed.contact.uid ?? id,
        etag: card.etag,
        localRevision: revision,
        uploadedRevision: revision,
      } satisfies CardState;
      continue;
    }
    const kind = local.conflict;
    const winner = conflictWinner({
      strategy: run.options.strategy,
      server: serverSideOf(parsed.contact),
      client: local.side,
    });
    if (winner === 'server') {
      await run.takeServerVersion(id, card, parsed, record, state, write);
      write.conflicts.push(
        run.conflict(id, kind, 'server', state?.deletedAt !== undefined ? undefined : record),
      );
    } else {
      // Ours stays and stays dirty; based on the server's new version, so the upload's If-Match holds.
      const base: CardState = state ?? {
        url: card.url,
        uid: record?.uid ?? id,
        localRevision: 1,
        uploadedRevision: 0,
      };
      write.meta[cardMetaKey(id)] = { ...base, url: card.url, etag: card.etag };
      write.conflicts.push(run.conflict(id, kind, 'client', await run.recordFrom(id, parsed, record)));
    }
  }
}

/** The server's card has exactly the content this phone would upload for the record. */
async function isOurVersion(
  run: BookSyncRun,
  record: Contact,
  state: CardState | undefined,
  parsed: ParsedRemoteCard,
): Promise<boolean> {
  const uid = record.uid ?? state?.uid ?? record.id;
  const ours = parseCardText('local', cardTextOf({ ...record, uid }, await run.photoOf(record)));
  return ours.contentHash === parsed.contentHash;
}
