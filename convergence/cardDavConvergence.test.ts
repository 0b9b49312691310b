import {
  type RunningDavServer,
  rawClient,
  serverBinary,
  startPhone,
  startRadicale,
} from '@gcds/provider-carddav/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CardDavStep,
  type CardDavWorld,
  cardDavStepArbitraries,
  emptyCardDavStats,
  phoneNetwork,
  settleAndCompare,
} from './cardDavCommands';
import { CardDavModel, type Strategy } from './cardDavModel';
import { recordCounts, resetCounts, soakMode } from './convergenceCounts';

const SUITE = 'cardDavConvergence';
const SOAK = soakMode();
/**
 * Fixed seed: the default run is the same sequences every time; the soak explores further. A failure
 * prints its seed and path: CONVERGENCE_SEED and CONVERGENCE_PATH replay it.
 */
const SEED = Number(process.env.CONVERGENCE_SEED ?? (SOAK ? Date.now() : 20_261_201));
const PATH = process.env.CONVERGENCE_PATH;
const RUNS = SOAK ? 400 : 40;
const MAX_STEPS = SOAK ? 40 : 25;

const available = serverBinary('Radicale', process.env.RADICALE_PATH ?? '/usr/bin/radicale', 'radicale');

const totals = { ...emptyCardDavStats(), sequences: 0, divergences: 0 };

describe.skipIf(!available)(
  'CardDAV convergence: two phones and the server agree with the model (Radicale)',
  () => {
    let server: RunningDavServer;
    let books = 0;

    beforeAll(async () => {
      resetCounts(SUITE);
      server = await startRadicale();
    });
    afterAll(async () => {
      await server?.stop();
      recordCounts(SUITE, { ...totals, seed: SEED });
    });

    /** One generated sequence on a fresh address book and two fresh phones; compared once more at the end. */
    async function runSequence(strategy: Strategy, steps: Iterable<CardDavStep>): Promise<void> {
      books += 1;
      const bookUrl = await server.createAddressBook(`convergence${books}`);
      const book = { url: bookUrl, readOnly: false, supportsSyncCollection: true };
      const model = new CardDavModel(strategy);
      const online = { A: true, B: true };
      const phoneOptions = (phone: 'A' | 'B') => ({
        username: server.username,
        password: server.password,
        conflict: strategy,
        batchSize: 2,
        fetch: phoneNetwork({ online }, phone),
        now: () => model.now(),
      });
      const world: CardDavWorld = {
        bookUrl,
        raw: rawClient(server),
        phones: {
          A: await startPhone(book, phoneOptions('A')),
          B: await startPhone(book, phoneOptions('B')),
        },
        online,
        strategy,
        stats: emptyCardDavStats(),
        journal: [`strategy ${strategy}`],
      };
      totals.sequences += 1;
      try {
        await fc.asyncModelRun(() => ({ model, real: world }), steps);
        await settleAndCompare(model, world);
      } catch (error) {
        totals.divergences += 1;
        throw error;
      } finally {
        const { stats } = world;
        stats.steps = world.journal.length - 1;
        for (const key of Object.keys(stats) as (keyof typeof stats)[]) totals[key] += stats[key];
        for (const phone of Object.values(world.phones)) await phone.stop();
      }
    }

    it(`after ${RUNS} generated sequences of phone and server edits, syncs, network cuts and kills`, async () => {
      const sequences = fc.tuple(
        fc.constantFrom<Strategy>('server', 'server', 'client', 'timestamp'),
        fc.commands(cardDavStepArbitraries(), { maxCommands: MAX_STEPS, size: 'max' }),
      );
      await fc.assert(
        fc.asyncProperty(sequences, ([strategy, steps]) => runSequence(strategy, steps)),
        { seed: SEED, numRuns: RUNS, ...(PATH === undefined ? {} : { path: PATH }) },
      );
      expect(totals.comparisons).toBeGreaterThanOrEqual(RUNS);
    }, 600_000);
  },
);
