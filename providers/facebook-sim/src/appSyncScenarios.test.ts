import type { ChangeEvent, Contact, SyncTask } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { FacebookServer } from './facebookServer';
import { FACEBOOK_SIM_MANIFEST, type FacebookSimProviderOptions } from './facebookSimProvider';
import type { FriendProfile } from './friendGenerator';
import { openHarness } from './testing/providerHarness';
import { difference, expectedContents, storeContents } from './testing/storeContents';
import { createVirtualSleep } from './testing/virtualSleep';
import type { FacebookApi, WireFriend } from './wireFormat';

/*
 * The nine unit-test scenarios of the appSync seed, adapted to this provider's one-way sync. The network is
 * the server; the provider's store is the client. The user cannot edit that store (manifest writable: false,
 * no edit methods), so the client never uploads and never has a change of its own: every "client change"
 * scenario becomes "the client must not send anything", and every conflict resolves with server priority.
 */

type Harness = Awaited<ReturnType<typeof openHarness>>;

function optionsFor(
  api: FacebookApi,
  extra: Partial<FacebookSimProviderOptions> = {},
): FacebookSimProviderOptions {
  return {
    api,
    pageSize: 15,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, jitter: 0 },
    sleep: createVirtualSleep().sleep,
    random: () => 0,
    ...extra,
  };
}

async function expectCaughtUp(h: Harness, server: FacebookServer) {
  const actual = await storeContents(h.reader);
  const expected = await expectedContents(server);
  expect(difference(actual, expected)).toEqual({ missing: [], extra: [] });
  expect(actual).toEqual(expected);
}

async function tasksSince(h: Harness, revision: number) {
  const tasks: SyncTask<Contact>[] = [];
  for await (const task of h.reader.sync(revision)) tasks.push(task);
  return tasks;
}

const person = (first: string, last: string, phone: string): FriendProfile => ({
  first_name: first,
  last_name: last,
  phones: [{ number: phone, type: 'mobile' }],
  emails: [],
});

/** An API in front of the server that records which endpoints the provider calls. */
function recording(server: FacebookServer) {
  const calls: string[] = [];
  const api: FacebookApi = {
    syncToClient: (request) => {
      calls.push('syncToClient');
      return server.syncToClient(request);
    },
    fetchPhoto: (id) => {
      calls.push('fetchPhoto');
      return server.fetchPhoto(id);
    },
  };
  return { api, calls };
}

