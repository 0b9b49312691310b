import {
  type Contact,
  type DataStoreOwner,
  type ImportBatching,
  importBatchSizes,
  type ThumbnailMaker,
  type WriteOperation,
} from '@gcds/shared';
import { FacebookApiError, FacebookProtocolError } from './facebookErrors';
import { type FriendPhotoContext, pagePhotos } from './friendPhotos';
import { friendToContact } from './friendToContact';
import { sameRecord } from './recordEquality';
import { type RetryNotice, type RetryPolicy, withRetry } from './retryWithBackoff';
import type { Sleep } from './sleep';
import {
  type FacebookSyncState,
  INITIAL_SYNC_STATE,
  type PassKind,
  type PassReason,
  readSyncState,
  SYNC_STATE_META_KEY,
  seenKey,
  startPass,
} from './syncState';
import {
  type FacebookApi,
  parseSyncResponse,
  type SyncToClientRequest,
  type SyncToClientResponse,
  type WireFriend,
  type WireObject,
} from './wireFormat';

/** How many times in one run a server 410 may restart the full listing before we give up. */
const MAX_SERVER_RESTARTS = 3;
const KEYS_PAGE = 500;

export interface PhotoProblem {
  guid: string;
  pictureId: string;
  message: string;
}

/** What one `syncNow()` or `fullResync()` did. */
export interface FacebookSyncReport {
  /** `first` and `full` are full listings; an incremental run may turn into `full` on a server 410. */
  kind: 'incremental' | PassKind;
  reason?: PassReason;
  /** The server counter this run started from (a resumed listing starts where it stopped). */
  startedFrom: number;
  pages: number;
  /** Records written (added or changed). */
  written: number;
  /** Records the server sent again unchanged, not rewritten. */
  unchanged: number;
  /** Records removed for server deletes. */
  deleted: number;
  /** Records a full listing did not find on the server any more, removed at its end. */
  staleRemoved: number;
  photosFetched: number;
  /** Pictures left out (gone or not an image); the friend is stored without one. */
  photoProblems: PhotoProblem[];
  retries: number;
  /** `servercounter_lastsync` after the run. */
  serverCounter: number;
}

export interface FacebookSyncOptions {
  store: DataStoreOwner<Contact>;
  api: FacebookApi;
  pageSize: number;
  /** How many pages each store transaction commits: a count that grows, or 1 for one page each. */
  pagesPerCommit: ImportBatching;
  retry: RetryPolicy;
  sleep: Sleep;
  random: () => number;
  makeThumbnail: ThumbnailMaker;
  signal: AbortSignal;
  onProgress?: (state: FacebookSyncState) => void;
  onRetry?: (notice: RetryNotice) => void;
}

export type SyncMode = 'sync' | 'full';

/** The guids a listing saw on an earlier page are not in the store's metadata any more. */
class ListingRecordLost extends Error {
  override readonly name = 'ListingRecordLost';
}

/** Where the pages of one transaction end up: their writes, and the metadata committed with them. */
interface PreparedPages {
  /** Each page's writes after the last's, as separate commits of the pages would have made them. */
  operations: WriteOperation<Contact>[];
  meta: Record<string, unknown>;
  liveIds: Set<string>;
  /** What the writes so far leave of each record they touch: a later page compares with this, not the store. */
  latest: Map<string, Contact | undefined>;
}

/**
 * One-way sync from the network into the provider's store, the appSync download half.
 *
 * - Incremental: ask for changes after `servercounter_lastsync`, page by page; the pages and the counter they
 *   cover (`upTo`) commit in one bulk.
 * - A bulk holds one page or several (`pagesPerCommit`): a few first, so the first friends show at once,
 *   then more, so a large listing takes few transactions. Pages fetched but not committed are simply
 *   asked for again after a crash.
 * - Full listing (first sync, or a resync): the same walk from counter 0, recording which guids it saw live;
 *   its last page also removes every local record the server did not list, in the same bulk. The store is
 *   never cleared, so readers never see it empty. Its position commits with each bulk, so an interrupted
 *   listing resumes where it stopped.
 * - A 410 (the server no longer knows our counter) turns into a full listing.
 */
export class FacebookSync {
  readonly #options: FacebookSyncOptions;
  readonly #photoContext: FriendPhotoContext;
  #report!: FacebookSyncReport;

