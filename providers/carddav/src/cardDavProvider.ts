import {
  applyContactChange,
  ContactNotFoundError,
  ContactValidationError,
  withoutUndefined,
} from '@gcds/provider-local';
import {
  type Contact,
  defaultThumbnail,
  defineProvider,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderManifest,
  SerialQueue,
  validateContact,
  type WriteOperation,
} from '@gcds/shared';
import { BehaviorSubject } from 'rxjs';
import { withAccountLock } from './accountLock';
import { describeFailure, humanDelay, retryDelayMs } from './accountStatus';
import { AddressBookSync, type SyncMode } from './addressBookSync';
import { cardDavProviderId, discoverAddressBooks, transportFor } from './cardDavAccount';
import { type CardDavApi, type CardDavProviderOptions, ReadOnlyAddressBookError } from './cardDavApi';
import { CardDavClient } from './cardDavClient';
import {
  type CardState,
  CONFLICTS_META_KEY,
  cardMetaKey,
  cardUrlFor,
  readCardState,
  readConflicts,
  readIdList,
  TOMBSTONES_META_KEY,
} from './cardState';
import { DavHttpError } from './davErrors';
import type { AddressBookInfo, CardDavStatus, SyncReport } from './types';

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIST_LIMIT = 500;
const BOOK_META_KEY = 'carddav:book';

/**
 * An account as Android has accounts: one provider (one `contacts` store) for each of its address books.
 * Install each with the registry; several accounts may be installed side by side.
 */
export async function createCardDavAccount(
  options: CardDavProviderOptions,
): Promise<ProviderDefinition<CardDavApi>[]> {
  const books = await discoverAddressBooks(options);
  return books.map((addressBook) => createCardDavProvider({ ...options, addressBook }));
}

/** Privileged, like the phone's own contacts; writable unless the address book is read-only. */
function manifestFor(options: CardDavProviderOptions): ProviderManifest {
  const book = options.addressBook;
  const name =
    options.displayName ?? book?.displayName ?? `CardDAV ${options.username ?? new URL(options.url).host}`;
  return Object.freeze({
    displayName: name,
    accessLevel: 'privileged',
    writable: book?.readOnly !== true,
    description: `Address book ${book?.url ?? options.url}, synced both ways with CardDAV`,
  });
}

/** One CardDAV address book, synced both ways into the provider's own `contacts` store. */
export function createCardDavProvider(options: CardDavProviderOptions): ProviderDefinition<CardDavApi> {
  const id = options.id ?? cardDavProviderId(options, options.addressBook?.url);
  let stopping: (() => Promise<void>) | undefined;
  return defineProvider<CardDavApi>({
    id,
    manifest: manifestFor(options),
    async start(ctx) {
      const started = await startAccount(ctx, options);
      stopping = started.stop;
      return started.api;
    },
    async stop() {
      await stopping?.();
    },
  });
}

