import { DEFAULT_IMPORT_BATCHING } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { FacebookServer } from './facebookServer';
import {
  DEFAULT_FRIEND_BATCHING,
  type FacebookSimProviderOptions,
  pagesPerCommit,
} from './facebookSimProvider';
import { type CrashPlan, crashingStore, SimulatedCrash } from './testing/crashingStore';
import { openHarness } from './testing/providerHarness';
import { difference, expectedContents, storeContents } from './testing/storeContents';
import { createVirtualSleep } from './testing/virtualSleep';

/* Several pages in one store transaction: fewer, larger commits, each still carrying the position it covers. */

const RETRY = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, jitter: 0 };

function providerOptions(server: FacebookServer, extra: Partial<FacebookSimProviderOptions> = {}) {
  return { api: server, retry: RETRY, sleep: createVirtualSleep().sleep, random: () => 0, ...extra };
}

/** Pages of 10, committed 2, then 4, then 8 pages at a time (20, 40, 80 friends). */
const GROUPED = { pageSize: 10, batching: { first: 25, max: 80 } };

/** A store that counts the friends each bulk writes, and crashes as `plan` says. */
function counting(bulks: number[], plan: CrashPlan = {}) {
  return (store: Parameters<typeof crashingStore>[0]) => {
    const crashing = crashingStore(store, plan);
    return {
      ...crashing,
      bulk: (...args: Parameters<typeof crashing.bulk>) => {
        bulks.push(args[0].filter((o) => o.operation === 'put').length);
        return crashing.bulk(...args);
      },
    };
  };
}

const syncRequests = (server: FacebookServer) => server.requestLog.filter((r) => r.endpoint === 'sync');
const served = (server: FacebookServer) =>
  syncRequests(server)
    .filter((r) => r.status === 200)
    .reduce((sum, r) => sum + (r.objects ?? 0), 0);

async function expectCaughtUp(h: Awaited<ReturnType<typeof openHarness>>, server: FacebookServer) {
  const actual = await storeContents(h.reader);
  const expected = await expectedContents(server);
  expect(difference(actual, expected)).toEqual({ missing: [], extra: [] });
  expect(actual).toEqual(expected);
}

describe('a listing committed several pages at a time', () => {
  it('rounds the batching to whole pages: 200 friends first, up to 2,000, at the defaults', () => {
    expect(pagesPerCommit(200, DEFAULT_IMPORT_BATCHING)).toEqual({ first: 1, max: 10, firstBatches: 4 });
    expect(pagesPerCommit(250, DEFAULT_IMPORT_BATCHING)).toEqual({ first: 1, max: 8, firstBatches: 4 });
    expect(pagesPerCommit(1_000, DEFAULT_IMPORT_BATCHING)).toEqual({ first: 1, max: 2, firstBatches: 4 });
    expect(DEFAULT_FRIEND_BATCHING).toEqual({ first: 200, max: 2_000, firstBatches: 4 });
    expect(() => pagesPerCommit(10, { first: 50, max: 20 })).toThrow(RangeError);
  });

  it('grows its transactions while the server still sees requests of one page size', async () => {
    const server = new FacebookServer({ seed: 1, friends: 300 });
    const bulks: number[] = [];
    const h = await openHarness(providerOptions(server, GROUPED), counting(bulks));
    const report = await h.api.syncNow();
    expect(bulks).toEqual([20, 40, 80, 80, 80]);
    expect(report).toMatchObject({ kind: 'first', pages: 30, written: 300 });
    expect(syncRequests(server).map((r) => r.pageSize)).toEqual(Array.from({ length: 30 }, () => 10));
    expect(await h.reader.getRevision()).toBe(300);
    await expectCaughtUp(h, server);
    await h.close();
  });

  it('groups pages of the default size when no page size is given, and not when one is', async () => {
    const server = new FacebookServer({ seed: 2, friends: 1_400 });
    const bulks: number[] = [];
    const h = await openHarness(providerOptions(server), counting(bulks));
    await h.api.syncNow();
    // Four single pages first, then two pages, then what is left of four.
    expect(bulks).toEqual([200, 200, 200, 200, 400, 200]);
    expect(syncRequests(server).map((r) => r.pageSize)).toEqual(Array.from({ length: 7 }, () => 200));
    await h.close();

    const fixed: number[] = [];
    const again = await openHarness(providerOptions(server, { pageSize: 200 }), counting(fixed));
    await again.api.syncNow();
    expect(fixed).toEqual(Array.from({ length: 7 }, () => 200));
    await again.close();
  });

  for (const when of ['before-commit', 'after-commit'] as const) {
    it(`resumes after a crash ${when} a transaction of several pages, losing and doubling nothing`, async () => {
      const server = new FacebookServer({ seed: 3, friends: 300 });
      const bulks: number[] = [];
      const h = await openHarness(
        providerOptions(server, GROUPED),
        counting(bulks, { bulk: { in: 3, when } }),
      );
      await expect(h.api.syncNow()).rejects.toBeInstanceOf(SimulatedCrash);
      // 20 and 40 friends committed, then the 80 of the third transaction with it or not at all.
      const committed = when === 'before-commit' ? 60 : 140;
      expect(await h.reader.getLength()).toBe(committed);

      await h.restart(counting(bulks));
      // The position committed is the one of the friends committed with it.
      expect(h.api.status().listing?.position).toBe(committed);
      const report = await h.api.syncNow();
      expect(report).toMatchObject({ kind: 'first', startedFrom: committed, written: 300 - committed });
      await expectCaughtUp(h, server);
      expect(await h.reader.getRevision()).toBe(300);
      // Only the pages whose transaction had not committed were asked for again.
      expect(served(server)).toBe(300 + (when === 'before-commit' ? 80 : 0));
      await h.close();
    });
  }

  it('applies a friend deleted or edited after an earlier page of the same transaction was fetched', async () => {
    let server!: FacebookServer;
    let guids: string[] = [];
    let acted = false;
    // While the second page is on the wire, a friend of the first page is deleted and another edited:
    // both come again after the last friend, in the same transaction of four pages.
    const latency = createVirtualSleep(() => {
      if (!acted && syncRequests(server).length === 2) {
        acted = true;
        server.deleteFriend(guids[0]!);
        server.editFriend(guids[1]!, (profile) => ({ ...profile, first_name: 'Edited' }));
      }
    });
    server = new FacebookServer({ seed: 4, latencyMs: 5, sleep: latency.sleep });
    guids = server.generateFriends(30);
    const bulks: number[] = [];
    const h = await openHarness(
      providerOptions(server, { pageSize: 10, batching: { first: 40, max: 40 } }),
      counting(bulks),
    );
    const report = await h.api.syncNow();
    expect(acted).toBe(true);
    expect(bulks).toHaveLength(1);
    expect(report).toMatchObject({ pages: 4, deleted: 1 });
    expect(await h.reader.get(guids[0]!)).toBeUndefined();
    expect((await h.reader.get(guids[1]!))?.given).toBe('Edited');
    await expectCaughtUp(h, server);
    await h.close();
  });
});
