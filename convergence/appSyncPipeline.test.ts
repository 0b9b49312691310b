import type { FacebookSimApi } from '@gcds/provider-facebook-sim';
import { FacebookServer } from '@gcds/provider-facebook-sim';
import type { ConsumerChange } from '@gcds/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realOf, type Spec, type Step, steps as s, settleAndCompare } from './commands';
import { recordCounts, resetCounts } from './convergenceCounts';
import { type ObservedState, observe } from './observedState';
import { PipelineUnderTest } from './pipelineUnderTest';
import { ReferenceModel } from './referenceModel';

/*
 * The appSync seed's nine scenarios, carried from the facebook-sim provider (where
 * providers/facebook-sim/src/appSyncScenarios.test.ts covers all nine against its store) to what the
 * phone's apps show. Only the scenarios with something to add end to end are here:
 *   4 and 9: no unneeded syncing: a sync or a full resync that changes nothing costs the GCDS and the
 *            apps no transaction and no change event;
 *   5: soft deletes reach every app, and an undelete brings the friend back under the user's decisions;
 *   7: two friends with the same natural key (name, number, address) are one person in every app;
 *   8: two phones on one network, interleaved activity and failures: the same in every app of both.
 * Scenarios 1 and 3 (server changes reach the client), 2 (nothing uploaded) and 6 (server priority) are
 * the provider's; the generated sequences of convergence.test.ts run 1, 3 and 6 through every app.
 */

const SUITE = 'appsync-pipeline';
const totals = { scenarios: 0, providerScenariosReferenced: 9 };
beforeAll(() => resetCounts(SUITE));
afterAll(() => recordCounts(SUITE, totals));

const spec = (identity: number, keys: Spec['keys'], phoneStyle = 0): Spec => ({
  identity,
  keys,
  phoneStyle,
  emailStyle: 0,
});

async function run(steps: Step[]) {
  const model = new ReferenceModel();
  const world = await PipelineUnderTest.start();
  const real = realOf(world);
  await fc.asyncModelRun(() => ({ model, real }), steps);
  return { model, world, real };
}

/** Every app's state with the GCDS person ids left out (they are each phone's own). */
function canonical(observed: ObservedState) {
  return {
    gcds: observed.gcdsGroups,
    consumers: observed.consumers.map((consumer) =>
      JSON.parse(JSON.stringify(consumer, (key, value) => (key === 'personId' ? undefined : value))),
    ),
  };
}

describe('appSync scenarios through every app', () => {
  it('4 and 9. a sync or full resync that changes nothing costs the GCDS and the apps nothing', async () => {
    totals.scenarios += 2;
    const { model, world, real } = await run([
      s.friendAdd(spec(0, 'both')),
      s.friendAdd(spec(1, 'email')),
      s.localAdd(spec(0, 'phone', 2)),
      s.settle(),
    ]);
    const gcdsCommits = world.gcdsKill.commits;
    const appCommits = [...world.consumers.values()].map((slot) => slot.kill.commits);
    const changes: ConsumerChange[] = [];
    for (const slot of world.consumers.values())
      slot.instance?.consumer.sync.changes$.subscribe((c) => changes.push(c));
    const gcdsEvents: unknown[] = [];
    world.gcds.store.changes$.subscribe((event) => gcdsEvents.push(event));

    const api = world.api<FacebookSimApi>('facebook-sim');
    expect(await api.syncNow()).toMatchObject({ kind: 'incremental', written: 0, deleted: 0 });
    expect(await api.fullResync()).toMatchObject({ kind: 'full', written: 0, staleRemoved: 0 });
    await settleAndCompare(model, real);

    expect(world.gcdsKill.commits).toBe(gcdsCommits);
    expect([...world.consumers.values()].map((slot) => slot.kill.commits)).toEqual(appCommits);
    expect(gcdsEvents).toEqual([]);
    expect(changes).toEqual([]);
    await world.close();
  });

  it('5. soft deletes reach every app; an undeleted friend comes back under the user’s decisions', async () => {
    totals.scenarios += 1;
    const { model, world, real } = await run([
      s.localAdd(spec(0, 'both')), // l1
      s.friendAdd(spec(0, 'both', 1)), // f2: the same person
      s.friendAdd(spec(1, 'both')), // f3
      s.facebookSync(),
      s.settle(),
      s.unmerge('l1'), // the user says the friend is someone else
      s.friendDelete('f2'),
      s.friendDelete('f3'),
      s.facebookSync(),
      s.settle(),
      s.friendUndelete('f2'),
      s.friendUndelete('f3'),
      s.facebookSync(),
      s.settle(),
    ]);
    expect(model.groups()).toEqual([['f2'], ['f3'], ['l1']]);
    await settleAndCompare(model, real);
    await world.close();
  });

  it('7. two friends with the same name, number and address are one person in every app', async () => {
    totals.scenarios += 1;
    const { model, world, real } = await run([
      s.friendAdd(spec(2, 'both')), // f1
      s.friendAdd(spec(2, 'both', 1)), // f2: same natural key, another guid
      s.localAdd(spec(2, 'phone')), // l3
      s.facebookSync(),
      s.settle(),
      s.friendDelete('f1'),
      s.facebookSync(),
      s.settle(),
    ]);
    expect(model.groups()).toEqual([['f2', 'l3']]);
    await settleAndCompare(model, real);
    await world.close();
  });

  it('8. two phones on one network, interleaved activity and failures: every app shows the same', async () => {
    totals.scenarios += 1;
    const server = new FacebookServer({ seed: 8, friends: 25 });
    const phoneA = await PipelineUnderTest.start({ server, facebookPageSize: 7 });
    const phoneB = await PipelineUnderTest.start({ server, facebookPageSize: 11 });
    for (let cycle = 0; cycle < 2; cycle += 1) {
      server.randomActivity(20);
      await phoneA.facebookSync(2, 503);
      server.randomActivity(10);
      await phoneB.facebookSync(3, 503);
      await phoneA.facebookSync();
    }
    await phoneA.settle();
    await phoneB.settle();
    const a = canonical(await observe(phoneA));
    const b = canonical(await observe(phoneB));
    // Every friend the network has is in exactly one person of each phone.
    expect(a.gcds.flat().length).toBe(server.liveFriends().length);
    expect(b).toEqual(a);
    await phoneA.close();
    await phoneB.close();
  });
});
