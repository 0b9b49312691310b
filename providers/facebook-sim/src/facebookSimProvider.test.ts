import {
  AccessError,
  type ChangeEvent,
  type Contact,
  contentId,
  DataStorePlatform,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
  type SyncTask,
} from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { FacebookApiError, FacebookProtocolError } from './facebookErrors';
import { FacebookServer, type RequestRecord } from './facebookServer';
import {
  createFacebookSimProvider,
  FACEBOOK_SIM_PROVIDER_ID,
  type FacebookSimProviderOptions,
} from './facebookSimProvider';
import { openHarness } from './testing/providerHarness';
import { difference, expectedContents, storeContents } from './testing/storeContents';
import { TamperingApi } from './testing/tamperingApi';
import { createVirtualSleep } from './testing/virtualSleep';
import type { WireFriend } from './wireFormat';

const RETRY = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, jitter: 0 };

function options(api: FacebookSimProviderOptions['api'], extra: Partial<FacebookSimProviderOptions> = {}) {
  const clock = createVirtualSleep();
  return {
    clock,
    options: { api, pageSize: 20, retry: RETRY, sleep: clock.sleep, random: () => 0, ...extra },
  };
}

/** The store holds exactly the server's live friends: nothing missing (no gap), nothing extra. */
async function expectCaughtUp(reader: Parameters<typeof storeContents>[0], server: FacebookServer) {
  const actual = await storeContents(reader);
  const expected = await expectedContents(server);
  expect(difference(actual, expected)).toEqual({ missing: [], extra: [] });
  expect(actual).toEqual(expected);
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

async function syncTasks(reader: { sync(from: number): AsyncIterable<SyncTask<Contact>> }, from: number) {
  const tasks: SyncTask<Contact>[] = [];
  for await (const task of reader.sync(from)) tasks.push(task);
  return tasks;
}

const syncRequests = (log: RequestRecord[]) => log.filter((r) => r.endpoint === 'sync');
const served = (log: RequestRecord[]) =>
  syncRequests(log)
    .filter((r) => r.status === 200)
    .reduce((sum, r) => sum + (r.objects ?? 0), 0);

let namespaces = 0;

describe('installed through the registry', () => {
  it('owns a certified, read-only store: no edit methods, lower levels refused', async () => {
    namespaces += 1;
    const platform = new DataStorePlatform({ namespace: `facebook-sim-registry-${namespaces}` });
    const registry = new ProviderRegistry(platform, { now: () => 5_000 });
    const server = new FacebookServer({ seed: 1, friends: 30 });
    const installed = await registry.install(createFacebookSimProvider(options(server).options));
    expect(installed.manifest).toMatchObject({ accessLevel: 'certified', writable: false });
    expect(installed.id).toBe(FACEBOOK_SIM_PROVIDER_ID);
    expect(Object.keys(installed.api).sort()).toEqual(['fullResync', 'status', 'syncNow']);

    const report = await installed.api.syncNow();
    expect(report).toMatchObject({
      kind: 'first',
      reason: 'first-sync',
      written: 30,
      serverCounter: server.counter,
    });

    const system = platform.registerApp({ appId: 'system-app', accessLevel: 'certified' });
    const reader = await platform.openStore<Contact>(system, PROVIDER_STORE_NAME, FACEBOOK_SIM_PROVIDER_ID);
    await expectCaughtUp(reader, server);
    expect('put' in reader).toBe(false);

    const contactsApp = platform.registerApp({ appId: 'contacts-app', accessLevel: 'privileged' });
    await expect(
      platform.openStore(contactsApp, PROVIDER_STORE_NAME, FACEBOOK_SIM_PROVIDER_ID),
    ).rejects.toBeInstanceOf(AccessError);
    const visible = await platform.getDataStores(contactsApp, PROVIDER_STORE_NAME);
    expect(visible.map((store) => store.owner)).not.toContain(FACEBOOK_SIM_PROVIDER_ID);

    expect(installed.api.status()).toMatchObject({
      state: 'idle',
      lastServerCounter: server.counter,
      lastSyncedAt: 5_000,
    });
    await registry.shutdown();
    await expect(installed.api.syncNow()).rejects.toThrow();
    await platform.close();
  });
});

describe('first sync', () => {
  it('pages through every friend and stores each picture once, by content, beside a thumbnail', async () => {
    const server = new FacebookServer({ seed: 2, friends: 120 });
    const { options: o } = options(server);
    const h = await openHarness(o);
    const events: ChangeEvent[] = [];
    h.reader.changes$.subscribe((event) => events.push(event));
    const report = await h.api.syncNow();
    expect(report).toMatchObject({
      kind: 'first',
      pages: 6,
      written: 120,
      deleted: 0,
      staleRemoved: 0,
      retries: 0,
    });
    await expectCaughtUp(h.reader, server);
    expect(await h.reader.getRevision()).toBe(120);

    const pictured = server.liveFriends().filter((f) => f.picture !== undefined);
    expect(report.photosFetched).toBe(pictured.length);
    const photoIds = new Set<string>();
    for (const friend of pictured) {
      const record = (await h.reader.get(friend.guid))!;
      const bytes = server.picture(friend.picture!.id)!.bytes;
      expect(record.photo).toEqual({
        id: await contentId(bytes),
        thumbnailId: await contentId(bytes),
        mediaType: 'image/png',
      });
      expect((await h.reader.getBlob(record.photo!.id))?.bytes).toEqual(bytes);
      photoIds.add(record.photo!.id);
    }
    // The default silhouette is shared: fewer blobs than pictured friends.
    expect(photoIds.size).toBeLessThan(pictured.length);
    // Change events and records carry ids and references, never picture bytes.
    expect(JSON.stringify(events)).not.toMatch(/bytes/);
    expect(JSON.stringify([...(await storeContents(h.reader)).values()])).not.toMatch(/bytes|base64/);
    await h.close();
  });

  it('resumes after a failure mid-pagination: no duplicate, no gap', async () => {
    const server = new FacebookServer({ seed: 3, friends: 100 });
    const { options: o, clock } = options(server);
    const h = await openHarness(o);
    server.failNext(Number.POSITIVE_INFINITY, { skip: 2, endpoint: 'sync' });
    const error = await caught(h.api.syncNow());
    expect(error).toBeInstanceOf(FacebookApiError);
    expect(clock.delays).toEqual([500, 1_000, 2_000]);
    const status = h.api.status();
    expect(status).toMatchObject({ state: 'failed', lastError: { status: 503 }, lastServerCounter: 0 });
    expect(status.listing).toMatchObject({ kind: 'first', position: 40 });
    // Exactly the first two pages are in, committed with their position.
    expect(await h.reader.getLength()).toBe(40);

    server.clearFailures();
    const before = server.requestLog.length;
    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'first', startedFrom: 40, pages: 3, written: 60 });
    expect(server.requestLog[before]).toMatchObject({ endpoint: 'sync', since: 40 });
    expect(served(server.requestLog)).toBe(100);
    expect(await h.reader.getRevision()).toBe(100);
    await expectCaughtUp(h.reader, server);
    expect(h.api.status()).toMatchObject({ state: 'idle', lastServerCounter: server.counter });
    expect(h.api.status().listing).toBeUndefined();
    expect(h.api.status().lastError).toBeUndefined();
    await h.close();
  });

  it('resumes after the provider is killed mid-pagination and restarted over the same store', async () => {
    let h!: Awaited<ReturnType<typeof openHarness>>;
    let server!: FacebookServer;
    // Killed while the fourth page request is on the wire: three pages are committed, the fourth is not.
    const latency = createVirtualSleep(() => {
      if (syncRequests(server.requestLog).length === 4) h.kill();
    });
    server = new FacebookServer({ seed: 4, friends: 90, latencyMs: 30, sleep: latency.sleep });
    h = await openHarness(options(server).options);
    expect((await caught(h.api.syncNow())).message).toBe('provider killed');
    expect(await h.reader.getLength()).toBe(60);

    await h.restart();
    expect(h.api.status().listing?.position).toBe(60);
    server.randomActivity(40);
    const resumeAt = h.api.status().listing!.position;
    const before = server.requestLog.length;
    const report = await h.api.syncNow();
    expect(report.startedFrom).toBe(resumeAt);
    expect(syncRequests(server.requestLog.slice(before))[0]).toMatchObject({ since: resumeAt });
    await expectCaughtUp(h.reader, server);
    await h.close();
  });
});