async function startAccount(
  ctx: ProviderContext,
  options: CardDavProviderOptions,
): Promise<{ api: CardDavApi; stop: () => Promise<void> }> {
  const { store } = ctx;
  // The store writes of this address book (local edits and sync commits), one at a time, held only while writing.
  const writeQueue = new SerialQueue();
  const writes = <T>(body: () => Promise<T>): Promise<T> => writeQueue.run(body);
  const client = new CardDavClient(transportFor(options, ctx.signal));
  const strategy = options.conflict ?? 'server';
  let book =
    options.addressBook ??
    ((await store.getMeta(BOOK_META_KEY)) as AddressBookInfo | null | undefined) ??
    undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const conflictCount = readConflicts(await store.getMeta(CONFLICTS_META_KEY)).length;
  const status = new BehaviorSubject<CardDavStatus>({
    state: 'idle',
    message: 'not synced yet',
    ...(book === undefined ? {} : { addressBook: book }),
    conflicts: conflictCount,
  });
  const setStatus = (change: Partial<CardDavStatus>) => {
    const { retryAt: _retryAt, ...rest } = status.value;
    status.next({ ...rest, ...change });
  };

  async function resolveBook(): Promise<AddressBookInfo> {
    if (book !== undefined) return book;
    const books = await client.discover(options.url);
    const chosen = books.find((b) => !b.readOnly) ?? books[0];
    if (chosen === undefined) throw new Error(`no address book found for ${options.url}`);
    book = chosen;
    await writes(() => store.bulk([], { meta: { [BOOK_META_KEY]: chosen } }));
    return chosen;
  }

  function assertWritable(): void {
    if (book?.readOnly === true)
      throw new ReadOnlyAddressBookError(`${book.url} is read-only for ${options.username ?? 'this user'}`);
  }

  async function existing(id: string): Promise<Contact> {
    const contact = typeof id === 'string' ? await store.get(id) : undefined;
    if (contact === undefined) throw new ContactNotFoundError(String(id));
    return contact;
  }

  function checked(contact: Contact): Contact {
    const errors = validateContact(contact);
    if (errors.length > 0) throw new ContactValidationError(errors);
    return contact;
  }

  /** A local change: the record and its state (counter_lastupdate = this write's revision) in ONE bulk. */
  async function writeLocal(
    id: string,
    record: Contact | undefined,
    stateOf: (state: CardState | undefined, revision: number) => CardState | null,
    extraMeta: Record<string, unknown> = {},
  ): Promise<void> {
    const revision = (await store.getRevision()) + 1;
    const state = readCardState(await store.getMeta(cardMetaKey(id)));
    const operations: WriteOperation<Contact>[] =
      record === undefined ? [{ operation: 'remove', id }] : [{ operation: 'put', id, data: record }];
    await store.bulk(operations, { meta: { [cardMetaKey(id)]: stateOf(state, revision), ...extraMeta } });
  }

  const api: CardDavApi = {
    async add(draft) {
      assertWritable();
      return writes(async () => {
        const uid = draft.uid ?? draft.id ?? crypto.randomUUID();
        const id = draft.id ?? uid;
        const previous = readCardState(await store.getMeta(cardMetaKey(id)));
        if (
          (await store.get(id)) !== undefined ||
          (previous !== undefined && previous.deletedAt === undefined)
        ) {
          throw new ContactValidationError([{ field: 'id', message: `a contact "${id}" exists already` }]);
        }
        const contact = checked(withoutUndefined({ ...draft, id, uid, updatedAt: ctx.now() }) as Contact);
        if (previous !== undefined) {
          // Deleted, then added again before the server heard of the delete: an update of the card, not
          // a DELETE followed by a create.
          const { deletedAt: _undone, ...kept } = previous;
          const tombstones = readIdList(await store.getMeta(TOMBSTONES_META_KEY)).filter((t) => t !== id);
          await writeLocal(id, contact, (_state, revision) => ({ ...kept, uid, localRevision: revision }), {
            [TOMBSTONES_META_KEY]: tombstones,
          });
          return contact;
        }
        // Placed once the address book is known (a card added before the first sync gets it then).
        const url = book === undefined ? '' : cardUrlFor(book.url, id);
        await writeLocal(id, contact, (_state, revision) => ({
          url,
          uid,
          localRevision: revision,
          uploadedRevision: 0,
        }));
        return contact;
      });
    },
    async update(id, change) {
      assertWritable();
      return writes(async () => {
        const before = await existing(id);
        const next = checked({
          ...withoutUndefined(applyContactChange(before, change)),
          id,
          updatedAt: ctx.now(),
        });
        if (next.uid === undefined && before.uid !== undefined) next.uid = before.uid;
        await writeLocal(id, next, (state, revision) =>
          state === undefined
            ? {
                url: book === undefined ? '' : cardUrlFor(book.url, id),
                uid: next.uid ?? id,
                localRevision: revision,
                uploadedRevision: 0,
              }
            : { ...state, localRevision: revision },
        );
        return next;
      });
    },
    async remove(id) {
      assertWritable();
      await writes(async () => {
        await existing(id);
        const state = readCardState(await store.getMeta(cardMetaKey(id)));
        if (state?.etag === undefined) {
          // Never reached the server: nothing to delete there.
          await writeLocal(id, undefined, () => null);
          return;
        }
        const tombstones = readIdList(await store.getMeta(TOMBSTONES_META_KEY));
        await writeLocal(
          id,
          undefined,
          (_state, revision) => ({ ...state, localRevision: revision, deletedAt: ctx.now() }),
          { [TOMBSTONES_META_KEY]: [...new Set([...tombstones, id])] },
        );
      });
    },
    get: (id) => store.get(id),
    async list(listOptions = {}) {
      const { afterId, limit = DEFAULT_LIST_LIMIT } = listOptions;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
        throw new RangeError(`list limit must be a whole number from 1 to ${MAX_LIST_LIMIT}, got ${limit}`);
      }
      const ids = await store.keys(afterId, limit);
      const contacts = (await store.getMany(ids)).filter((c): c is Contact => c !== undefined);
      const last = ids.at(-1);
      return ids.length === limit && last !== undefined ? { contacts, nextAfterId: last } : { contacts };
    },
    sync: () => run('sync'),
    fullSync: () => run('full'),
    status$: status.asObservable(),
    status: () => structuredClone(status.value),
    async conflicts() {
      return readConflicts(await store.getMeta(CONFLICTS_META_KEY));
    },
    async dismissConflict(conflictId) {
      await writes(async () => {
        const kept = readConflicts(await store.getMeta(CONFLICTS_META_KEY)).filter(
          (c) => c.id !== conflictId,
        );
        await store.bulk([], { meta: { [CONFLICTS_META_KEY]: kept } });
        setStatus({ conflicts: kept.length });
      });
    },
    addressBook: () => book,
  };

  function scheduleRetry(delayMs: number): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void run('sync').catch(() => undefined);
    }, delayMs);
    // A pending retry must not keep a process (a test, the CLI) alive.
    (retryTimer as { unref?: () => void }).unref?.();
  }

  const lockName = `${options.lockPrefix ?? ''}${ctx.providerId}@${options.url}`;

  function run(mode: SyncMode): Promise<SyncReport> {
    return withAccountLock(lockName, async () => {
      ctx.signal.throwIfAborted();
      setStatus({ state: 'syncing', message: 'syncing' });
      try {
        const addressBook = await resolveBook();
        const bookSync = new AddressBookSync({
          store,
          client,
          book: addressBook,
          strategy,
          writes,
          now: ctx.now,
          signal: ctx.signal,
          makeThumbnail: options.makeThumbnail ?? defaultThumbnail,
          batchSize: options.batchSize ?? 100,
          ...(options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit }),
          ...(options.pageCommit === undefined ? {} : { pageCommit: options.pageCommit }),
        });
        const report = await bookSync.run(mode);
        failures = 0;
        const conflicts = readConflicts(await store.getMeta(CONFLICTS_META_KEY)).length;
        const { lastError: _cleared, ...rest } = status.value;
        status.next({
          ...rest,
          state: 'idle',
          message: report.errors.length > 0 ? `synced, ${report.errors.length} card(s) not synced` : 'synced',
          addressBook,
          lastSyncedAt: ctx.now(),
          conflicts,
          ...(report.errors[0] === undefined ? {} : { lastError: { ...report.errors[0], at: ctx.now() } }),
        });
        return report;
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const failure = describeFailure(error);
        failures += 1;
        const baseMs = options.retryBaseMs ?? 30_000;
        if (failure.retry && baseMs > 0) {
          // Never sooner than the server asked (Retry-After on a 503 or 429).
          const asked = error instanceof DavHttpError ? (error.retryAfterMs ?? 0) : 0;
          const delayMs = Math.max(retryDelayMs(failures, baseMs), asked);
          setStatus({
            state: 'retrying',
            message: `${failure.message}, retrying in ${humanDelay(delayMs)}`,
            lastError: { ...failure.problem, at: ctx.now() },
            retryAt: ctx.now() + delayMs,
          });
          scheduleRetry(delayMs);
        } else {
          setStatus({
            state: failure.state,
            message: failure.message,
            lastError: { ...failure.problem, at: ctx.now() },
          });
        }
        throw error;
      }
    });
  }

  return {
    api,
    stop: async () => {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      // Wait for a sync under way to stop (the signal is aborted: it stops before its next request or write).
      await withAccountLock(lockName, async () => undefined);
      status.complete();
    },
  };
}
