import { describe, expect, it } from 'vitest';
import { contact, startPipeline } from '../src/testing';

const home = { value: '+1 206 481 4565', type: ['home'] };
const parentMobile = { value: '+1 415 843 3847', type: ['cell'] };
const childMobile = { value: '+1 404 395 2421', type: ['cell'] };

describe('a landline two candidates meet on, found through someone else', () => {
  it('is shared when its other holder (the "Jr.") is only in the index, so the parent never takes the child', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    const network = await p.install('facebook-sim', 'certified');
    await local.put(
      'l-parent',
      contact('l-parent', { given: 'Holly', family: 'West', tel: [parentMobile, home] }),
    );
    await local.put(
      'l-child',
      contact('l-child', { given: 'Holly', family: 'West', suffix: 'Jr.', tel: [childMobile, home] }),
    );
    await p.gcds.whenIdle();
    await vcard.put(
      'v-parent',
      contact('v-parent', {
        given: 'Holly',
        family: 'West',
        tel: [parentMobile, home],
        email: [{ value: 'p@x.example' }],
      }),
    );
    // The child's card in this export lost the "Jr.".
    await vcard.put(
      'v-child',
      contact('v-child', {
        given: 'Holly',
        family: 'West',
        tel: [childMobile, home],
        email: [{ value: 'c@x.example' }],
      }),
    );
    await p.gcds.whenIdle();
    await network.put(
      'f-parent',
      contact('f-parent', { formattedName: 'Holly West', email: [{ value: 'p@x.example' }] }),
    );
    await network.put(
      'f-child',
      contact('f-child', { formattedName: 'Holly West Jr.', email: [{ value: 'c@x.example' }] }),
    );
    const groups = await p.groups();
    const parent = groups.find((group) => group.includes('local:l-parent'))!;
    expect(parent).toContain('vcard:v-parent');
    expect(parent).not.toContain('vcard:v-child');
    expect(parent).not.toContain('local:l-child');
  });
});