describe('incremental sync', () => {
  it('brings server edits and deletes, by counter, without asking for everything again', async () => {
    const server = new FacebookServer({ seed: 5, friends: 60 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    const revision = await h.reader.getRevision();
    const since = server.counter;
    server.randomActivity(50);
    const [edited, deleted] = server.liveFriends();
    server.editFriend(edited!.guid, (p) => ({
      ...p,
      phones: [{ number: '+1 415-555-0199', type: 'mobile' }],
    }));
    server.deleteFriend(deleted!.guid);
    const before = server.requestLog.length;

    const report = await h.api.syncNow();
    expect(report.kind).toBe('incremental');
    expect(report.startedFrom).toBe(since);
    expect(report.deleted).toBeGreaterThan(0);
    expect(syncRequests(server.requestLog.slice(before)).every((r) => (r.since ?? 0) >= since)).toBe(true);
    await expectCaughtUp(h.reader, server);

    const tasks = await syncTasks(h.reader, revision);
    const removeTask = tasks.find((t) => 'id' in t && t.id === deleted!.guid);
    expect(removeTask?.operation).toBe('remove');
    const editTask = tasks.find((t) => 'id' in t && t.id === edited!.guid);
    expect(editTask?.operation === 'update' || editTask?.operation === 'add').toBe(true);
    expect(editTask && 'data' in editTask ? editTask.data.tel : undefined).toEqual([
      { value: '+1 415-555-0199', type: ['cell'] },
    ]);
    expect(tasks.some((t) => t.operation === 'clear')).toBe(false);
    await h.close();
  });

  it('does not download a picture again when only other fields change', async () => {
    const server = new FacebookServer({ seed: 6, friends: 40 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    const pictured = server
      .liveFriends()
      .filter((f) => f.picture !== undefined)
      .slice(0, 5);
    for (const friend of pictured) server.editFriend(friend.guid, (p) => ({ ...p, nickname: 'Changed' }));
    const before = server.requestLog.length;
    const report = await h.api.syncNow();
    expect(report).toMatchObject({ written: 5, photosFetched: 0 });
    expect(server.requestLog.slice(before).filter((r) => r.endpoint === 'photo')).toEqual([]);
    await expectCaughtUp(h.reader, server);
    await h.close();
  });

  it('queues calls: a second sync waits for the first and finds nothing new', async () => {
    const server = new FacebookServer({ seed: 7, friends: 50 });
    const h = await openHarness(options(server).options);
    const [first, second] = await Promise.all([h.api.syncNow(), h.api.syncNow()]);
    expect(first.written).toBe(50);
    expect(second).toMatchObject({ kind: 'incremental', pages: 1, written: 0, startedFrom: server.counter });
    const sinces = syncRequests(server.requestLog).map((r) => r.since);
    expect(sinces).toEqual([...sinces].sort((a, b) => (a ?? 0) - (b ?? 0)));
    await h.close();
  });
});

describe('retries', () => {
  it('retries failed requests with exponential back-off and reports it', async () => {
    const server = new FacebookServer({ seed: 8, friends: 30 });
    const states: string[] = [];
    let h!: Awaited<ReturnType<typeof openHarness>>;
    const clock = createVirtualSleep(() => {
      states.push(h.api.status().state);
    });
    h = await openHarness({ ...options(server).options, sleep: clock.sleep });
    server.failNext(3, { endpoint: 'sync' });
    server.failNext(1, { endpoint: 'photo' });
    const report = await h.api.syncNow();
    expect(report.retries).toBe(4);
    expect(clock.delays).toEqual([500, 1_000, 2_000, 500]);
    expect(states).toEqual(['retrying', 'retrying', 'retrying', 'retrying']);
    expect(h.api.status()).toMatchObject({ state: 'idle' });
    expect(h.api.status().retry).toBeUndefined();
    await expectCaughtUp(h.reader, server);
    await h.close();
  });

  it("waits at least the server's Retry-After", async () => {
    const server = new FacebookServer({ seed: 9, friends: 5 });
    const { options: o, clock } = options(server);
    const h = await openHarness(o);
    server.failNext(1, { status: 429, retryAfterMs: 7_000 });
    await h.api.syncNow();
    expect(clock.delays).toEqual([7_000]);
    await h.close();
  });

  it('does not retry a request the server refused as bad', async () => {
    const server = new FacebookServer({ seed: 10, friends: 5 });
    const { options: o, clock } = options(server);
    const h = await openHarness(o);
    server.failNext(1, { status: 403 });
    const error = await caught(h.api.syncNow());
    expect((error as FacebookApiError).status).toBe(403);
    expect(clock.delays).toEqual([]);
    expect(h.api.status()).toMatchObject({
      state: 'failed',
      lastError: { status: 403, message: '403: injected failure' },
    });
    expect(await h.reader.getLength()).toBe(0);
    await h.api.syncNow();
    await expectCaughtUp(h.reader, server);
    await h.close();
  });
});

describe('full resync', () => {
  it('converges after the store was tampered with and compacted, without ever clearing it', async () => {
    const server = new FacebookServer({ seed: 11, friends: 80 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    const ids = [...(await storeContents(h.reader)).keys()];
    // What a bug or a restored backup could leave: records lost, foreign ones, stale data.
    for (const id of ids.slice(0, 5)) await h.owner.remove(id);
    await h.owner.put('not-a-friend-1', { id: 'not-a-friend-1', given: 'Ghost' });
    await h.owner.put('not-a-friend-2', { id: 'not-a-friend-2', given: 'Phantom' });
    for (const id of ids.slice(5, 8)) await h.owner.put(id, { id, given: 'Tampered' });
    h.tick(365 * 24 * 3600 * 1000);
    await h.owner.compact();

    const events: ChangeEvent[] = [];
    h.reader.changes$.subscribe((event) => events.push(event));
    server.randomActivity(10);
    const report = await h.api.fullResync();
    expect(report).toMatchObject({ kind: 'full', reason: 'requested', startedFrom: 0, staleRemoved: 2 });
    expect(report.unchanged).toBeGreaterThan(50);
    await expectCaughtUp(h.reader, server);
    expect(events.some((event) => event.operation === 'clear')).toBe(false);
    await h.close();
  });

  it('starts by itself when the server purged deletions we had not seen', async () => {
    const server = new FacebookServer({ seed: 12, friends: 50 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    const gone = server
      .liveFriends()
      .slice(0, 4)
      .map((f) => f.guid);
    for (const guid of gone) server.deleteFriend(guid);
    server.randomActivity(20);
    server.purgeDeleted();

    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'full', reason: 'server-required' });
    expect(report.staleRemoved).toBeGreaterThanOrEqual(4);
    for (const guid of gone) expect(await h.reader.get(guid)).toBeUndefined();
    await expectCaughtUp(h.reader, server);
    expect((await h.api.syncNow()).kind).toBe('incremental');
    await h.close();
  });

  it('resumes an interrupted resync after a restart where it stopped, and removes what the server lost', async () => {
    const server = new FacebookServer({ seed: 13, friends: 70 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    await h.owner.put('stray', { id: 'stray', given: 'Stray' });
    server.failNext(Number.POSITIVE_INFINITY, { skip: 2, endpoint: 'sync' });
    await caught(h.api.fullResync());
    expect(h.api.status().listing).toMatchObject({ kind: 'full', reason: 'requested', position: 40 });

    await h.restart();
    server.clearFailures();
    const gone = server.liveFriends()[0]!.guid;
    server.deleteFriend(gone);
    server.randomActivity(15);
    const before = server.requestLog.length;
    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'full', reason: 'requested', startedFrom: 40, staleRemoved: 1 });
    const after = syncRequests(server.requestLog.slice(before));
    expect(after[0]).toMatchObject({ since: 40 });
    expect(after.some((r) => r.since === 0)).toBe(false);
    expect(await h.reader.get('stray')).toBeUndefined();
    expect(await h.reader.get(gone)).toBeUndefined();
    await expectCaughtUp(h.reader, server);
    await h.close();
  });

  it('starts the listing over when a purge overtakes it, and converges', async () => {
    const server = new FacebookServer({ seed: 18, friends: 70 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    server.failNext(Number.POSITIVE_INFINITY, { skip: 2, endpoint: 'sync' });
    await caught(h.api.fullResync());
    server.clearFailures();
    // A friend the interrupted listing already stored is deleted, and the deletion purged before we see it.
    const [gone] = [...(await storeContents(h.reader)).keys()];
    server.deleteFriend(gone!);
    server.purgeDeleted();
    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'full', reason: 'server-required' });
    expect(await h.reader.get(gone!)).toBeUndefined();
    await expectCaughtUp(h.reader, server);
    await h.close();
  });

  it('recovers from a saved state it cannot read by listing everything', async () => {
    const server = new FacebookServer({ seed: 14, friends: 30 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    await h.owner.bulk([], { meta: { 'facebook-sim:sync': { version: 99 } } });
    await h.restart();
    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'full', reason: 'state-unreadable', written: 0, unchanged: 30 });
    await expectCaughtUp(h.reader, server);
    await h.close();
  });
});

describe('bad input from the network', () => {
  it('refuses a malformed page with a clear error, writes nothing of it, and resumes later', async () => {
    const server = new FacebookServer({ seed: 15, friends: 60 });
    const api = new TamperingApi(server);
    const h = await openHarness(options(api).options);
    api.tamperPage = (page, request) => {
      if (request.since === 0) return page;
      const friend = page.objects.find((o) => !o.isdeleted) as WireFriend;
      (friend.phones as unknown[]).push({ number: 12345, type: 'mobile' });
      return page;
    };
    const error = await caught(h.api.syncNow());
    expect(error).toBeInstanceOf(FacebookProtocolError);
    expect(error.message).toMatch(
      /response\.objects\[\d+\]\.phones\[\d+\]\.number: expected a non-empty string, got 12345/,
    );
    expect(await h.reader.getRevision()).toBe(20);
    expect(h.api.status()).toMatchObject({ state: 'failed', listing: { position: 20 } });

    delete api.tamperPage;
    expect((await h.api.syncNow()).startedFrom).toBe(20);
    await expectCaughtUp(h.reader, server);
    await h.close();
  });

  it('stores a friend without its picture when the picture is gone or not an image', async () => {
    const server = new FacebookServer({ seed: 16, friends: 30 });
    const api = new TamperingApi(server);
    const pictured = server.liveFriends().filter((f) => f.picture !== undefined);
    const [missing, garbled] = pictured;
    api.tamperPhoto = (photoId, photo) => {
      if (photoId === missing!.picture!.id) throw new FacebookApiError(404, 'no such picture');
      if (photoId === garbled!.picture!.id)
        return { bytes: new TextEncoder().encode('<html>'), mediaType: 'image/png' };
      return photo;
    };
    const h = await openHarness(options(api).options);
    const report = await h.api.syncNow();
    expect(report.photoProblems.map((p) => p.guid).sort()).toEqual([missing!.guid, garbled!.guid].sort());
    expect(report.photoProblems.find((p) => p.guid === garbled!.guid)?.message).toMatch(/not image\/png/);
    expect((await h.reader.get(missing!.guid))?.photo).toBeUndefined();
    expect((await h.reader.get(garbled!.guid))?.photo).toBeUndefined();
    expect((await h.reader.get(missing!.guid))?.family).toBe(missing!.last_name);
    expect(await h.reader.getLength()).toBe(30);
    await h.close();
  });
});

describe('status', () => {
  it('survives a restart', async () => {
    const server = new FacebookServer({ seed: 17, friends: 25 });
    const h = await openHarness(options(server).options);
    await h.api.syncNow();
    await h.restart();
    expect(h.api.status()).toEqual({ state: 'idle', lastServerCounter: server.counter });
    await h.close();
  });
});
