import {
  type AddressBookInfo,
  type CardDavApi,
  cardDavProviderId,
  createCardDavProvider,
  createSyncScheduler,
  DavHttpError,
  DavNetworkError,
  discoverAddressBooks,
  type FetchLike,
  isAuthError,
  type SyncReport,
  type SyncScheduler,
} from '@gcds/provider-carddav';
import { DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import * as Comlink from 'comlink';
import type { CardDavProviderId } from '../protocol/deviceConfig';
import type {
  AddressBookState,
  CardDavAccountWorkerApi,
  EditableProviderApi,
  ProviderNotice,
} from '../protocol/workerApis';
import { asSaveResult, withoutIdOf } from './providerSaveResult';

/**
 * One CardDAV account in its own worker, as Android has accounts: a provider (so a `contacts` store,
 * access level privileged) for each of its address books, each with a sync scheduler (after a local
 * change, on a timer, when the network comes back, on "Sync now"). The network is this worker's own
 * `fetch`: the shell can cut it, and every request then fails as a phone without signal would.
 */
interface Book {
  id: CardDavProviderId;
  info: AddressBookInfo;
  /** What the user sees it called: the book's name and whose it is ("Shared (tester)"). */
  name: string;
  api: CardDavApi;
  scheduler: SyncScheduler;
  lastReport?: AddressBookState['lastReport'];
}

const books = new Map<CardDavProviderId, Book>();
let registry: ProviderRegistry | undefined;
let online = true;
/** Where the schedulers hear that the network is back. */
const network = new EventTarget();
let emit: (event: ProviderNotice) => void = () => undefined;
let publish: () => void = () => undefined;

/** How often an account syncs with nothing else asking: the server's changes arrive at least this often. */
const SYNC_INTERVAL_MS = 60_000;
/** A burst of edits is one upload. */
const DEBOUNCE_MS = 1_500;

const phoneFetch: FetchLike = (input, init) =>
  online
    ? fetch(input, init)
    : Promise.reject(new TypeError('Failed to fetch: the phone has no network (cut in the system panel)'));

function summary(report: SyncReport): NonNullable<AddressBookState['lastReport']> {
  return { ...report, conflicts: report.conflicts.length };
}

async function statesOf(): Promise<AddressBookState[]> {
  return Promise.all(
    [...books.values()].map(async (book) => ({
      providerId: book.id,
      displayName: book.name,
      readOnly: book.info.readOnly,
      status: book.api.status(),
      conflicts: await book.api.conflicts(),
      ...(book.lastReport === undefined ? {} : { lastReport: book.lastReport }),
    })),
  );
}

function clientOf(book: Book): EditableProviderApi {
  const { api } = book;
  return {
    describe: async () => ({
      name: book.name,
      writable: !book.info.readOnly,
      ...(book.info.readOnly
        ? { readOnlyReason: 'the server lets this account read this address book, not change it' }
        : {}),
    }),
    async add(draft) {
      try {
        const id = (await api.add(withoutIdOf(draft))).id;
        book.scheduler.localChange();
        return { ok: true, id };
      } catch (error) {
        return asSaveResult(error);
      }
    },
    async update(id, draft) {
      try {
        const before = await api.get(id);
        if (before === undefined) return asSaveResult(new Error('this contact is no longer on the phone'));
        // The form edits some fields; what it does not know (photo, X- properties, extras) stays as it was.
        const updated = await api.update(id, { ...before, ...draft, id });
        book.scheduler.localChange();
        return { ok: true, id: updated.id };
      } catch (error) {
        return asSaveResult(error);
      }
    },
    async remove(id) {
      await api.remove(id);
      book.scheduler.localChange();
    },
    get: (id) => api.get(id),
  };
}

async function sync(book: Book): Promise<void> {
  try {
    const report = await book.api.sync();
    book.lastReport = summary(report);
    if (report.downloaded + report.uploaded + report.deleted > 0 || report.conflicts.length > 0) {
      emit({
        kind: report.conflicts.length > 0 ? 'warn' : 'info',
        message: `${book.name} synced: ${report.downloaded} down, ${report.uploaded} up, ${report.deleted} deleted, ${report.conflicts.length} conflicts`,
      });
    }
  } catch (error) {
    emit({ kind: 'warn', message: `sync failed: ${book.api.status().message}` });
    throw error;
  } finally {
    publish();
  }
}

/** Why an account could not be added, in the words the account status uses. */
function discoveryFailure(error: unknown): string {
  if (isAuthError(error)) return 'password rejected';
  if (error instanceof DavNetworkError)
    return error.reason === 'timeout' ? 'server not answering' : 'server unreachable';
  if (error instanceof DavHttpError)
    return `the server answered HTTP ${error.status} (is this a CardDAV address?)`;
  return error instanceof Error ? error.message : String(error);
}

const api: CardDavAccountWorkerApi = {
  async install(config, account, onEvent, onBooks) {
    emit = (event) => void onEvent(event);
    let publishing = false;
    let generation = 0;
    publish = () => {
      if (publishing) return;
      publishing = true;
      // Status changes come in bursts (every batch of a sync): one update per tick is enough.
      setTimeout(() => {
        publishing = false;
        // Reading the states takes a few awaits: an older reading that ends after a newer one (a
        // conflict dismissed in between) must not be the last word.
        const mine = ++generation;
        void statesOf().then((states) => {
          if (mine === generation) void onBooks(states);
        });
      }, 50);
    };
    const credentials = { url: account.url, username: account.username, password: account.password };
    const found =
      account.books ??
      (await discoverAddressBooks({ ...credentials, fetch: phoneFetch, timeoutMs: 15_000 }).catch(
        (error: unknown) => {
          throw new Error(discoveryFailure(error), { cause: error });
        },
      ));
    if (found.length === 0)
      throw new Error(`no address book found for ${account.username} at ${account.url}`);
    const platform = new DataStorePlatform({
      namespace: config.namespace,
      broadcastChannelName: config.channel,
    });
    registry = new ProviderRegistry(platform, { defaultRegion: config.region });
    for (const info of found) {
      const id = cardDavProviderId(credentials, info.url) as CardDavProviderId;
      const name = `${info.displayName ?? 'Contacts'} (${account.username})`;
      const installed = await registry.install(
        createCardDavProvider({
          ...credentials,
          addressBook: info,
          id,
          conflict: account.conflict,
          fetch: phoneFetch,
          lockPrefix: config.lockPrefix,
          displayName: name,
        }),
      );
      const book: Book = {
        id,
        info,
        name,
        api: installed.api,
        scheduler: createSyncScheduler({
          sync: () => sync(book),
          debounceMs: DEBOUNCE_MS,
          intervalMs: SYNC_INTERVAL_MS,
          onlineEvents: network,
        }),
      };
      books.set(id, book);
      installed.api.status$.subscribe(() => publish());
      emit({ kind: 'info', message: `address book ${name} installed` });
      // The first sync on start: what changed on the server while the phone was off.
      void book.scheduler.now();
    }
    publish();
    return { books: found };
  },

  setOnline(next) {
    const wasOnline = online;
    online = next;
    emit({ kind: next ? 'info' : 'warn', message: next ? 'network restored' : 'network cut' });
    if (next && !wasOnline) network.dispatchEvent(new Event('online'));
  },

  async syncNow() {
    await Promise.all([...books.values()].map((book) => book.scheduler.now()));
  },

  async dismissConflict(providerId, conflictId) {
    await books.get(providerId)?.api.dismissConflict(conflictId);
    publish();
  },

  async uninstall() {
    for (const book of books.values()) {
      book.scheduler.stop();
      await registry?.uninstall(book.id);
    }
    books.clear();
  },

  connect(providerId, port) {
    const book = books.get(providerId);
    if (book === undefined) port.close();
    else Comlink.expose(clientOf(book), port);
  },
};

Comlink.expose(api);
