import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realOf, type Spec, type Step, steps as s, settleAndCompare, stepArbitraries } from './commands';
import { recordCounts, resetCounts, soakMode } from './convergenceCounts';
import { type CrashPlan, PHONE_APPS, type PipelineOptions, PipelineUnderTest } from './pipelineUnderTest';
import { ReferenceModel } from './referenceModel';

/*
 * Crash injection at every commit boundary of every sync. A scripted day runs once to count the
 * boundaries of each component (the GCDS, each consumer, each provider's writes); then, for every
 * boundary, it runs again with that component killed there (providers also just after the commit). The
 * system restarts what died, and at the end every reader must equal the reference model: nothing lost,
 * nothing doubled. Small pages and batches make every sync several transactions.
 */

const SUITE = 'crash-points';
/** Runs of one crash plan before a boundary that is never reached counts as not tried. */
const REACH_ATTEMPTS = 5;
const OPTIONS: PipelineOptions = { facebookPageSize: 2, vcardBatchSize: 2, consumerBatchSize: 2 };

const spec = (identity: number, keys: Spec['keys'], phoneStyle = 0, emailStyle = 0): Spec => ({
  identity,
  keys,
  phoneStyle,
  emailStyle,
});

/** A day: imports, edits, network trouble, user merges, compaction, an uninstall, an app closed. */
const DAY: Step[] = [
  s.localAdd(spec(0, 'both')), // l1 Ada
  s.localAdd(spec(1, 'phone', 2)), // l2 Grace
  s.vcardAdd(spec(0, 'email', 0, 1)), // v3 Ada
  s.vcardAdd(spec(2, 'both')), // v4 Alan
  s.vcardAdd(spec(3, 'both', 1)), // v5 Katherine
  s.vcardAdd(spec(4, 'phone')), // v6 Edsger
  s.friendAdd(spec(1, 'email', 0, 2)), // f7 Grace
  s.friendAdd(spec(3, 'both', 2)), // f8 Katherine
  s.friendAdd(spec(2, 'phone', 1)), // f9 Alan
  s.facebookSync(),
  s.settle(),
  s.localEdit('l1', spec(0, 'both', 1)),
  s.localRemove('l2'),
  s.vcardEdit('v6', spec(4, 'both', 2)),
  s.friendEdit('f8', spec(3, 'email')),
  s.friendDelete('f9'),
  s.facebookSync(2, 503),
  s.merge('l1', 'f7'),
  s.unmerge('v5'),
  s.dismissSuggestion('v4'),
  s.settle(),
  s.compact(),
  s.facebookPurge(),
  s.friendAdd(spec(5, 'both')), // f10 Hedy
  s.facebookSync(),
  s.uninstall('vcard'),
  s.install('vcard'),
  s.vcardAdd(spec(2, 'email', 0, 1)), // v11 Alan
  s.closeConsumer('dialer'),
  s.localAdd(spec(5, 'phone', 1)), // l12 Hedy
  s.openConsumer('dialer'),
  s.settle(),
];

/** `gcds`, a consumer's name, or a provider id. */
type Component = string;

const COMPONENTS: readonly Component[] = [
  'gcds',
  ...PHONE_APPS.map((app) => app.name),
  'local',
  'vcard',
  'facebook-sim',
];
const isProvider = (c: Component) => c === 'local' || c === 'vcard' || c === 'facebook-sim';

/** Runs the script (with at most one kill planned) to the end and compares; returns the world's counts. */
async function runScript(script: readonly Step[], plan?: CrashPlan) {
  const model = new ReferenceModel();
  const world = await PipelineUnderTest.start({
    ...OPTIONS,
    ...(plan === undefined ? {} : { crashPlan: plan }),
  });
  const real = realOf(world);
  try {
    await fc.asyncModelRun(() => ({ model, real }), script);
    for (const app of PHONE_APPS) await world.openConsumer(app.name);
    await settleAndCompare(model, real);
    const commits = Object.fromEntries(COMPONENTS.map((c) => [c, world.killSwitchOf(c).commits]));
    const fired = plan === undefined ? 0 : world.killSwitchOf(plan.component).fired;
    return { commits, fired, restarts: world.restarts };
  } finally {
    await world.close();
  }
}

const totals = {
  scripts: 0,
  boundaries: 0,
  crashPointsTried: 0,
  crashesFired: 0,
  restarts: 0,
  retriedForTiming: 0,
  divergences: 0,
};
beforeAll(() => resetCounts(SUITE));
afterAll(() => recordCounts(SUITE, totals));

/** Every boundary of every component of the script, each killed in its own run. */
async function everyCrashPoint(script: readonly Step[]): Promise<void> {
  const reference = await runScript(script);
  totals.scripts += 1;
  const plans: CrashPlan[] = [];
  for (const component of COMPONENTS) {
    const commits = reference.commits[component] ?? 0;
    totals.boundaries += commits;
    for (let commit = 1; commit <= commits; commit += 1) {
      plans.push({ component, commit, when: 'before' });
      if (isProvider(component)) plans.push({ component, commit, when: 'after' });
    }
  }
  const unreached: string[] = [];
  for (const plan of plans) {
    const where = `${plan.component} ${plan.when} commit ${plan.commit}`;
    totals.crashPointsTried += 1;
    // How many commits a run makes depends on how the GCDS coalesces the providers' notifications: on a
    // loaded machine two facebook-sim pages can land in one GCDS sync, and every consumer then commits one
    // batch fewer. Such a run still converged (checked); the boundary is tried again until it is reached.
    let fired = 0;
    for (let attempt = 1; attempt <= REACH_ATTEMPTS && fired === 0; attempt += 1) {
      let result: Awaited<ReturnType<typeof runScript>>;
      try {
        result = await runScript(script, plan);
      } catch (error) {
        totals.divergences += 1;
        throw new Error(`killed ${where}: ${(error as Error).message}`);
      }
      if (attempt > 1) totals.retriedForTiming += 1;
      fired = result.fired;
      totals.crashesFired += result.fired;
      totals.restarts += result.restarts;
    }
    if (fired !== 1) unreached.push(where);
  }
  // A boundary the crashed run never reached would be a crash point not tried.
  expect(unreached).toEqual([]);
}

describe('crash injection at every transaction boundary of every sync', () => {
  it('a day of activity converges to the model wherever the GCDS, a consumer or a provider dies', async () => {
    await everyCrashPoint(DAY);
    expect(totals.crashesFired).toBeGreaterThan(50);
  }, 600_000);

  if (soakMode()) {
    it('so do generated days', async () => {
      const days = fc.sample(
        fc.commands(stepArbitraries({ identities: 5, consumers: PHONE_APPS.map((a) => a.name) }), {
          maxCommands: 30,
          size: 'max',
        }),
        { seed: Date.now(), numRuns: 8 },
      );
      // The kills are the crash plan's: a generated kill step would re-arm the switch elsewhere.
      for (const day of days)
        await everyCrashPoint([...day].filter((step) => !step.toString().startsWith('Kill')));
    }, 3_600_000);
  }
});
