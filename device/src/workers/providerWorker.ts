import {
  createFacebookSimProvider,
  FacebookServer,
  type FacebookSimApi,
  realSleep,
} from '@gcds/provider-facebook-sim';
import { createLocalProvider, type LocalContactsApi } from '@gcds/provider-local';
import { createVcardProvider, type RemovedCard, type VcardProviderApi } from '@gcds/provider-vcard';
import {
  type Contact,
  type ContactDraft,
  DataStorePlatform,
  DEFAULT_IMPORT_BATCHING,
  importBatches,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
} from '@gcds/shared';
import * as Comlink from 'comlink';
import type { DemoBookShareApi } from '../demo/demoBookShares';
import { BUILTIN_PROVIDERS, type BuiltinProviderId, type DeviceConfig } from '../protocol/deviceConfig';
import type {
  LocalClientApi,
  ProviderNotice,
  ProviderSaveResult,
  ProviderWorkerApi,
  VcardClientApi,
} from '../protocol/workerApis';
import { asSaveResult, withoutIdOf } from './providerSaveResult';
import { UndoShelf } from './undoShelf';

/**
 * One provider in its own worker: its own platform instance and registry, which installs this one
 * provider and gives it the owner handle of its own store. Uninstall deletes the store; the shell then
 * terminates the worker. A store that is new (revision 0) gets the provider's share of the demo book.
 */
let registry: ProviderRegistry | undefined;
let providerId: BuiltinProviderId | undefined;
let local: LocalContactsApi | undefined;
let vcard: VcardProviderApi | undefined;
let facebook: { server: FacebookServer; api: FacebookSimApi } | undefined;
let emit: (event: ProviderNotice) => void = () => undefined;

export const DEMO_VCF_NAME = 'demo-contacts.vcf';

/** How long a removed contact can be put back (the Undo on the toast shows for less). */
const UNDO_WINDOW_MS = 60_000;
/** Contacts removed through the local client, kept for Undo until the window closes. */
const recentlyRemoved = new UndoShelf<Contact>(UNDO_WINDOW_MS);
/** Imported records removed through the vCard client, kept for Undo the same way. */
const recentlyRemovedCards = new UndoShelf<RemovedCard>(UNDO_WINDOW_MS);
/** What an Undo answers once its window closed (or for a record it never removed). */
function cannotRestore(): ProviderSaveResult {
  return { ok: false, errors: [{ field: '', message: 'this contact can no longer be restored' }] };
}

const localClient: LocalClientApi = {
  describe: async () => ({ name: BUILTIN_PROVIDERS.local.name, writable: true }),
  async add(draft) {
    try {
      return { ok: true, id: (await local!.add(withoutIdOf(draft))).id };
    } catch (error) {
      return asSaveResult(error);
    }
  },
  async update(id, draft) {
    try {
      const before = await local!.get(id);
      // The form edits some fields; what it does not know (photo, ICE, extras) stays as it was.
      const next = { ...before, ...draft, id } as Parameters<LocalContactsApi['update']>[1];
      return { ok: true, id: (await local!.update(id, next)).id };
    } catch (error) {
      return asSaveResult(error);
    }
  },
  async remove(id) {
    const contact = await local!.get(id);
    await local!.remove(id);
    if (contact !== undefined) recentlyRemoved.put(id, contact);
  },
  async restore(id) {
    const removed = recentlyRemoved.get(id);
    if (removed === undefined) return cannotRestore();
    try {
      // Under its own id, photo and all (a removed record's photo blob stays in the store).
      const { updatedAt: _updatedAt, ...contact } = removed;
      const restored = await local!.add(contact);
      recentlyRemoved.delete(id);
      return { ok: true, id: restored.id };
    } catch (error) {
      return asSaveResult(error);
    }
  },
  get: (id) => local!.get(id),
  async setPhoto(id, bytes, mediaType) {
    try {
      return { ok: true, id: (await local!.setPhoto(id, bytes, mediaType)).id };
    } catch (error) {
      return asSaveResult(error);
    }
  },
  async removePhoto(id) {
    try {
      return { ok: true, id: (await local!.removePhoto(id)).id };
    } catch (error) {
      return asSaveResult(error);
    }
  },
};

