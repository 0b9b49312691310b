import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realOf, type Spec, steps as s } from './commands';
import { PipelineUnderTest } from './pipelineUnderTest';
import { ReferenceModel } from './referenceModel';

/*
 * Provider install and uninstall cases the generated sequences found wrong, kept as plain regression
 * tests over the whole pipeline; the reference model says what every reader must show.
 */

const spec = (identity: number, keys: Spec['keys']): Spec => ({
  identity,
  keys,
  phoneStyle: 0,
  emailStyle: 0,
});

describe('providers come and go', () => {
  it('a provider reinstalled while the GCDS has a sync queued keeps its new contacts', async () => {
    const model = new ReferenceModel();
    const world = await PipelineUnderTest.start();
    const real = realOf(world);
    await fc.asyncModelRun(
      () => ({ model, real }),
      [
        s.vcardAdd(spec(2, 'both')),
        s.settle(),
        // A network change leaves the GCDS a sync to run while the vCard provider goes and comes back.
        s.friendAdd(spec(5, 'both')),
        s.facebookSync(),
        s.uninstall('vcard'),
        s.install('vcard'),
        s.vcardAdd(spec(2, 'email')),
        s.settle(),
      ],
    );
    expect(model.groups()).toEqual([['f2'], ['v3']]);
    await world.close();
  });
});