  constructor(options: FacebookSyncOptions) {
    this.#options = options;
    this.#photoContext = {
      store: options.store,
      fetchPicture: (pictureId) => this.#retrying(() => options.api.fetchPhoto(pictureId)),
      makeThumbnail: options.makeThumbnail,
      signal: options.signal,
      known: new Map(),
    };
  }

  async loadState(): Promise<FacebookSyncState> {
    const saved = readSyncState(await this.#options.store.getMeta(SYNC_STATE_META_KEY));
    if (saved.kind === 'ok') return saved.state;
    if (saved.kind === 'missing') return startPass(INITIAL_SYNC_STATE, 'first', 'first-sync');
    return startPass(INITIAL_SYNC_STATE, 'full', 'state-unreadable');
  }

  async run(mode: SyncMode): Promise<FacebookSyncReport> {
    let state = await this.loadState();
    if (mode === 'full') state = await this.#begin(startPass(state, 'full', 'requested'));
    this.#report = {
      kind: state.pass?.kind ?? 'incremental',
      ...(state.pass === undefined ? {} : { reason: state.pass.reason }),
      startedFrom: state.pass?.position ?? state.servercounter_lastsync,
      pages: 0,
      written: 0,
      unchanged: 0,
      deleted: 0,
      staleRemoved: 0,
      photosFetched: 0,
      photoProblems: [],
      retries: 0,
      serverCounter: state.servercounter_lastsync,
    };
    this.#options.onProgress?.(state);
    for (let restarts = 0; ; restarts += 1) {
      try {
        state = await this.#walk(state);
        this.#report.serverCounter = state.servercounter_lastsync;
        return this.#report;
      } catch (error) {
        const serverForgot =
          error instanceof FacebookApiError && (error.resyncRequired || error.code === 'invalid_page_token');
        if (!(serverForgot || error instanceof ListingRecordLost) || restarts >= MAX_SERVER_RESTARTS)
          throw error;
        // Our counter (or a listing's position) predates what the server still remembers, or the listing's
        // own record is gone: list everything again.
        const reason = serverForgot ? 'server-required' : 'state-unreadable';
        state = await this.#begin(startPass(await this.loadState(), 'full', reason));
        this.#report.kind = 'full';
        this.#report.reason = reason;
      }
    }
  }

  /**
   * Commits the start of a listing on its own, so that a crash or a failing network before its first page
   * still leaves a listing to resume, not the old incremental position.
   */
  async #begin(state: FacebookSyncState): Promise<FacebookSyncState> {
    this.#options.signal.throwIfAborted();
    await this.#options.store.bulk([], { meta: { [SYNC_STATE_META_KEY]: state } });
    this.#options.onProgress?.(state);
    return state;
  }

  /** Pages until the server has nothing more; returns the state committed with the last page. */
  async #walk(start: FacebookSyncState): Promise<FacebookSyncState> {
    let state = start;
    let pageToken = start.pass?.pageToken;
    let since = state.pass?.position ?? state.servercounter_lastsync;
    const pagesPerCommit = importBatchSizes(this.#options.pagesPerCommit);
    for (;;) {
      const pages: PreparedPages = { operations: [], meta: {}, liveIds: new Set(), latest: new Map() };
      const count = pagesPerCommit.next().value as number;
      let response: SyncToClientResponse | undefined;
      for (let n = 0; n < count; n += 1) {
        response = await this.#request({
          since,
          pageSize: this.#options.pageSize,
          ...(pageToken === undefined ? {} : { pageToken }),
        });
        await this.#prepare(response.objects, pages);
        this.#report.pages += 1;
        since = response.upTo;
        pageToken = response.nextPageToken;
        if (pageToken === undefined) break;
      }
      const last = response!.nextPageToken === undefined;
      state = await this.#commitPages(state, response!, pages, last);
      this.#options.onProgress?.(state);
      if (last) return state;
    }
  }

  async #request(request: SyncToClientRequest): Promise<SyncToClientResponse> {
    const raw = await this.#retrying(() => this.#options.api.syncToClient(request));
    const response = parseSyncResponse(raw, request);
    if (response.nextPageToken !== undefined && response.upTo <= request.since) {
      // A "more" that does not move forward would loop for ever.
      throw new FacebookProtocolError(
        `the server returned a page ending at ${response.upTo}, not after ${request.since}`,
      );
    }
    return response;
  }

  /** Commits the pages fetched since the last commit; `response` is the last of them. */
  async #commitPages(
    state: FacebookSyncState,
    response: SyncToClientResponse,
    pages: PreparedPages,
    last: boolean,
  ): Promise<FacebookSyncState> {
    const pass = state.pass;
    const operations = pages.operations;
    const meta: Record<string, unknown> = { ...pages.meta };
    let next: FacebookSyncState;
    if (pass === undefined) {
      next = { ...state, servercounter_lastsync: response.upTo };
    } else {
      // Leftovers of a listing this one replaced go with its first page.
      if (pass.abandoned !== undefined) {
        for (let n = 0; n < pass.abandoned.pages; n += 1) meta[seenKey(pass.abandoned.id, n)] = null;
      }
      const { abandoned: _cleared, pageToken: _previous, ...current } = pass;
      if (last) {
        // Ids this page removes already are not stale: counting them twice would misreport.
        const removed = operations.flatMap((o) => (o.operation === 'remove' ? [o.id] : []));
        const stale = await this.#staleIds(pass.id, pass.pages, [...pages.liveIds, ...removed]);
        for (const id of stale) operations.push({ operation: 'remove', id });
        this.#report.staleRemoved += stale.length;
        for (let n = 0; n < pass.pages; n += 1) meta[seenKey(pass.id, n)] = null;
        const { pass: _done, ...rest } = state;
        next = { ...rest, servercounter_lastsync: response.upTo };
      } else {
        meta[seenKey(pass.id, pass.pages)] = [...pages.liveIds];
        const token = response.nextPageToken === undefined ? {} : { pageToken: response.nextPageToken };
        next = { ...state, pass: { ...current, position: response.upTo, pages: pass.pages + 1, ...token } };
      }
    }
    if (operations.length === 0 && sameRecord(state, next) && Object.keys(meta).length === 0) return state;
    meta[SYNC_STATE_META_KEY] = next;
    // Stop before writing if the provider is being stopped: the page will be asked for again.
    this.#options.signal.throwIfAborted();
    await this.#options.store.bulk(operations, { meta });
    for (const operation of operations) if (operation.operation === 'put') this.#report.written += 1;
    return next;
  }

  /** Local records a finished listing did not see live on any of its pages (nor remove on its last). */
  async #staleIds(passId: number, pages: number, lastPageIds: readonly string[]): Promise<string[]> {
    const seen = new Set(lastPageIds);
    for (let n = 0; n < pages; n += 1) {
      const ids = await this.#options.store.getMeta(seenKey(passId, n));
      if (!Array.isArray(ids))
        throw new ListingRecordLost(`the listing's record of its page ${n} is missing`);
      for (const id of ids) seen.add(id as string);
    }
    const stale: string[] = [];
    let after: string | undefined;
    for (;;) {
      const keys = await this.#options.store.keys(after, KEYS_PAGE);
      for (const key of keys) if (!seen.has(key)) stale.push(key);
      if (keys.length < KEYS_PAGE) return stale;
      after = keys[keys.length - 1];
    }
  }

  /** Adds a page's writes to those of the pages before it in the same transaction. */
  async #prepare(objects: readonly WireObject[], pages: PreparedPages): Promise<void> {
    const unseen = objects.filter((o) => !pages.latest.has(o.guid)).map((o) => o.guid);
    const pictured = objects.filter((o): o is WireFriend => !o.isdeleted && o.picture !== undefined);
    const [stored, photos] = await Promise.all([
      this.#options.store.getMany(unseen),
      pagePhotos(
        this.#photoContext,
        pictured.map((friend) => friend.picture!.id),
      ),
    ]);
    this.#report.photosFetched += photos.fetched;
    Object.assign(pages.meta, photos.meta);
    for (const [i, guid] of unseen.entries()) pages.latest.set(guid, stored[i]);
    for (const object of objects) {
      const current = pages.latest.get(object.guid);
      if (object.isdeleted) {
        if (current !== undefined) {
          pages.operations.push({ operation: 'remove', id: object.guid });
          pages.latest.set(object.guid, undefined);
          this.#report.deleted += 1;
        }
        continue;
      }
      pages.liveIds.add(object.guid);
      const pictureId = object.picture?.id;
      const problem = pictureId === undefined ? undefined : photos.problems.get(pictureId);
      if (problem !== undefined)
        this.#report.photoProblems.push({ guid: object.guid, pictureId: pictureId!, message: problem });
      const contact = friendToContact(
        object,
        pictureId === undefined ? undefined : photos.refs.get(pictureId),
      );
      if (current !== undefined && sameRecord(current, contact)) {
        this.#report.unchanged += 1;
        continue;
      }
      pages.operations.push({ operation: 'put', id: contact.id, data: contact });
      pages.latest.set(contact.id, contact);
    }
  }

  #retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return withRetry(attempt, {
      policy: this.#options.retry,
      sleep: this.#options.sleep,
      random: this.#options.random,
      signal: this.#options.signal,
      onRetry: (notice) => {
        this.#report.retries += 1;
        this.#options.onRetry?.(notice);
      },
    });
  }
}