describe('appSync scenarios, one way', () => {
  // 1. "Sync from server to client: new objects and object updates (updates from both client and server)".
  // Adapted: only the server updates; the client has no update of its own to bring.
  it('1. server to client: new objects and updates arrive', async () => {
    const server = new FacebookServer({ seed: 1, friends: 20 });
    const h = await openHarness(optionsFor(server));
    await h.api.syncNow();
    const added = [1, 2, 3].map((n) => server.addFriend(person(`New${n}`, 'Friend', `+1415555010${n}`)));
    const updated = server
      .liveFriends()
      .filter((f) => !added.includes(f.guid))
      .slice(0, 3)
      .map((f) => f.guid);
    for (const guid of updated) server.editFriend(guid, (p) => ({ ...p, nickname: 'Updated' }));

    const report = await h.api.syncNow();
    expect(report).toMatchObject({ kind: 'incremental', written: 6, deleted: 0 });
    for (const guid of added) expect((await h.reader.get(guid))?.family).toBe('Friend');
    for (const guid of updated) expect((await h.reader.get(guid))?.nickname).toEqual(['Updated']);
    await expectCaughtUp(h, server);
    await h.close();
  });

  // 2. "Sync from client to server: new objects and object updates".
  // Adapted: the upload half does not exist. The client offers no way to create or edit, calls only the two
  // read endpoints, and a sync never changes the server.
  it('2. client to server: nothing is ever sent, because the client cannot change anything', async () => {
    const server = new FacebookServer({ seed: 2, friends: 25 });
    const { api, calls } = recording(server);
    const h = await openHarness(optionsFor(api));
    expect(FACEBOOK_SIM_MANIFEST.writable).toBe(false);
    expect(Object.keys(h.api).sort()).toEqual(['fullResync', 'status', 'syncNow']);
    const counter = server.counter;
    const before = server.liveFriends();
    await h.api.syncNow();
    await h.api.fullResync();
    expect(new Set(calls)).toEqual(new Set(['syncToClient', 'fetchPhoto']));
    expect(server.counter).toBe(counter);
    expect(server.liveFriends()).toEqual(before);
    await h.close();
  });

  // 3. "Sync from client A to server to other client B".
  // Adapted: the change comes from another client of the network (its website), reaches the server, and
  // from there every device: two devices syncing the same account both receive it.
  it('3. a change made elsewhere reaches every device through the server', async () => {
    const server = new FacebookServer({ seed: 3, friends: 20 });
    const deviceA = await openHarness(optionsFor(server));
    const deviceB = await openHarness(optionsFor(server));
    await deviceA.api.syncNow();
    await deviceB.api.syncNow();
    const guid = server.liveFriends()[4]!.guid;
    server.editFriend(guid, (p) => ({
      ...p,
      emails: [{ address: 'changed.on.the.web@example.com', type: 'personal' }],
    }));
    await deviceA.api.syncNow();
    await deviceB.api.syncNow();
    for (const device of [deviceA, deviceB]) {
      expect((await device.reader.get(guid))?.email).toEqual([
        { value: 'changed.on.the.web@example.com', type: ['home'] },
      ]);
      await expectCaughtUp(device, server);
    }
    await deviceA.close();
    await deviceB.close();
  });

  // 4. "No unneeded syncing: a client does not receive its own update again".
  // Adapted: with no own updates, the rule becomes: a sync with nothing new transfers and writes nothing, and
  // a full listing of unchanged data rewrites nothing (readers are not woken for nothing).
  it('4. no unneeded syncing: nothing new means no objects, no writes, no events', async () => {
    const server = new FacebookServer({ seed: 4, friends: 30 });
    const h = await openHarness(optionsFor(server));
    await h.api.syncNow();
    const revision = await h.reader.getRevision();
    const events: ChangeEvent[] = [];
    h.reader.changes$.subscribe((event) => events.push(event));
    const requests = server.requestLog.length;

    const again = await h.api.syncNow();
    expect(again).toMatchObject({ kind: 'incremental', pages: 1, written: 0, deleted: 0, photosFetched: 0 });
    expect(server.requestLog.slice(requests)).toEqual([
      expect.objectContaining({ endpoint: 'sync', since: server.counter, objects: 0 }),
    ]);

    const full = await h.api.fullResync();
    expect(full).toMatchObject({
      kind: 'full',
      written: 0,
      unchanged: 30,
      staleRemoved: 0,
      photosFetched: 0,
    });
    expect(await h.reader.getRevision()).toBe(revision);
    expect(events).toEqual([]);
    await h.close();
  });

  // 5. "Syncing of deleted objects (soft delete: isdeleted=1)".
  // Adapted as is: server soft deletes arrive as tombstones and remove the record; an undelete brings it
  // back; an object created and deleted between two syncs never shows up at all.
  it('5. soft deletes arrive as removals; undeletes and short-lived objects are handled', async () => {
    const server = new FacebookServer({ seed: 5, friends: 20 });
    const h = await openHarness(optionsFor(server));
    await h.api.syncNow();
    const revision = await h.reader.getRevision();
    const [deleted, restored] = server.liveFriends();
    server.deleteFriend(deleted!.guid);
    server.deleteFriend(restored!.guid);
    server.undeleteFriend(restored!.guid);
    const ephemeral = server.addFriend(person('Brief', 'Visit', '+14155550142'));
    server.deleteFriend(ephemeral);

    const report = await h.api.syncNow();
    expect(report.deleted).toBe(1);
    expect(await h.reader.get(deleted!.guid)).toBeUndefined();
    expect(await h.reader.get(restored!.guid)).toBeDefined();
    const tasks = await tasksSince(h, revision);
    expect(tasks.filter((t) => t.operation === 'remove').map((t) => ('id' in t ? t.id : ''))).toEqual([
      deleted!.guid,
    ]);
    expect(tasks.some((t) => 'id' in t && t.id === ephemeral)).toBe(false);
    await expectCaughtUp(h, server);
    await h.close();
  });

  // 6. "Syncing with conflict handling: object updated on the client and on the server, then sync".
  // Adapted: the user cannot update, so the only client-side version is a divergence (a restored backup,
  // a bug writing through the owner handle). Server priority is the natural and only strategy: the next
  // server change of that object overwrites it, and a full resync restores it even without one.
  it('6. conflicts resolve with server priority', async () => {
    const server = new FacebookServer({ seed: 6, friends: 20 });
    const h = await openHarness(optionsFor(server));
    await h.api.syncNow();
    const [editedOnBoth, divergedOnly] = server.liveFriends();
    for (const friend of [editedOnBoth!, divergedOnly!]) {
      await h.owner.put(friend.guid, { id: friend.guid, given: 'Local', family: 'Version' });
    }
    server.editFriend(editedOnBoth!.guid, (p) => ({ ...p, first_name: 'Server' }));

    await h.api.syncNow();
    expect((await h.reader.get(editedOnBoth!.guid))?.given).toBe('Server');
    // Untouched on the server: an incremental sync has no reason to look at it.
    expect((await h.reader.get(divergedOnly!.guid))?.given).toBe('Local');
    await h.api.fullResync();
    expect((await h.reader.get(divergedOnly!.guid))?.given).toBe(divergedOnly!.first_name);
    await expectCaughtUp(h, server);
    await h.close();
  });

  // 7. "Syncing with primary key conflict: object with same PK created on the client and on the server".
  // Adapted: the client creates nothing. A friend's natural key would be name + number; two server objects
  // sharing it (one person with two accounts) stay two records keyed by guid: this provider never merges,
  // that is the GCDS's conservative job. An unfriend + refriend (new guid) leaves no duplicate behind.
  it('7. same natural key, different guids: kept apart by guid, no leftover after a re-add', async () => {
    const server = new FacebookServer({ seed: 7, friends: 5 });
    const h = await openHarness(optionsFor(server));
    const first = server.addFriend(person('Ann', 'Lee', '+14155550177'));
    const second = server.addFriend(person('Ann', 'Lee', '+14155550177'));
    await h.api.syncNow();
    expect((await h.reader.get(first))?.tel).toEqual((await h.reader.get(second))?.tel);
    expect(await h.reader.getLength()).toBe(7);

    server.deleteFriend(first);
    const readded = server.addFriend(person('Ann', 'Lee', '+14155550177'));
    await h.api.syncNow();
    expect(await h.reader.get(first)).toBeUndefined();
    expect(await h.reader.get(readded)).toBeDefined();
    const annLees = [...(await storeContents(h.reader)).values()].filter(
      (c) => c.given === 'Ann' && c.family === 'Lee',
    );
    expect(annLees.map((c) => c.id).sort()).toEqual([second, readded].sort());
    await h.close();
  });

  // 8. "Primary key conflict between client A and client B (2 full cycles): the object is then identical on
  // all clients and on the server". Adapted: two devices sync one account through different failures and
  // interleaved server activity; after two cycles both are identical to each other and to the server.
  it('8. two devices, interleaved activity and failures: identical everywhere after two cycles', async () => {
    const server = new FacebookServer({ seed: 8, friends: 40 });
    const deviceA = await openHarness(optionsFor(server, { pageSize: 7 }));
    const deviceB = await openHarness(optionsFor(server, { pageSize: 11 }));
    for (let cycle = 0; cycle < 2; cycle += 1) {
      server.randomActivity(25);
      server.failNext(2, { endpoint: 'sync' });
      await deviceA.api.syncNow();
      server.randomActivity(10);
      server.failNext(1, { endpoint: 'photo' });
      await deviceB.api.syncNow();
      await deviceA.api.syncNow();
    }
    const a = await storeContents(deviceA.reader);
    const b = await storeContents(deviceB.reader);
    expect(a).toEqual(b);
    await expectCaughtUp(deviceA, server);
    await deviceA.close();
    await deviceB.close();
  });

  // 9. "Full sync, with locally created objects that are not synced yet".
  // Adapted: there are no local objects to upload. A full sync (counter reset to 0) lists everything from
  // the server, keeps the server's set, drops local records the server does not know, and uploads nothing.
  it('9. full sync: everything listed again, unknown local records dropped, nothing uploaded', async () => {
    const server = new FacebookServer({ seed: 9, friends: 35 });
    const { api, calls } = recording(server);
    const h = await openHarness(optionsFor(api));
    await h.api.syncNow();
    await h.owner.put('local-only', { id: 'local-only', given: 'Never', family: 'Synced' });
    server.randomActivity(20);
    const counter = server.counter;

    const before = server.requestLog.length;
    const report = await h.api.fullResync();
    expect(report).toMatchObject({ kind: 'full', startedFrom: 0, staleRemoved: 1 });
    expect(server.requestLog[before]).toMatchObject({ endpoint: 'sync', since: 0 });
    expect(await h.reader.get('local-only')).toBeUndefined();
    expect(server.counter).toBe(counter);
    expect(new Set(calls)).toEqual(new Set(['syncToClient', 'fetchPhoto']));
    await expectCaughtUp(h, server);
    const friends: WireFriend[] = server.liveFriends();
    expect(await h.reader.getLength()).toBe(friends.length);
    await h.close();
  });
});
