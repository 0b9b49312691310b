import { describe, expect, it } from 'vitest';
import { contact, startPipeline } from '../src/testing';

const mobile = [{ value: '+1 415 555 0142', type: ['cell'] }];

describe('a number several sources hold', () => {
  it('merges a nickname with the full name it may stand for', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put('l-alex', contact('l-alex', { given: 'Alex', family: 'Smith', tel: mobile }));
    await vcard.put(
      'v-alexandra',
      contact('v-alexandra', { given: 'Alexandra', family: 'Smith', tel: mobile }),
    );
    expect(await p.groups()).toEqual(['local:l-alex + vcard:v-alexandra']);
  });

  it('is a shared line when two of its holders cannot be one person, so a nickname merges with no one', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put(
      'l-alexander',
      contact('l-alexander', { given: 'Alexander', family: 'Smith', tel: mobile }),
    );
    await local.put(
      'l-alexandra',
      contact('l-alexandra', { given: 'Alexandra', family: 'Smith', tel: mobile }),
    );
    await vcard.put('v-alex', contact('v-alex', { given: 'Alex', family: 'Smith', tel: mobile }));
    expect(await p.groups()).toEqual(['local:l-alexander', 'local:l-alexandra', 'vcard:v-alex']);
  });
});
