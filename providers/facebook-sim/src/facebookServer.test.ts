import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacebookApiError } from './facebookErrors';
import { FacebookServer } from './facebookServer';
import { createVirtualSleep } from './testing/virtualSleep';
import type { SyncToClientRequest, SyncToClientResponse, WireFriend } from './wireFormat';

async function rejection(promise: Promise<unknown>): Promise<FacebookApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FacebookApiError);
    return error as FacebookApiError;
  }
  throw new Error('expected a rejection');
}

/** Follows pages from `since` to the end, applying them to `replica`; `between` runs before each request. */
async function download(
  server: FacebookServer,
  replica: Map<string, WireFriend>,
  since: number,
  pageSize: number,
  between: () => void = () => undefined,
) {
  const pages: SyncToClientResponse[] = [];
  let token: string | undefined;
  let position = since;
  do {
    between();
    const request: SyncToClientRequest = {
      since: position,
      pageSize,
      ...(token === undefined ? {} : { pageToken: token }),
    };
    const page = await server.syncToClient(request);
    pages.push(page);
    for (const object of page.objects) {
      if (object.isdeleted) replica.delete(object.guid);
      else replica.set(object.guid, object);
    }
    position = page.upTo;
    token = page.nextPageToken;
  } while (token !== undefined);
  return { pages, position };
}

describe('FacebookServer: data', () => {
  it('generates the same network from the same seed', () => {
    const a = new FacebookServer({ seed: 8, friends: 30, now: () => 5 });
    const b = new FacebookServer({ seed: 8, friends: 30, now: () => 5 });
    const c = new FacebookServer({ seed: 9, friends: 30, now: () => 5 });
    expect(a.liveFriends()).toEqual(b.liveFriends());
    expect(a.liveFriends()).not.toEqual(c.liveFriends());
    expect(a.randomActivity(40)).toEqual(b.randomActivity(40));
    expect(a.liveFriends()).toEqual(b.liveFriends());
  });

  it('counts every add, edit, delete and undelete, and stamps the server clock', () => {
    let clock = 100;
    const server = new FacebookServer({ now: () => clock });
    const guid = server.addFriend({ first_name: 'Ann', last_name: 'Lee', phones: [], emails: [] });
    expect(server.counter).toBe(1);
    clock = 200;
    server.editFriend(guid, (p) => ({ ...p, nickname: 'Annie' }));
    server.deleteFriend(guid);
    expect(server.counter).toBe(3);
    expect(server.friend(guid)).toEqual({ guid, isdeleted: true, timestamp_lastupdate: 200 });
    server.undeleteFriend(guid);
    expect(server.counter).toBe(4);
    expect(server.friend(guid)).toMatchObject({
      nickname: 'Annie',
      timestamp_created: 100,
      timestamp_lastupdate: 200,
    });
    expect(() => server.editFriend('nobody')).toThrow(/no live friend/);
    expect(() => server.undeleteFriend(guid)).toThrow(/no deleted friend/);
    expect(() => server.addFriend({ first_name: ' ', last_name: '', phones: [], emails: [] })).toThrow(
      /name/,
    );
  });

  it('gives a changed picture a new id and keeps it when the picture stays', () => {
    const server = new FacebookServer({ seed: 2 });
    const picture = {
      bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1),
      mediaType: 'image/png',
    };
    const guid = server.addFriend({ first_name: 'Bo', last_name: 'Li', phones: [], emails: [], picture });
    const first = (server.friend(guid) as WireFriend).picture!.id;
    server.editFriend(guid, (p) => ({ ...p, nickname: 'B' }));
    expect((server.friend(guid) as WireFriend).picture!.id).toBe(first);
    server.editFriend(guid, (p) => ({
      ...p,
      picture: { bytes: Uint8Array.of(9, 9), mediaType: 'image/png' },
    }));
    const second = (server.friend(guid) as WireFriend).picture!.id;
    expect(second).not.toBe(first);
    expect(server.picture(second)?.bytes).toEqual(Uint8Array.of(9, 9));
    server.editFriend(guid, (p) => {
      delete p.picture;
      return p;
    });
    expect((server.friend(guid) as WireFriend).picture).toBeUndefined();
  });
});

