import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from '../dataStore/dataStorePlatform';
import type { SyncTask } from '../dataStore/types';
import type { PersonRecord } from './person';
import { READABLE_POINTERS_POLICY, withOnceReadableAt } from './readablePointersPolicy';

const local = { provider: 'local', contactId: 'l1', accessLevel: 'privileged' as const, revision: 1 };
const facebook = {
  provider: 'facebook-sim',
  contactId: 'f1',
  accessLevel: 'certified' as const,
  revision: 1,
};

async function setup() {
  const platform = new DataStorePlatform({ namespace: `policy-${Math.random()}` });
  const gcds = platform.registerApp({ appId: 'gcds', accessLevel: 'certified' });
  const store = await platform.ownStore<PersonRecord>(gcds, {
    name: 'gcds',
    access: 'readonly',
    accessLevel: 'web',
    rowPolicy: READABLE_POINTERS_POLICY,
  });
  const dialer = await platform.openStore<PersonRecord>(
    platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
    'gcds',
    'gcds',
  );
  const contacts = await platform.openStore<PersonRecord>(
    platform.registerApp({ appId: 'contacts', accessLevel: 'certified' }),
    'gcds',
    'gcds',
  );
  return { store, dialer, contacts };
}

async function drain(cursor: AsyncIterable<SyncTask<PersonRecord>>) {
  const tasks: SyncTask<PersonRecord>[] = [];
  for await (const task of cursor) tasks.push(task);
  return tasks;
}

describe('the readable-pointers row policy, applied by the platform', () => {
  it('hides pointers and people above the reader level on every read path', async () => {
    const { store, dialer, contacts } = await setup();
    const merged: PersonRecord = {
      id: 'p1',
      pointers: [facebook, local],
      reasons: [{ a: facebook, b: local, kind: 'auto', keys: ['phone:+14155550100'] }],
    };
    await store.bulk([
      { operation: 'put', id: 'p1', data: merged },
      { operation: 'put', id: 'p2', data: { id: 'p2', pointers: [facebook], reasons: [] } },
    ]);
    expect(await dialer.get('p1')).toEqual({ id: 'p1', pointers: [local], reasons: [] });
    expect(await dialer.get('p2')).toBeUndefined();
    expect(await dialer.keys()).toEqual(['p1']);
    expect(await dialer.getLength()).toBe(1);
    const dialerTasks = await drain(dialer.sync());
    expect(JSON.stringify(dialerTasks)).not.toContain('facebook');
    expect(dialerTasks.map((t) => t.operation)).toEqual(['add', 'done']);
    expect(await contacts.get('p1')).toEqual(merged);
    expect((await drain(contacts.sync())).map((t) => t.operation)).toEqual(['add', 'add', 'done']);
  });

  it("keeps the chosen name's source only for a reader that may read that source", async () => {
    const { store, dialer, contacts } = await setup();
    const fromFacebook: PersonRecord = {
      id: 'p1',
      pointers: [local, facebook],
      reasons: [],
      nameFrom: { provider: 'facebook-sim', contactId: 'f1' },
    };
    const fromLocal: PersonRecord = {
      ...fromFacebook,
      id: 'p3',
      nameFrom: { provider: 'local', contactId: 'l1' },
    };
    await store.bulk([
      { operation: 'put', id: 'p1', data: fromFacebook },
      { operation: 'put', id: 'p3', data: fromLocal },
    ]);
    expect(await dialer.get('p1')).toEqual({ id: 'p1', pointers: [local], reasons: [] });
    expect((await dialer.get('p3'))?.nameFrom).toEqual({ provider: 'local', contactId: 'l1' });
    expect(await contacts.get('p1')).toEqual(fromFacebook);
  });

  it('turns an update that hides a person it once showed into a remove, and wakes the reader', async () => {
    const { store, dialer } = await setup();
    const before: PersonRecord = { id: 'p1', pointers: [local, facebook], reasons: [] };
    await store.put('p1', before);
    const done = (await drain(dialer.sync())).at(-1)!;
    const woke = firstValueFrom(dialer.changes$);
    // As the GCDS writes it: the person remembers it was readable at privileged.
    const after = withOnceReadableAt({ id: 'p1', pointers: [facebook], reasons: [] }, before);
    expect(after.onceReadableAt).toBe('privileged');
    await store.put('p1', after);
    expect((await woke).revision).toBe(2);
    const tasks = await drain(dialer.sync(done.revision));
    expect(tasks.map((t) => t.operation)).toEqual(['remove', 'done']);
  });

  it('never names to a reader a person it never could read', async () => {
    const { store, dialer } = await setup();
    await store.put('p2', { id: 'p2', pointers: [facebook], reasons: [] });
    const done = (await drain(dialer.sync())).at(-1)!;
    const heard: unknown[] = [];
    const subscription = dialer.changes$.subscribe((event) => heard.push(event));
    await store.put(
      'p2',
      withOnceReadableAt({ id: 'p2', pointers: [{ ...facebook, revision: 2 }], reasons: [] }, undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.unsubscribe();
    expect(JSON.stringify(heard)).not.toContain('p2');
    expect(JSON.stringify(await drain(dialer.sync(done.revision)))).not.toContain('p2');
  });
});
