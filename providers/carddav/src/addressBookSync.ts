import { type AddressBookSyncOptions, BookSyncRun } from './bookSyncRun';
import { downloadChanges } from './cardDownload';
import { type BookSyncState, type FullSyncReason, SYNC_META_KEY } from './cardState';
import { uploadChanges } from './cardUpload';
import { isInvalidSyncToken } from './davErrors';
import type { SyncReport } from './types';

export type { AddressBookSyncOptions } from './bookSyncRun';
export {
  commitPageAtomically,
  type PageCommit,
  type PageCommitInput,
  type WriteQueue,
} from './pageCommit';

/** How a sync run starts: as the saved state says, or with a full listing. */
export type SyncMode = 'sync' | 'full';

/**
 * appSync's multi-way cycle over CardDAV for one address book: download (the server's changes since the
 * sync-token, page by page, each page committed in ONE bulk with the token it reaches), then upload (the
 * local changes since the last uploaded revision, each confirmed by the server before it is settled).
 */
export class AddressBookSync {
  readonly #options: AddressBookSyncOptions;
  #conflictSerial = 0;

  constructor(options: AddressBookSyncOptions) {
    this.#options = options;
  }

  async run(mode: SyncMode): Promise<SyncReport> {
    const requestsBefore = this.#options.client.transport.requests;
    const run = new BookSyncRun(this.#options, () => {
      this.#conflictSerial += 1;
      return this.#conflictSerial;
    });
    try {
      let state = await run.state();
      if (mode === 'full') state = await this.#beginFull(state, 'requested');
      else if (
        state.token === undefined &&
        state.fullListing === undefined &&
        this.#options.book.supportsSyncCollection
      ) {
        // Never synced (or the counters were lost): a first listing. A server without sync-collection
        // lists every time and has no token to lose, so its counters are never reset here.
        state = await this.#beginFull(state, 'first-sync');
      }
      try {
        state = await downloadChanges(run, state);
      } catch (error) {
        if (!isInvalidSyncToken(error)) throw error;
        // RFC 6578 §3.2: the server forgot our token. List everything again, removing only what it lacks.
        state = await downloadChanges(run, await this.#beginFull(state, 'token-invalid'));
      }
      await uploadChanges(run, state);
      return run.report;
    } finally {
      run.report.requests = this.#options.client.transport.requests - requestsBefore;
    }
  }

  /**
   * A full sync resets both counters: no token (list the whole book) and no uploaded revision (every
   * local record is looked at again). Committed on its own so an interrupted listing is resumed as one.
   */
  async #beginFull(state: BookSyncState, reason: FullSyncReason): Promise<BookSyncState> {
    const { token: _token, ...rest } = state;
    const next: BookSyncState = { ...rest, uploadedRevision: 0, fullListing: { reason } };
    this.#options.signal.throwIfAborted();
    await this.#options.writes(() => this.#options.store.bulk([], { meta: { [SYNC_META_KEY]: next } }));
    return next;
  }
}
