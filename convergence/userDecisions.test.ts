import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realOf, steps as s, settleAndCompare } from './commands';
import type { RecordSpec } from './identities';
import { PipelineUnderTest } from './pipelineUnderTest';
import { type ModelRecord, ReferenceModel } from './referenceModel';

/*
 * The user-decision cases the generated sequences found wrong, kept as plain regression tests: each
 * states the sequence, and the reference model says what every reader must show after it.
 */

const ada = (keys: RecordSpec['keys'], phoneStyle = 0): RecordSpec => ({
  identity: 0,
  keys,
  phoneStyle,
  emailStyle: 0,
  version: 0,
});
const grace: RecordSpec = { identity: 1, keys: 'both', phoneStyle: 0, emailStyle: 0, version: 0 };

async function world() {
  const model = new ReferenceModel();
  const pipeline = await PipelineUnderTest.start();
  const real = realOf(pipeline);
  const record = (key: string): ModelRecord => {
    const found = model.records().find((r) => r.key === key);
    if (found === undefined) throw new Error(`no record ${key}`);
    return found;
  };
  return { model, pipeline, real, record };
}

describe('user decisions hold over the whole pipeline', () => {
  it('merging a person of two sources with another person keeps all three together, names aside', async () => {
    const { model, pipeline, real, record } = await world();
    const l1 = model.addLocal(ada('both'));
    await pipeline.localPut(l1, model.local.get(l1)!);
    const v2 = model.addVcard(ada('both', 2));
    await pipeline.importVcards([[v2, model.vcard.get(v2)!]]);
    const f3 = model.addFriend(grace);
    pipeline.friendAdd(f3, grace);
    await settleAndCompare(model, real);
    expect(model.groups()).toEqual([[f3], [l1, v2]]);

    // The user says Grace's Facebook profile is Ada (another name): one person of three sources.
    expect(await pipeline.merge(record(v2), record(f3))).toBe(true);
    model.merge(v2, f3);
    expect(model.groups()).toEqual([[f3, l1, v2]]);
    await settleAndCompare(model, real);

    // Whichever source goes, the others stay as the user joined them.
    model.local.delete(l1);
    await pipeline.localRemove(l1);
    expect(model.groups()).toEqual([[f3, v2]]);
    await settleAndCompare(model, real);
    await pipeline.close();
  });

  it('dismissing a suggestion between people the user split never joins them again', async () => {
    const { model, pipeline, real, record } = await world();
    const l1 = model.addLocal(ada('both'));
    await pipeline.localPut(l1, model.local.get(l1)!);
    const v2 = model.addVcard(ada('both', 1));
    await pipeline.importVcards([[v2, model.vcard.get(v2)!]]);
    await settleAndCompare(model, real);
    expect(await pipeline.unmerge(record(l1))).toBe(true);
    model.unmerge(l1);
    await settleAndCompare(model, real);

    await pipeline.gcdsReady();
    await pipeline.gcds.dismissSuggestion(
      await pipeline.personOf(l1, 'local'),
      await pipeline.personOf(v2, 'vcard'),
    );
    model.dismiss([[l1, v2]]);
    // An edit makes the GCDS look at the pair again: they must stay apart.
    model.local.set(l1, model.edited(model.local.get(l1)!, ada('both', 2)));
    await pipeline.localPut(l1, model.local.get(l1)!);
    expect(model.groups()).toEqual([[l1], [v2]]);
    await settleAndCompare(model, real);
    await pipeline.close();
  });

  it('a person the user set apart is not suggested again, though found through another of its sources', async () => {
    const { model, pipeline, real } = await world();
    const both = (identity: number) => ({ identity, keys: 'both' as const, phoneStyle: 0, emailStyle: 0 });
    await fc.asyncModelRun(
      () => ({ model, real }),
      [
        s.localAdd(both(2)), // l1 Alan
        s.friendAdd(both(5)), // f2 Hedy
        s.vcardAdd(both(0)), // v3 Ada
        s.facebookSync(),
        s.merge('l1', 'f2'),
        s.unmerge('l1'), // Alan's contact is not Hedy's profile
        s.merge('l1', 'v3'),
        s.vcardEdit('v3', both(5)), // the card, still tied to Alan, now reads Hedy: it shares her keys
      ],
    );
    expect(model.groups()).toEqual([['f2'], ['l1', 'v3']]);
    expect(model.decisionOf('l1', 'f2')).toBe('separate');
    await settleAndCompare(model, real);
    await pipeline.close();
  });

  it('a source coming back to a merged person keeps every tie of that person, however far it reaches', async () => {
    const { model, pipeline, real } = await world();
    const both = (identity: number) => ({ identity, keys: 'both' as const, phoneStyle: 0, emailStyle: 0 });
    await fc.asyncModelRun(
      () => ({ model, real }),
      [
        s.localAdd(both(2)), // l1 Alan
        s.friendAdd(both(1)), // f2 Grace
        s.facebookSync(),
        s.merge('f2', 'l1'),
        s.uninstall('facebook-sim'),
        s.vcardAdd(both(0)), // v3 Ada
        s.merge('l1', 'v3'),
        s.install('facebook-sim'), // f2 comes back, tied to l1, which is tied to v3
      ],
    );
    expect(model.groups()).toEqual([['f2', 'l1', 'v3']]);
    await settleAndCompare(model, real);
    await pipeline.close();
  });
});
