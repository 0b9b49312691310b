import type { ChangeEvent, PersonRecord, SyncPoint, SyncTask } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { GCDS_STORE_NAME } from '../src/gcdsService';
import { contact, startPipeline } from '../src/testing';

/*
 * Side channels of a privileged reader of the GCDS, written as the attack: a reader that cannot read
 * facebook-sim watches the GCDS's events and sync for traces of people only facebook-sim knows.
 */

async function world() {
  const p = await startPipeline();
  const local = await p.install('local', 'privileged');
  const facebook = await p.install('facebook-sim', 'certified');
  await local.put(
    'l-ada',
    contact('l-ada', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+14155550100' }] }),
  );
  await facebook.put(
    'f-ada',
    contact('f-ada', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+14155550100' }] }),
  );
  await facebook.put(
    'f-kj',
    contact('f-kj', { given: 'Katherine', family: 'Johnson', tel: [{ value: '+16175550199' }] }),
  );
  await p.gcds.whenIdle();
  const dialer = p.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' });
  const reader = await p.platform.openStore<PersonRecord>(dialer, GCDS_STORE_NAME, 'gcds');
  const events: ChangeEvent[] = [];
  reader.changes$.subscribe((event) => events.push(event));
  const drain = async (from?: SyncPoint) => {
    const tasks: SyncTask<PersonRecord>[] = [];
    for await (const task of reader.sync(from)) tasks.push(task);
    const done = tasks.at(-1) as Extract<SyncTask<PersonRecord>, { operation: 'done' }>;
    return { tasks, point: { epoch: done.epoch, revision: done.revision } };
  };
  const katherine = (await p.gcds.personOf({ provider: 'facebook-sim', contactId: 'f-kj' }))!;
  const ada = (await p.gcds.personOf({ provider: 'local', contactId: 'l-ada' }))!;
  return { p, local, facebook, reader, events, drain, katherine, ada };
}

describe('what a privileged reader learns of facebook-only people', () => {
  it('a facebook-only edit names the person to it nowhere: not in events, not in sync', async () => {
    const { p, facebook, events, drain, katherine } = await world();
    const first = await drain();
    expect(JSON.stringify(first.tasks)).not.toContain(katherine);
    await facebook.put(
      'f-kj',
      contact('f-kj', { given: 'Katherine', family: 'Johnson', tel: [{ value: '+16175550198' }] }),
    );
    await p.gcds.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(JSON.stringify(events)).not.toContain(katherine);
    const next = await drain(first.point);
    expect(next.tasks.map((task) => task.operation)).toEqual(['done']);
    expect(JSON.stringify(next.tasks)).not.toContain(katherine);
  });

  it('a person it could read and now cannot is still told as gone', async () => {
    const { p, local, events, drain, ada } = await world();
    const first = await drain();
    expect(first.tasks.some((task) => task.operation === 'add' && task.id === ada)).toBe(true);
    await local.remove('l-ada');
    await p.gcds.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.flatMap((event) => event.ids)).toContain(ada);
    const next = await drain(first.point);
    expect(next.tasks).toContainEqual(expect.objectContaining({ operation: 'remove', id: ada }));
  });
});