const vcardClient: VcardClientApi = {
  async importFile(name, file, onProgress) {
    const report = await vcard!.importFile(name, file, {
      onProgress: (progress) => {
        void onProgress({ done: progress.done, total: progress.total });
      },
    });
    emit({
      kind: 'info',
      message: `imported ${name}: ${report.added} added, ${report.errors.length} errors`,
    });
    return {
      total: report.total,
      added: report.added,
      updated: report.updated,
      unchanged: report.unchanged,
      removed: report.removed,
      errors: report.errors.map((error) => ({ line: error.line, message: error.message })),
      warnings: report.warnings.map((warning) => ({ line: warning.line, message: warning.message })),
    };
  },
  async remove(id) {
    const removed = await vcard!.removeRecord(id);
    if (removed === undefined) throw new Error('no imported file has this contact');
    recentlyRemovedCards.put(id, removed);
    emit({ kind: 'info', message: `deleted a contact imported from ${removed.file}` });
  },
  async restore(id) {
    const removed = recentlyRemovedCards.get(id);
    if (removed === undefined) return cannotRestore();
    // The same record under its own id, so the GCDS's decisions about it (merges, hides) hold again.
    await vcard!.restoreRecord(removed);
    recentlyRemovedCards.delete(id);
    return { ok: true, id };
  },
};

type DemoBook = Comlink.Remote<DemoBookShareApi>;

async function seedLocal(demoBook: DemoBook, api: LocalContactsApi): Promise<void> {
  // Each contact is written once, its photo stored before it: a setPhoto afterwards would write it
  // again, and wake every reader once for each photo.
  const importWithPhotos = async (
    drafts: readonly ContactDraft[],
    photos: ReadonlyMap<string, Uint8Array>,
  ) => {
    const withPhoto = drafts.filter((draft) => draft.id !== undefined && photos.has(draft.id));
    if (withPhoto.length === 0) {
      await api.importMany(drafts);
      return;
    }
    const refs = await api.storePhotos(
      withPhoto.map((draft) => ({ bytes: photos.get(draft.id!)!, mediaType: 'image/png' })),
    );
    const refOf = new Map(withPhoto.map((draft, i) => [draft, refs[i]!]));
    await api.importMany(
      drafts.map((draft) => (refOf.has(draft) ? { ...draft, photo: refOf.get(draft)! } : draft)),
    );
  };
  // The head is written while the demo book's worker writes the rest of the book.
  const head = await demoBook.localHead();
  if (head.drafts.length > 0) await importWithPhotos(head.drafts, head.photos);
  const rest = await demoBook.localRest();
  emit({ kind: 'info', message: `adding ${rest.total} demo contacts` });
  const photos = new Map(rest.photos.map(({ id, bytes }) => [id, bytes]));
  const done = rest.total - rest.drafts.length;
  // After the head, small first batches doubling: the first people reach every app while the rest is written.
  for (const [start, end] of importBatches(rest.drafts.length)) {
    await importWithPhotos(rest.drafts.slice(start, end), photos);
    emit({
      kind: 'progress',
      message: 'demo contacts',
      progress: { done: done + end, total: rest.total },
    });
  }
}

async function seedVcard(demoBook: DemoBook, api: VcardProviderApi): Promise<void> {
  const { vcard: file, cards } = await demoBook.vcard();
  emit({ kind: 'info', message: `importing ${DEMO_VCF_NAME} (${cards} cards)` });
  const report = await api.importFile(DEMO_VCF_NAME, file, {
    onProgress: (progress) =>
      emit({
        kind: 'progress',
        message: DEMO_VCF_NAME,
        progress: { done: progress.done, total: progress.total },
      }),
  });
  emit({ kind: 'info', message: `${DEMO_VCF_NAME}: ${report.added} added, ${report.errors.length} errors` });
}

async function startFacebookServer(config: DeviceConfig, demoBook: DemoBook): Promise<FacebookServer> {
  const server = new FacebookServer({ seed: config.demo.seed, homeRegion: 'FR', latencyMs: 15 });
  for (const profile of await demoBook.friends()) server.addFriend(profile);
  return server;
}

