import type { PersonRecord } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { contact, type Pipeline, startPipeline } from '../src/testing';

class Killed extends Error {}

/** A day in the life: imports, edits, deletes, a merge, an unmerge, an uninstall. */
async function script(p: Pipeline, crashPoint: { userRetry: Array<() => Promise<unknown>> }) {
  const user = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      crashPoint.userRetry.push(action);
    }
  };
  const local = await p.install('local', 'privileged');
  const vcard = await p.install('vcard', 'privileged');
  const facebook = await p.install('facebook-sim', 'certified');
  await local.bulk(
    Array.from({ length: 6 }, (_, i) => ({
      operation: 'put' as const,
      id: `l${i}`,
      data: contact(`l${i}`, { given: `Name${i}`, family: 'Common', tel: [{ value: `+1 415 555 01${i}0` }] }),
    })),
  );
  await p.gcds.whenIdle();
  await vcard.bulk(
    Array.from({ length: 4 }, (_, i) => ({
      operation: 'put' as const,
      id: `v${i}`,
      data: contact(`v${i}`, {
        given: `Name${i}`,
        family: 'Common',
        tel: [{ value: `(415) 555-01${i}0` }],
        email: [{ value: `n${i}@example.org` }],
      }),
    })),
  );
  await facebook.put(
    'f1',
    contact('f1', { given: 'Name1', family: 'Common', email: [{ value: 'N1@example.org' }] }),
  );
  await p.gcds.whenIdle();
  await local.put(
    'l2',
    contact('l2', { given: 'Name2', family: 'Changed', tel: [{ value: '+1 415 555 0120' }] }),
  );
  await vcard.remove('v3');
  await p.gcds.whenIdle();
  const l4 = await p.gcds.personOf({ provider: 'local', contactId: 'l4' });
  const l5 = await p.gcds.personOf({ provider: 'local', contactId: 'l5' });
  if (l4 !== undefined && l5 !== undefined) await user(() => p.gcds.merge([l4, l5]));
  const v0 = await p.gcds.personOf({ provider: 'vcard', contactId: 'v0' });
  if (v0 !== undefined) await user(() => p.gcds.unmerge(v0));
  await facebook.put(
    'f2',
    contact('f2', { given: 'Name3', family: 'Common', tel: [{ value: '+14155550130' }] }),
  );
  await p.gcds.whenIdle();
  await p.registry.uninstall('facebook-sim');
  await p.gcds.whenIdle();
}

function groupsOf(people: PersonRecord[]): string[] {
  return people
    .map((person) =>
      person.pointers
        .map((p) => `${p.provider}:${p.contactId}`)
        .sort()
        .join(' + '),
    )
    .sort();
}

/** Every live provider record is in exactly one person; no person points at nothing. */
async function checkInvariants(p: Pipeline) {
  const people = await p.people();
  const pointed = people.flatMap((person) => person.pointers.map((pt) => `${pt.provider}:${pt.contactId}`));
  expect(new Set(pointed).size).toBe(pointed.length);
  const live: string[] = [];
  for (const installed of p.registry.list()) {
    const store = installed.api as { keys(): Promise<string[]> };
    for (const id of await store.keys()) live.push(`${installed.id}:${id}`);
  }
  expect(pointed.sort()).toEqual(live.sort());
  expect(people.every((person) => person.pointers.length > 0)).toBe(true);
}

describe('crash injection at every GCDS transaction boundary', () => {
  it('converges to the uncrashed result, with nothing lost or doubled, wherever it is killed', async () => {
    let commits = 0;
    const reference = await startPipeline({
      beforeCommit: () => {
        commits += 1;
      },
    });
    await script(reference, { userRetry: [] });
    const expected = groupsOf(await reference.people());
    await checkInvariants(reference);
    expect(commits).toBeGreaterThan(8);

    for (let crashAt = 1; crashAt <= commits; crashAt += 1) {
      let seen = 0;
      let crashed = false;
      const state = { userRetry: [] as Array<() => Promise<unknown>> };
      const p = await startPipeline({
        beforeCommit: (label) => {
          seen += 1;
          if (seen === crashAt) {
            crashed = true;
            throw new Killed(`killed before committing ${label}`);
          }
        },
      });
      await script(p, state);
      expect(crashed).toBe(true);
      // Restart the service, as the platform would after a kill; the user repeats what visibly failed.
      await p.restartGcds({ beforeCommit: undefined });
      for (const action of state.userRetry) await action();
      await p.gcds.syncNow();
      await checkInvariants(p);
      expect({ crashAt, groups: groupsOf(await p.people()) }).toEqual({ crashAt, groups: expected });
    }
  }, 60_000);
});
