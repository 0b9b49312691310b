import type { ContactListEntry, ListPage } from '@gcds/consumer-contacts';
import type { ConsumerChange, MergedContact, StoredBlob } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import type * as Comlink from 'comlink';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ListOrder } from '../protocol/contactsApi';
import { ContactsEngine, type EngineConsumer } from './contactsEngine';

const local = (id: string) => ({ provider: 'local', contactId: id });
const facebook = (id: string) => ({ provider: 'facebook-sim', contactId: id });

const ana = mergedContact({
  personId: 'ana',
  sources: [local('l1')],
  given: { value: 'Ana', source: local('l1') },
  photo: { value: { id: 'photo-1', thumbnailId: 'thumb-1', mediaType: 'image/png' }, source: local('l1') },
  tel: [{ value: { value: '+33612345678' }, source: local('l1'), alsoIn: [] }],
});
const zoe = mergedContact({
  personId: 'zoe',
  sources: [facebook('f1')],
  given: { value: 'Zoé', source: facebook('f1') },
});

function entry(person: MergedContact, favorite = false): ContactListEntry {
  return {
    personId: person.personId,
    displayName: person.given?.value ?? '',
    positions: [],
    nameTokens: [],
    ...(favorite ? { favorite: true } : {}),
    ...(person.photo === undefined
      ? {}
      : { thumbnail: { source: person.photo.source, blobId: 'thumb-1', mediaType: 'image/png' } }),
    emails: [],
    phones: person.tel.map((t) => ({ value: t.value.value })),
  };
}

/** A consumer over a fixed list: Ana in Favourites and under A (one person, two places), Zoé under Z. */
function fakeConsumer(thumbnailsRead: string[]): EngineConsumer {
  const people = new Map([ana, zoe].map((p) => [p.personId, p]));
  const places = [entry(ana, true), entry(ana, true), entry(zoe)];
  const sections = ['favorites', 'all', 'all'] as const;
  const page = (from: number, limit: number): ListPage => {
    const items = places.slice(from, from + limit).map((e, i) => ({
      position: String(from + i),
      section: sections[from + i]!,
      entry: e,
    }));
    return { items, next: from + limit < places.length ? String(from + limit - 1) : undefined };
  };
  return {
    sync: { status: () => ({ revision: 7 }) } as unknown as EngineConsumer['sync'],
    changes$: new Subject(),
    groups: async () => [
      { id: 'favorites', label: 'Favourites', kind: 'favorites', count: 1, start: '0' },
      { id: 'a', label: 'A', kind: 'latin', count: 1, start: '1' },
      { id: 'z', label: 'Z', kind: 'latin', count: 1, start: '2' },
    ],
    firstPage: async (limit) => page(0, limit),
    pageAfter: async (position, limit) => page(Number(position) + 1, limit),
    pageFrom: async (position, limit) => page(Number(position), limit),
    getDetail: async (personId) => people.get(personId),
    getDetails: async (personIds) => personIds.map((personId) => people.get(personId)),
    search: async () => [],
    getThumbnail: async ({ thumbnail }) => {
      if (thumbnail === undefined) return undefined;
      thumbnailsRead.push(thumbnail.blobId);
      return { bytes: new Uint8Array([1, 2]), mediaType: thumbnail.mediaType };
    },
  };
}

function engine(
  thumbnailsRead: string[] = [],
  saved: { order: ListOrder } = { order: 'givenFirst' },
  consumer: EngineConsumer = fakeConsumer(thumbnailsRead),
) {
  const blobs: Record<string, StoredBlob> = {
    'local/photo-1': { bytes: new TextEncoder().encode('PNG'), mediaType: 'image/png' },
  };
  return new ContactsEngine({
    identity: { appId: 'contacts', accessLevel: 'certified' } as never,
    region: 'FR',
    consumer,
    service: <T>() => ({}) as Comlink.Remote<T>,
    connected: () => [],
    gcdsRecord: async () => undefined,
    readBlob: async (provider, blobId) => blobs[`${provider}/${blobId}`],
    settings: {
      nameOrder: async () => saved.order,
      setNameOrder: async (order) => {
        saved.order = order;
      },
    },
  });
}

describe('ContactsEngine', () => {
  it('exports each person once, leaves out who only facebook-sim knows, and writes the photo inline', async () => {
    const exported = await engine().appApi.exportVcf();
    expect(exported.count).toBe(1);
    expect(exported.leftOut).toBe(1);
    expect(exported.text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(exported.text).toContain('Ana');
    expect(exported.text).not.toContain('Zoé');
    expect(exported.text).toContain(`PHOTO:data:image/png;base64,${btoa('PNG')}`);
  });

  it('reads a thumbnail from the row it showed, or from the merged photo of a detail opened elsewhere', async () => {
    const read: string[] = [];
    const api = engine(read).appApi;
    expect(await api.thumbnail('ana')).toEqual({ bytes: new Uint8Array([1, 2]), mediaType: 'image/png' });
    expect(read).toEqual(['thumb-1']);
    expect(await api.thumbnail('zoe')).toBeUndefined();
  });

  it('shows rows with the number in the phone’s national format', async () => {
    const api = engine().appApi;
    expect((await api.sections()).map((s) => s.label)).toEqual(['Favourites', 'A', 'Z']);
    expect(await api.rows(1, 0, 1)).toEqual([
      {
        personId: 'ana',
        displayName: 'Ana',
        subtitle: '06 12 34 56 78',
        hasPhoto: true,
        photoId: 'thumb-1',
        favorite: true,
      },
    ]);
  });

  it('gives the app the shell’s import progress and tells it of each change, once', async () => {
    const contacts = engine();
    let told = 0;
    contacts.appApi.subscribe(() => {
      told += 1;
    });
    expect(contacts.appApi.loading()).toBeNull();
    contacts.setLoading({ done: 250, total: 2_249 });
    contacts.setLoading({ done: 250, total: 2_249 });
    expect(contacts.appApi.loading()).toEqual({ done: 250, total: 2_249 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).toBe(1);
    contacts.setLoading(null);
    expect(contacts.appApi.loading()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).toBe(2);
  });

  it('tells the app of a commit at once, even just after a progress refresh told it', async () => {
    const consumer = fakeConsumer([]);
    const contacts = engine([], undefined, consumer);
    let told = 0;
    contacts.appApi.subscribe(() => {
      told += 1;
    });
    contacts.setLoading({ done: 100, total: 37_228 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toBe(1);
    // The first people's commit: a throttle shared with the progress line held it for its window.
    (consumer.changes$ as Subject<ConsumerChange>).next({ personIds: ['ana'], reset: false, revision: 8 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toBe(2);
  });
});

describe('ContactsEngine list order', () => {
  it('reads the saved order, and a new one is saved and read from then on', async () => {
    const saved = { order: 'familyFirst' as ListOrder };
    const api = engine([], saved).appApi;
    expect(await api.listOrder()).toBe('familyFirst');
    await api.setListOrder('givenFirst');
    expect(saved.order).toBe('givenFirst');
    expect(await api.listOrder()).toBe('givenFirst');
    expect(await engine([], saved).appApi.listOrder()).toBe('givenFirst');
  });
});
