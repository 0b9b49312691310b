import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Real, realOf, settleAndCompare, stepArbitraries } from './commands';
import { recordCounts, resetCounts, soakMode } from './convergenceCounts';
import { PHONE_APPS, PipelineUnderTest } from './pipelineUnderTest';
import { ReferenceModel } from './referenceModel';

const SUITE = 'convergence';
const SOAK = soakMode();
/**
 * Fixed seed: the default run is the same sequences every time; the soak explores further. A failure
 * prints its seed and path: CONVERGENCE_SEED and CONVERGENCE_PATH replay it.
 */
const SEED = Number(process.env.CONVERGENCE_SEED ?? (SOAK ? Date.now() : 20_250_611));
const PATH = process.env.CONVERGENCE_PATH;
const RUNS = SOAK ? 1000 : 150;
const MAX_STEPS = SOAK ? 100 : 60;

const totals = {
  sequences: 0,
  steps: 0,
  comparisons: 0,
  gcdsKills: 0,
  consumerKills: 0,
  restarts: 0,
  userActionsKilled: 0,
  facebookFailures: 0,
  tombstonesCompacted: 0,
  divergences: 0,
};

beforeAll(() => resetCounts(SUITE));
afterAll(() => recordCounts(SUITE, { ...totals, seed: SEED }));

/** One generated sequence on a fresh phone; every app is opened at the end and compared once more. */
async function runSequence(steps: Iterable<fc.AsyncCommand<ReferenceModel, Real>>): Promise<void> {
  const model = new ReferenceModel();
  const world = await PipelineUnderTest.start();
  const real: Real = realOf(world);
  totals.sequences += 1;
  try {
    await fc.asyncModelRun(() => ({ model, real }), steps);
    for (const app of PHONE_APPS) await world.openConsumer(app.name);
    await settleAndCompare(model, real);
  } catch (error) {
    totals.divergences += 1;
    throw error;
  } finally {
    totals.steps += real.stats.steps;
    totals.comparisons += real.stats.checks;
    totals.userActionsKilled += real.stats.userActionsKilled;
    totals.facebookFailures += real.stats.facebookFailures;
    totals.gcdsKills += world.gcdsKill.fired;
    for (const slot of world.consumers.values()) totals.consumerKills += slot.kill.fired;
    totals.restarts += world.restarts;
    totals.tombstonesCompacted += world.tombstonesCompacted;
    await world.close();
  }
}

describe('convergence: the real pipeline shows what the reference model says, whatever happens', () => {
  it(`after ${RUNS} generated sequences of provider, network, user, crash and compaction steps`, async () => {
    const steps = fc.commands(
      stepArbitraries({ identities: SOAK ? 6 : 4, consumers: PHONE_APPS.map((app) => app.name) }),
      { maxCommands: MAX_STEPS, size: 'max' },
    );
    await fc.assert(fc.asyncProperty(steps, runSequence), {
      seed: SEED,
      numRuns: RUNS,
      ...(PATH === undefined ? {} : { path: PATH }),
    });
    expect(totals.comparisons).toBeGreaterThan(RUNS);
  }, 600_000);
});