describe('FacebookServer: syncToClient', () => {
  it('lists everything from 0 in pages: live friends and tombstones, each once', async () => {
    const server = new FacebookServer({ seed: 4, friends: 25 });
    const doomed = server
      .liveFriends()
      .slice(0, 3)
      .map((f) => f.guid);
    for (const guid of doomed) server.deleteFriend(guid);
    const replica = new Map<string, WireFriend>();
    const { pages, position } = await download(server, replica, 0, 7);
    expect(pages.map((p) => p.objects.length)).toEqual([7, 7, 7, 4]);
    expect(pages.slice(0, 3).every((p) => p.nextPageToken !== undefined)).toBe(true);
    expect(pages[3]!.nextPageToken).toBeUndefined();
    expect(position).toBe(server.counter);
    const guids = pages.flatMap((p) => p.objects.map((o) => o.guid));
    expect(new Set(guids).size).toBe(25);
    expect(pages.flatMap((p) => p.objects.filter((o) => o.isdeleted).map((o) => o.guid)).sort()).toEqual(
      doomed.sort(),
    );
    expect([...replica.values()].sort((a, b) => (a.guid < b.guid ? -1 : 1))).toEqual(server.liveFriends());
  });

  it('answers only what changed after `since`, and nothing once caught up', async () => {
    const server = new FacebookServer({ seed: 5, friends: 10 });
    const since = server.counter;
    const [a, b] = server.liveFriends();
    server.editFriend(a!.guid);
    server.deleteFriend(b!.guid);
    const page = await server.syncToClient({ since, pageSize: 100 });
    expect(page.objects.map((o) => [o.guid, o.isdeleted])).toEqual([
      [a!.guid, false],
      [b!.guid, true],
    ]);
    expect(await server.syncToClient({ since: server.counter, pageSize: 100 })).toEqual({
      objects: [],
      upTo: server.counter,
      serverCounter: server.counter,
    });
  });

  it('continues from a persisted upTo exactly as from the page token', async () => {
    const server = new FacebookServer({ seed: 6, friends: 30 });
    const first = await server.syncToClient({ since: 0, pageSize: 10 });
    const byToken = await server.syncToClient({ since: 0, pageSize: 10, pageToken: first.nextPageToken! });
    const byCounter = await server.syncToClient({ since: first.upTo, pageSize: 10 });
    expect(byCounter).toEqual(byToken);
  });

  it('never loses or doubles anything while the network changes between pages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 12 }),
        async (seed, friends, pageSize, activity) => {
          const server = new FacebookServer({ seed, friends });
          server.randomActivity(friends / 4);
          const replica = new Map<string, WireFriend>();
          const schedule = [...activity];
          const { pages } = await download(server, replica, 0, pageSize, () => {
            server.randomActivity(schedule.shift() ?? 0);
          });
          // The replica is the network as it was when the last page left: no gap.
          expect([...replica.keys()].sort()).toEqual(server.liveFriends().map((f) => f.guid));
          for (const friend of server.liveFriends()) expect(replica.get(friend.guid)).toEqual(friend);
          // No object twice in one page; and with no change between pages, none twice at all.
          for (const page of pages)
            expect(new Set(page.objects.map((o) => o.guid)).size).toBe(page.objects.length);
          if (activity.every((steps) => steps === 0)) {
            const all = pages.flatMap((p) => p.objects.map((o) => o.guid));
            expect(new Set(all).size).toBe(all.length);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses bad requests with 400 and unknown positions with 410', async () => {
    const server = new FacebookServer({ seed: 7, friends: 5, maxPageSize: 50 });
    expect((await rejection(server.syncToClient({ since: -1, pageSize: 10 }))).status).toBe(400);
    expect((await rejection(server.syncToClient({ since: 0, pageSize: 0 }))).status).toBe(400);
    expect((await rejection(server.syncToClient({ since: 0, pageSize: 51 }))).status).toBe(400);
    expect((await rejection(server.syncToClient({ since: 0, pageSize: 5, pageToken: 'nope' }))).code).toBe(
      'invalid_page_token',
    );
    const ahead = await rejection(server.syncToClient({ since: server.counter + 1, pageSize: 5 }));
    expect([ahead.status, ahead.resyncRequired]).toEqual([410, true]);
  });

  it('after purging tombstones, sends older counters to a full resync but still lists from 0', async () => {
    const server = new FacebookServer({ seed: 8, friends: 10 });
    const old = server.counter;
    const guid = server.liveFriends()[0]!.guid;
    server.deleteFriend(guid);
    server.editFriend(server.liveFriends()[0]!.guid);
    expect(server.purgeDeleted()).toBe(1);
    expect(server.friend(guid)).toBeUndefined();
    const stale = await rejection(server.syncToClient({ since: old, pageSize: 50 }));
    expect([stale.status, stale.code]).toEqual([410, 'resync_required']);
    const full = await server.syncToClient({ since: 0, pageSize: 50 });
    expect(full.objects.map((o) => o.guid).sort()).toEqual(server.liveFriends().map((f) => f.guid));
    // A client that had seen the deletion is not affected.
    expect((await server.syncToClient({ since: old + 1, pageSize: 50 })).objects).toHaveLength(1);
  });

  it('lets a listing begun after a purge page on below the horizon, but stops one a purge overtook', async () => {
    const server = new FacebookServer({ seed: 12, friends: 20 });
    server.deleteFriend(server.liveFriends()[0]!.guid);
    server.purgeDeleted();
    const fresh = await server.syncToClient({ since: 0, pageSize: 5 });
    const next = await server.syncToClient({
      since: fresh.upTo,
      pageSize: 5,
      pageToken: fresh.nextPageToken!,
    });
    expect(next.objects).toHaveLength(5);
    // Without its token the same position cannot be told from a client that fell behind the purge.
    expect((await rejection(server.syncToClient({ since: fresh.upTo, pageSize: 5 }))).status).toBe(410);

    server.deleteFriend(server.liveFriends()[0]!.guid);
    server.purgeDeleted();
    const overtaken = await rejection(
      server.syncToClient({ since: next.upTo, pageSize: 5, pageToken: next.nextPageToken! }),
    );
    expect([overtaken.status, overtaken.code]).toEqual([410, 'resync_required']);
  });
});

describe('FacebookServer: knobs', () => {
  it('waits its latency through the injected sleep and answers with the state after it', async () => {
    let server!: FacebookServer;
    const clock = createVirtualSleep(() => {
      server.addFriend({ first_name: 'Late', last_name: 'Comer', phones: [], emails: [] });
    });
    server = new FacebookServer({ seed: 9, friends: 2, latencyMs: 250, sleep: clock.sleep });
    const page = await server.syncToClient({ since: 0, pageSize: 10 });
    expect(clock.delays).toEqual([250]);
    expect(page.objects.map((o) => (o.isdeleted ? '' : o.first_name))).toContain('Late');
  });

  it('fails the requests failNext names, after skipping, for the endpoint asked', async () => {
    const server = new FacebookServer({ seed: 10, friends: 3 });
    const photoId = server.liveFriends().find((f) => f.picture !== undefined)?.picture?.id ?? 'none';
    server.failNext(2, { skip: 1, endpoint: 'sync', status: 429, retryAfterMs: 1_500 });
    await server.syncToClient({ since: 0, pageSize: 10 });
    await server.fetchPhoto(photoId).catch(() => undefined);
    const throttled = await rejection(server.syncToClient({ since: 0, pageSize: 10 }));
    expect([throttled.status, throttled.retryAfterMs, throttled.retryable]).toEqual([429, 1_500, true]);
    await rejection(server.syncToClient({ since: 0, pageSize: 10 }));
    await server.syncToClient({ since: 0, pageSize: 10 });
    expect(server.requestLog.map((r) => `${r.endpoint}:${r.status}`)).toEqual([
      'sync:200',
      photoId === 'none' ? 'photo:404' : 'photo:200',
      'sync:429',
      'sync:429',
      'sync:200',
    ]);
    server.failNext(Number.POSITIVE_INFINITY);
    await rejection(server.syncToClient({ since: 0, pageSize: 10 }));
    server.clearFailures();
    await server.syncToClient({ since: 0, pageSize: 10 });
  });

  it('fails at random at the configured rate, reproducibly per seed', async () => {
    const outcomes = async (seed: number) => {
      const server = new FacebookServer({ seed, friends: 1, failureRate: 0.3 });
      const results: boolean[] = [];
      for (let i = 0; i < 200; i += 1) {
        results.push(
          await server.syncToClient({ since: 0, pageSize: 5 }).then(
            () => true,
            () => false,
          ),
        );
      }
      return results;
    };
    const a = await outcomes(1);
    expect(a).toEqual(await outcomes(1));
    const failures = a.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });

  it('serves picture bytes by id, and 404 for unknown ones', async () => {
    const server = new FacebookServer({ seed: 11, friends: 20 });
    const friend = server.liveFriends().find((f) => f.picture !== undefined)!;
    const photo = await server.fetchPhoto(friend.picture!.id);
    expect(photo.mediaType).toBe('image/png');
    expect([...photo.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect((await rejection(server.fetchPhoto('pic-0'))).status).toBe(404);
  });
});
