import { describe, expect, it } from 'vitest';
import { contact, startPipeline } from '../src/testing';

const mobile = [{ value: '+1 415 555 0142', type: ['cell'] }];

describe('merges by the new rules stay the user’s to undo', () => {
  it('remembers an unmerge of "Noah" and "Noah Pham" through edits and a restart, and a merge the rules would not make', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    const vcard = await p.install('vcard', 'privileged');
    await local.put('l-noah', contact('l-noah', { given: 'Noah', tel: mobile }));
    await vcard.put('v-noah', contact('v-noah', { given: 'Noah', family: 'Pham', tel: mobile }));
    expect(await p.groups()).toEqual(['local:l-noah + vcard:v-noah']);
    const [noah] = await p.people();
    const reasons = noah!.reasons.map((reason) => ({ kind: reason.kind, keys: reason.keys }));
    expect(reasons).toEqual([{ kind: 'auto', keys: ['name:noah', 'phone:+14155550142'] }]);

    await p.gcds.unmerge(noah!.id);
    expect(await p.groups()).toEqual(['local:l-noah', 'vcard:v-noah']);
    await vcard.put(
      'v-noah',
      contact('v-noah', { given: 'Noah', family: 'Pham', tel: mobile, email: [{ value: 'noah@x.example' }] }),
    );
    await p.restartGcds();
    expect(await p.groups()).toEqual(['local:l-noah', 'vcard:v-noah']);

    // Same name and employer, nothing in common: never merged by the rules, merged by the user.
    await local.put('l-sam', contact('l-sam', { given: 'Sam', family: 'Jones', org: 'Acme Ltd' }));
    await vcard.put('v-sam', contact('v-sam', { formattedName: 'Sam Jones', org: 'Acme Ltd' }));
    const people = await p.people();
    const sams = people.filter((person) =>
      person.pointers.some((pointer) => pointer.contactId.endsWith('sam')),
    );
    expect(sams).toHaveLength(2);
    await p.gcds.merge(sams.map((person) => person.id));
    await p.restartGcds();
    expect(await p.groups()).toContain('local:l-sam + vcard:v-sam');
  });
});