const api: ProviderWorkerApi = {
  async install(config, id, onEvent, demoBookPort) {
    const demoBook = Comlink.wrap<DemoBookShareApi>(demoBookPort);
    emit = (event) => {
      void onEvent(event);
    };
    providerId = id;
    const platform = new DataStorePlatform({
      namespace: config.namespace,
      broadcastChannelName: config.channel,
    });
    registry = new ProviderRegistry(platform, { defaultRegion: config.region });
    let seeded = false;
    if (id === 'local') {
      local = (await registry.install(createLocalProvider())).api;
      if ((await (await storeOf(platform, id)).getRevision()) === 0) {
        await seedLocal(demoBook, local);
        seeded = true;
      }
    } else if (id === 'vcard') {
      vcard = (await registry.install(createVcardProvider())).api;
      if (
        (await vcard.listFiles()).length === 0 &&
        (await (await storeOf(platform, id)).getRevision()) === 0
      ) {
        await seedVcard(demoBook, vcard);
        seeded = true;
      }
    } else {
      // The network lives as long as this worker: the demo's friends are on it from the start.
      const server = await startFacebookServer(config, demoBook);
      const installed = await registry.install(
        createFacebookSimProvider({
          api: server,
          pageSize: 250,
          // Pages of 250 committed 1, 2, 4, then 8 at a time: the transactions the local provider writes.
          batching: DEFAULT_IMPORT_BATCHING,
          // The back-off wait is where a failed request shows: the shell logs it and shows the retry.
          sleep: (ms, signal) => {
            const attempt = facebook?.api.status().retry?.attempt;
            emit({
              kind: 'warn',
              message: `facebook-sim: request failed (attempt ${attempt ?? '?'}), retrying in ${Math.round(ms)} ms`,
            });
            return realSleep(ms, signal);
          },
        }),
      );
      facebook = { server, api: installed.api };
      seeded = true;
      void syncFacebook();
    }
    demoBook[Comlink.releaseProxy]();
    const store = (await platform.listStores(PROVIDER_STORE_NAME)).find((info) => info.owner === id);
    return { store, seeded };
  },

  async uninstall() {
    if (registry === undefined || providerId === undefined) return;
    await registry.uninstall(providerId);
  },

  connect(port) {
    if (providerId === 'local') Comlink.expose(localClient, port);
    else if (providerId === 'vcard') Comlink.expose(vcardClient, port);
    else port.close();
  },

  async facebook() {
    const fb = requireFacebook();
    const status = fb.api.status();
    return {
      friends: fb.server.liveFriends().length,
      counter: fb.server.counter,
      latencyMs: fb.server.latencyMs,
      failureRate: fb.server.failureRate,
      pendingFailures: 0,
      sync: {
        state: status.state,
        lastServerCounter: status.lastServerCounter,
        ...(status.lastError === undefined
          ? {}
          : { lastError: { message: status.lastError.message, at: status.lastError.at } }),
        ...(status.retry === undefined ? {} : { retry: { attempt: status.retry.attempt } }),
      },
    };
  },

  async facebookAction(action, count = 1) {
    const { server } = requireFacebook();
    let message: string;
    switch (action) {
      case 'add': {
        const guids = new Set(server.generateFriends(count));
        const names = server
          .liveFriends()
          .filter((friend) => guids.has(friend.guid))
          .map((friend) => friend.name);
        message = `server: new friend${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
        break;
      }
      case 'edit': {
        const friends = server.liveFriends();
        const edits = friends
          .slice(0, count)
          .map((friend) => `${friend.name} (${server.editFriend(friend.guid)})`);
        message = `server: edited ${edits.join(', ')}`;
        break;
      }
      case 'delete': {
        const friends = server.liveFriends().slice(-count);
        for (const friend of friends) server.deleteFriend(friend.guid);
        message = `server: deleted ${friends.map((friend) => friend.name).join(', ')}`;
        break;
      }
      case 'fail':
        server.failNext(count, { status: 503 });
        message = `server: the next ${count} requests fail with 503`;
        break;
      case 'flaky':
        server.failureRate = 0.3;
        message = 'server: 30% of requests fail';
        break;
      case 'steady':
        server.failureRate = 0;
        server.clearFailures();
        message = 'server: requests succeed again';
        break;
      case 'sync':
        message = 'sync requested';
        break;
    }
    emit({ kind: 'info', message });
    void syncFacebook();
    return message;
  },
};

function requireFacebook() {
  if (facebook === undefined) throw new Error('this worker does not run facebook-sim');
  return facebook;
}

async function syncFacebook(): Promise<void> {
  const fb = facebook;
  if (fb === undefined) return;
  try {
    const report = await fb.api.syncNow();
    emit({ kind: 'info', message: `facebook-sim synced to server counter ${report.serverCounter}` });
  } catch (error) {
    emit({
      kind: 'error',
      message: `facebook-sim sync failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

async function storeOf(platform: DataStorePlatform, owner: string) {
  const identity = platform.registerApp({ appId: `${owner}-seeder`, accessLevel: 'certified' });
  return platform.openStore(identity, PROVIDER_STORE_NAME, owner);
}

Comlink.expose(api);
