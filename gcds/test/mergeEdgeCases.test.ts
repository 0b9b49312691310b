import { describe, expect, it } from 'vitest';
import { contact, type Pipeline, startPipeline } from '../src/testing';

async function personOf(p: Pipeline, provider: string, contactId: string): Promise<string> {
  await p.gcds.whenIdle();
  const id = await p.gcds.personOf({ provider, contactId });
  if (id === undefined) throw new Error(`${provider}:${contactId} has no person`);
  return id;
}

/** Three sources with nothing in common, so only the user can join them. */
async function setup() {
  const p = await startPipeline();
  const local = await p.install('local', 'privileged');
  // A second read-write source (a vCard address book) and a read-only one (facebook).
  const vcard = await p.install('vcard', 'privileged');
  const facebook = await p.install('facebook-sim', 'certified');
  await local.bulk([
    {
      operation: 'put',
      id: 'l1',
      data: contact('l1', { given: 'Kim', family: 'Park', tel: [{ value: '+82 2 555 0101' }] }),
    },
    { operation: 'put', id: 'l2', data: contact('l2', { given: 'Kimberly', family: 'Park' }) },
  ]);
  await vcard.bulk([
    {
      operation: 'put',
      id: 'v1',
      data: contact('v1', { given: 'K.', family: 'Park', email: [{ value: 'kim@park.kr' }] }),
    },
    {
      operation: 'put',
      id: 'v2',
      data: contact('v2', { formattedName: 'Kim P.', note: 'met at the conference' }),
    },
  ]);
  await facebook.put('f1', contact('f1', { formattedName: 'Kim Park (Seoul)' }));
  return { p, local, vcard, facebook };
}

describe('the seed edge cases for manual merge', () => {
  it('merges 2 local contacts', async () => {
    const { p } = await setup();
    await p.gcds.merge([await personOf(p, 'local', 'l1'), await personOf(p, 'local', 'l2')]);
    expect(await p.groups()).toContain('local:l1 + local:l2');
  });

  it('merges 2 contacts from read-write sources', async () => {
    const { p } = await setup();
    await p.gcds.merge([await personOf(p, 'vcard', 'v1'), await personOf(p, 'vcard', 'v2')]);
    expect(await p.groups()).toContain('vcard:v1 + vcard:v2');
  });

  it('merges a read-only contact with a read-write one; the read-write one is primary', async () => {
    const { p } = await setup();
    const id = await p.gcds.merge([
      await personOf(p, 'facebook-sim', 'f1'),
      await personOf(p, 'vcard', 'v1'),
    ]);
    const person = await p.gcds.getPerson(id);
    expect(person!.pointers.map((pointer) => pointer.provider)).toEqual(['vcard', 'facebook-sim']);
  });

  it('edits a merged person from the external source: the person keeps its id and sources', async () => {
    const { p, facebook } = await setup();
    const id = await p.gcds.merge([
      await personOf(p, 'local', 'l1'),
      await personOf(p, 'facebook-sim', 'f1'),
    ]);
    await facebook.put(
      'f1',
      contact('f1', { formattedName: 'Kim Park', tel: [{ value: '+82 2 555 0199' }] }),
    );
    await p.gcds.whenIdle();
    expect(await personOf(p, 'facebook-sim', 'f1')).toBe(id);
    expect(await p.groups()).toContain('facebook-sim:f1 + local:l1');
  });

  it('edits a merged person locally and then from the external source: the user decision holds', async () => {
    const { p, local, vcard } = await setup();
    const id = await p.gcds.merge([await personOf(p, 'local', 'l1'), await personOf(p, 'vcard', 'v1')]);
    await local.put(
      'l1',
      contact('l1', { given: 'Kim', family: 'Park-Lee', email: [{ value: 'kim@elsewhere.kr' }] }),
    );
    await vcard.put('v1', contact('v1', { given: 'Kim', family: 'Park', email: [{ value: 'kim@park.kr' }] }));
    await p.gcds.whenIdle();
    expect(await personOf(p, 'local', 'l1')).toBe(id);
    expect(await personOf(p, 'vcard', 'v1')).toBe(id);
    const person = await p.gcds.getPerson(id);
    expect(person!.pointers[0]!.provider).toBe('local');
  });

  it('unmerges a person built from 3 sources into chosen groups', async () => {
    const { p } = await setup();
    const id = await p.gcds.merge([
      await personOf(p, 'local', 'l1'),
      await personOf(p, 'vcard', 'v1'),
      await personOf(p, 'facebook-sim', 'f1'),
    ]);
    const parts = await p.gcds.unmerge(id, [
      [
        { provider: 'local', contactId: 'l1' },
        { provider: 'facebook-sim', contactId: 'f1' },
      ],
      [{ provider: 'vcard', contactId: 'v1' }],
    ]);
    expect(parts).toHaveLength(2);
    expect(parts).toContain(id);
    expect(await p.groups()).toContain('facebook-sim:f1 + local:l1');
    expect(await p.groups()).toContain('vcard:v1');
  });

  it('refuses to merge fewer than two people or unknown ones, and leaves everything as it was', async () => {
    const { p } = await setup();
    const before = await p.groups();
    const l1 = await personOf(p, 'local', 'l1');
    await expect(p.gcds.merge([l1])).rejects.toThrow(/two different people/);
    await expect(p.gcds.merge([l1, 'no-such-person'])).rejects.toThrow(/no person/);
    expect(await p.groups()).toEqual(before);
  });
});

describe('notifications are coalesced', () => {
  it('a burst of 10,000 provider writes becomes a handful of GCDS transactions and change events', async () => {
    const p = await startPipeline();
    const local = await p.install('local', 'privileged');
    await p.gcds.whenIdle();
    let events = 0;
    const subscription = p.gcds.store.changes$.subscribe(() => {
      events += 1;
    });
    await Promise.all(
      Array.from({ length: 10_000 }, (_, i) =>
        local.put(`c${i}`, contact(`c${i}`, { given: `Person`, family: `N${i}` })),
      ),
    );
    await p.gcds.whenIdle();
    subscription.unsubscribe();
    expect(await p.gcds.store.getLength()).toBe(10_000);
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThanOrEqual(10);
  }, 120_000);
});
