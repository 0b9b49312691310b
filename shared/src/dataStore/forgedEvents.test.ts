import { firstValueFrom, type Observable, take, timeout, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DataStorePlatform } from './dataStorePlatform';
import type { ChangeEvent } from './types';

/*
 * Forgeries of change events and store announcements, written as the attack: each succeeds (a reader
 * hears what no store did) if a listener is handed the Subject itself or the bridge is believed.
 */

let counter = 0;

async function bridged() {
  counter += 1;
  const namespace = `forged-${counter}-${Math.random().toString(36).slice(2)}`;
  const channel = `forged-bridge-${counter}`;
  const writerSide = new DataStorePlatform({ namespace, broadcastChannelName: channel });
  const readerSide = new DataStorePlatform({ namespace, broadcastChannelName: channel });
  const ownerApp = writerSide.registerApp({ appId: 'provider', accessLevel: 'web' });
  const owner = await writerSide.ownStore<{ n: number }>(ownerApp, {
    name: 'contacts',
    access: 'readonly',
    accessLevel: 'web',
  });
  const readerApp = readerSide.registerApp({ appId: 'reader', accessLevel: 'web' });
  const reader = await readerSide.openStore<{ n: number }>(readerApp, 'contacts', 'provider');
  const forger = new BroadcastChannel(channel);
  const storeKey = `${namespace}:store:provider:contacts`;
  // The real install's announcement reaches the reader's side before the attack starts.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { namespace, writerSide, readerSide, owner, reader, forger, storeKey };
}

/** Everything the stream emits within `ms`. */
function heardWithin<T>(stream: Observable<T>, ms: number): Promise<T[]> {
  const heard: T[] = [];
  const subscription = stream.subscribe((value) => heard.push(value));
  return new Promise((resolve) =>
    setTimeout(() => {
      subscription.unsubscribe();
      resolve(heard);
    }, ms),
  );
}

/** Every object up a stream's `source` chain that has a `next` or `complete`: what a forger would call. */
function subjectsBehind(stream: unknown): Array<{ next?: unknown; complete?: unknown; error?: unknown }> {
  const found = [];
  let at = (stream as { source?: unknown }).source;
  while (at !== undefined && at !== null) {
    found.push(at as { next?: unknown; complete?: unknown });
    at = (at as { source?: unknown }).source;
  }
  return found.filter((s) => typeof s.next === 'function' || typeof s.complete === 'function');
}

describe('forged change events', () => {
  it('a reader cannot emit on or complete its changes$ (it is not the Subject)', async () => {
    const { reader, owner, readerSide, writerSide, forger } = await bridged();
    const heard = heardWithin(reader.changes$, 300);
    for (const subject of subjectsBehind(reader.changes$)) {
      (subject.next as (e: ChangeEvent) => void).call(subject, {
        store: 'contacts',
        owner: 'provider',
        revision: 99,
        ids: ['forged'],
        operation: 'put',
      });
      (subject.complete as () => void).call(subject);
    }
    const later = firstValueFrom(reader.changes$.pipe(timeout(2000)));
    await owner.put('real', { n: 1 });
    expect(await later).toMatchObject({ ids: ['real'], revision: 1 });
    expect((await heard).map((event) => event.ids)).toEqual([['real']]);
    forger.close();
    await readerSide.close();
    await writerSide.close();
  });

  it('a bridged event is a hint: what the reader hears is the store’s real revision and ids', async () => {
    const { reader, owner, readerSide, writerSide, forger, storeKey } = await bridged();
    await owner.put('a', { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const heard = heardWithin(reader.changes$, 400);
    forger.postMessage({
      source: 'forger',
      key: storeKey,
      event: { store: 'contacts', owner: 'provider', revision: 1e9, ids: ['forged'], operation: 'clear' },
    });
    forger.postMessage({ source: 'forger', key: storeKey, event: 'not an event' });
    forger.postMessage('not even a message');
    expect(await heard).toEqual([]);
    const next = firstValueFrom(reader.changes$.pipe(timeout(2000)));
    await owner.put('b', { n: 2 });
    expect(await next).toMatchObject({ revision: 2, ids: ['b'], operation: 'put' });
    forger.close();
    await readerSide.close();
    await writerSide.close();
  });
});

describe('forged revisions', () => {
  it('revisions$ hears the real revisions of another context, never a forged hint, and is not the Subject', async () => {
    const { reader, owner, readerSide, writerSide, forger, storeKey } = await bridged();
    const heard = heardWithin(reader.revisions$, 600);
    for (const subject of subjectsBehind(reader.revisions$)) {
      (subject.next as (revision: number) => void).call(subject, 99);
      (subject.complete as () => void).call(subject);
    }
    forger.postMessage({
      source: 'forger',
      key: storeKey,
      event: { store: 'contacts', owner: 'provider', revision: 1e9, ids: ['forged'], operation: 'put' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await owner.put('a', { n: 1 });
    await owner.put('b', { n: 2 });
    // Hints that arrive together are checked as one: the real revisions, rising, up to the last.
    const revisions = await heard;
    expect(revisions.at(-1)).toBe(2);
    expect(revisions.filter((revision) => revision !== 1 && revision !== 2)).toEqual([]);
    expect([...revisions].sort()).toEqual(revisions);
    forger.close();
    await readerSide.close();
    await writerSide.close();
  });
});

describe('forged announcements', () => {
  it('a bridged announcement the registry does not bear out is never told', async () => {
    const { readerSide, writerSide, forger, namespace } = await bridged();
    const heard = heardWithin(readerSide.announcements$, 400);
    forger.postMessage({
      source: 'forger',
      key: 'platform:announcements',
      event: { type: 'uninstalled', store: { name: 'contacts', owner: 'provider', accessLevel: 'web' } },
    });
    forger.postMessage({
      source: 'forger',
      key: 'platform:announcements',
      event: { type: 'installed', store: { name: 'contacts', owner: 'nobody', accessLevel: 'web' } },
    });
    forger.postMessage({ source: 'forger', key: 'platform:announcements', event: null });
    expect(await heard).toEqual([]);
    // A real uninstall is still told, with the registry's word for it.
    const told = firstValueFrom(readerSide.announcements$.pipe(take(1), toArray(), timeout(2000)));
    const ownerApp = writerSide.registerApp({ appId: 'provider-2', accessLevel: 'web' });
    await writerSide.ownStore(ownerApp, { name: 'contacts', access: 'readonly', accessLevel: 'web' });
    expect(await told).toEqual([
      { type: 'installed', store: { name: 'contacts', owner: 'provider-2', accessLevel: 'web' } },
    ]);
    expect(namespace).toBeTruthy();
    forger.close();
    await readerSide.close();
    await writerSide.close();
  });

  it('no one can emit on the platform’s announcements$ in its own context', async () => {
    const { readerSide, writerSide, forger } = await bridged();
    const heard = heardWithin(readerSide.announcements$, 300);
    for (const subject of subjectsBehind(readerSide.announcements$)) {
      (subject.next as (a: unknown) => void).call(subject, {
        type: 'uninstalled',
        store: { name: 'contacts', owner: 'provider', accessLevel: 'web' },
      });
    }
    expect(await heard).toEqual([]);
    forger.close();
    await readerSide.close();
    await writerSide.close();
  });
});
