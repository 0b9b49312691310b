import { createHash } from 'node:crypto';
import {
  AccessError,
  type ChangeEvent,
  type Contact,
  type ContactDraft,
  DataStorePlatform,
  defineProvider,
  PROVIDER_STORE_NAME,
  ProviderRegistry,
  type SyncTask,
} from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { ContactNotFoundError, ContactValidationError } from './contactValidationError';
import { IceLimitError } from './iceList';
import {
  createLocalProvider,
  LOCAL_PROVIDER_ID,
  type LocalContactsApi,
  type LocalProviderOptions,
} from './localProvider';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);

let counter = 0;

async function setup(options: LocalProviderOptions = {}) {
  counter += 1;
  const platform = new DataStorePlatform({ namespace: `local-provider-test-${counter}` });
  let clock = 1_000;
  const registry = new ProviderRegistry(platform, { now: () => clock });
  const installed = await registry.install(createLocalProvider(options));
  const readerApp = platform.registerApp({ appId: 'contacts-app', accessLevel: 'privileged' });
  const reader = await platform.openStore<Contact>(readerApp, PROVIDER_STORE_NAME, LOCAL_PROVIDER_ID);
  const events: ChangeEvent[] = [];
  reader.changes$.subscribe((event) => events.push(event));
  return {
    platform,
    registry,
    api: installed.api,
    reader,
    events,
    tick(ms = 1) {
      clock += ms;
      return clock;
    },
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(ContactValidationError);
  return (error as ContactValidationError).errors.map((e) => e.field);
}

async function seedIce(api: LocalContactsApi, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push((await api.add({ id: `ice-${i}`, given: `Ice ${i}`, ice: true })).id);
  }
  return ids;
}

describe('local provider: install and ownership', () => {
  it('installs as "local", privileged and writable, with its own contacts store', async () => {
    const provider = createLocalProvider();
    expect(provider.id).toBe('local');
    expect(provider.manifest).toMatchObject({
      displayName: 'Phone contacts',
      accessLevel: 'privileged',
      writable: true,
    });
    const { platform } = await setup();
    expect(await platform.listStores(PROVIDER_STORE_NAME)).toEqual([
      expect.objectContaining({ owner: 'local', accessLevel: 'privileged' }),
    ]);
    const web = platform.registerApp({ appId: 'web-page', accessLevel: 'web' });
    await expect(platform.openStore(web, PROVIDER_STORE_NAME, 'local')).rejects.toBeInstanceOf(AccessError);
  });

  it('non-owners cannot write: readers have no write methods and nobody else can own the store', async () => {
    const { platform, api, reader } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    for (const method of ['put', 'add', 'remove', 'clear', 'bulk', 'putBlob', 'removeBlob', 'compact']) {
      expect(method in reader).toBe(false);
    }
    expect(Object.isFrozen(reader)).toBe(true);
    // No app can take the provider's identity, so no app can get its owner handle.
    expect(() => platform.registerApp({ appId: 'local', accessLevel: 'certified' })).toThrow(
      /already registered/,
    );
    // Another app's "contacts" store is its own: writing it leaves the local contacts untouched.
    const intruder = platform.registerApp({ appId: 'intruder', accessLevel: 'certified' });
    const own = await platform.ownStore<Contact>(intruder, {
      name: PROVIDER_STORE_NAME,
      access: 'readonly',
      accessLevel: 'privileged',
    });
    expect(own.owner).toBe('intruder');
    await own.put('c1', { id: 'c1', given: 'Mallory' });
    expect(await reader.get('c1')).toMatchObject({ given: 'Ada' });
    expect(await api.get('c1')).toMatchObject({ given: 'Ada' });
  });
});

describe('local provider: add, get, update, remove', () => {
  it('adds under a new time-ordered uuid v7 id, stamped with ctx.now(), visible to readers', async () => {
    const { api, reader, tick } = await setup();
    const first = await api.add({ given: 'Ada', family: 'Lovelace', tel: [{ value: '+44 20 7946 0000' }] });
    tick();
    const second = await api.add({ given: 'Grace', family: 'Hopper' });
    expect(first.id).toMatch(UUID_V7);
    expect(second.id).toMatch(UUID_V7);
    expect(first.id < second.id).toBe(true);
    expect(first).toEqual({
      id: first.id,
      given: 'Ada',
      family: 'Lovelace',
      tel: [{ value: '+44 20 7946 0000' }],
      updatedAt: 1_000,
    });
    expect(second.updatedAt).toBe(1_001);
    expect(await api.get(first.id)).toEqual(first);
    expect(await reader.get(second.id)).toEqual(second);
  });

  it('keeps a given id, refuses one that exists, and ignores a caller-supplied updatedAt', async () => {
    const { api } = await setup();
    const ada = await api.add({ id: 'ada', given: 'Ada', updatedAt: 5 });
    expect(ada).toEqual({ id: 'ada', given: 'Ada', updatedAt: 1_000 });
    const error = await caught(api.add({ id: 'ada', given: 'Impostor' }));
    expect(error).toBeInstanceOf(ContactValidationError);
    expect((error as ContactValidationError).errors).toEqual([
      { field: 'id', message: 'a contact with id "ada" already exists' },
    ]);
    expect(await api.get('ada')).toEqual(ada);
  });

  it('refuses invalid contacts with every field error, writing nothing', async () => {
    const { api, reader } = await setup();
    expect(await fieldsOf(api.add({}))).toEqual(['']);
    expect(
      await fieldsOf(api.add({ given: 'Ada', tel: [{ value: 'call me' }], email: [{ value: 'nope' }] })),
    ).toEqual(['tel[0].value', 'email[0].value']);
    const error = await caught(api.add({ given: 'Ada', bday: { month: 2, day: 30 } }));
    expect((error as Error).message).toBe(
      'invalid contact: bday.day: 30 February does not exist: February has 29 days.',
    );
    expect((error as ContactValidationError).errors).toEqual([
      { field: 'bday.day', code: 'date-day', message: '30 February does not exist: February has 29 days.' },
    ]);
    expect(await reader.getLength()).toBe(0);
    expect(await reader.getRevision()).toBe(0);
  });

  it('keeps a number it cannot read exactly as typed: only a number with no digit is refused', async () => {
    const { api } = await setup();
    const tel = [
      { value: '12' },
      { value: '  020 7946 0958 ' },
      { value: '1-800-FLOWERS' },
      { value: '*#06#' },
    ];
    const stored = await api.add({ given: 'Ada', tel });
    expect(stored.tel).toEqual(tel);
    expect(await api.get(stored.id)).toEqual(stored);
  });

  it('checks a whole import with the same rules, naming each record', async () => {
    const { api, reader } = await setup();
    const error = await caught(
      api.importMany([{ given: 'Ada' }, { given: 'Bob', bday: { month: 13, day: 1 } }, { note: 'nobody' }]),
    );
    expect((error as ContactValidationError).errors.map((e) => [e.field, e.code])).toEqual([
      ['[1].bday.month', 'date-month'],
      ['[2]', 'empty-contact'],
    ]);
    expect(await reader.getLength()).toBe(0);
  });

  it('update with a patch changes named fields, removes undefined ones and restamps updatedAt', async () => {
    const { api, reader, tick } = await setup();
    await api.add({ id: 'c1', given: 'Ada', family: 'Byron', note: 'poet' });
    tick(10);
    const updated = await api.update('c1', { family: 'Lovelace', note: undefined });
    expect(updated).toEqual({ id: 'c1', given: 'Ada', family: 'Lovelace', updatedAt: 1_010 });
    expect(await reader.get('c1')).toEqual(updated);
  });

  it('update with a whole contact replaces it; the id cannot change', async () => {
    const { api } = await setup();
    await api.add({ id: 'c1', given: 'Ada', note: 'poet', favorite: true });
    const replaced = await api.update('c1', {
      id: 'c1',
      given: 'Augusta Ada',
      email: [{ value: 'a@x.org' }],
    });
    expect(replaced).toEqual({
      id: 'c1',
      given: 'Augusta Ada',
      email: [{ value: 'a@x.org' }],
      updatedAt: 1_000,
    });
    expect(await fieldsOf(api.update('c1', { id: 'c2', given: 'Ada' }))).toEqual(['id']);
    expect(await api.get('c1')).toEqual(replaced);
  });

  it('update refuses unknown ids and invalid results, leaving the record as it was', async () => {
    const { api, reader } = await setup();
    const ada = await api.add({ id: 'c1', given: 'Ada', tel: [{ value: '555 0100' }] });
    const revision = await reader.getRevision();
    await expect(api.update('nobody', { given: 'X' })).rejects.toBeInstanceOf(ContactNotFoundError);
    expect(await fieldsOf(api.update('c1', { given: undefined, tel: undefined }))).toEqual(['']);
    expect(await fieldsOf(api.update('c1', { tel: [{ value: 'abc' }] }))).toEqual(['tel[0].value']);
    expect(await api.get('c1')).toEqual(ada);
    expect(await reader.getRevision()).toBe(revision);
  });

  it('removes a contact, which readers see as a remove task; unknown ids are refused', async () => {
    const { api, reader } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    await api.add({ id: 'c2', given: 'Grace' });
    const before = await reader.getRevision();
    await api.remove('c1');
    expect(await api.get('c1')).toBeUndefined();
    const tasks: SyncTask<Contact>[] = [];
    for await (const task of reader.sync(before)) tasks.push(task);
    expect(tasks.map((t) => ('id' in t ? `${t.operation}:${t.id}` : t.operation))).toEqual([
      'remove:c1',
      'done',
    ]);
    const error = await caught(api.remove('c1'));
    expect(error).toBeInstanceOf(ContactNotFoundError);
    expect((error as Error).message).toBe('no local contact with id "c1"');
    expect(await api.get('c2')).toMatchObject({ given: 'Grace' });
  });
});

describe('local provider: list', () => {
  it('pages by key with afterId and limit', async () => {
    const { api } = await setup();
    for (const id of ['c3', 'c1', 'c5', 'c2', 'c4']) await api.add({ id, given: id.toUpperCase() });
    const first = await api.list({ limit: 2 });
    expect(first.contacts.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(first.nextAfterId).toBe('c2');
    const second = await api.list({ afterId: first.nextAfterId, limit: 2 });
    expect(second.contacts.map((c) => c.id)).toEqual(['c3', 'c4']);
    const last = await api.list({ afterId: second.nextAfterId, limit: 2 });
    expect(last.contacts.map((c) => c.given)).toEqual(['C5']);
    expect(last.nextAfterId).toBeUndefined();
    expect((await api.list()).contacts).toHaveLength(5);
  });

  it('refuses a limit outside 1..500', async () => {
    const { api } = await setup();
    await expect(api.list({ limit: 0 })).rejects.toThrow(/limit must be a whole number from 1 to 500/);
    await expect(api.list({ limit: 501 })).rejects.toBeInstanceOf(RangeError);
    await expect(api.list({ limit: 2.5 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe('local provider: favourites and ICE', () => {
  it('sets and clears a favourite, stamping the change', async () => {
    const { api, reader, tick } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    tick(5);
    expect(await api.setFavorite('c1', true)).toMatchObject({ favorite: true, updatedAt: 1_005 });
    expect(await reader.get('c1')).toMatchObject({ favorite: true });
    const cleared = await api.setFavorite('c1', false);
    expect(cleared.favorite).toBeUndefined();
    expect((await reader.get('c1'))?.favorite).toBeUndefined();
    await expect(api.setFavorite('nobody', true)).rejects.toBeInstanceOf(ContactNotFoundError);
    expect(await fieldsOf(api.setFavorite('c1', 'yes' as unknown as boolean))).toEqual(['favorite']);
  });

  it('does not write when a flag is already as asked', async () => {
    const { api, reader } = await setup();
    await api.add({ id: 'c1', given: 'Ada', favorite: true });
    const revision = await reader.getRevision();
    await api.setFavorite('c1', true);
    await api.setIce('c1', false);
    expect(await reader.getRevision()).toBe(revision);
  });

  it('allows five ICE contacts, refuses a sixth clearly, and frees a slot on unset or remove', async () => {
    const { api, reader } = await setup();
    const ice = await seedIce(api, 4);
    await api.add({ id: 'fifth', given: 'Fifth' });
    await api.add({ id: 'sixth', given: 'Sixth' });
    expect(await api.setIce('fifth', true)).toMatchObject({ ice: true });
    expect((await api.listIce()).map((c) => c.id)).toEqual([...ice, 'fifth']);
    const revision = await reader.getRevision();
    const error = await caught(api.setIce('sixth', true));
    expect(error).toBeInstanceOf(IceLimitError);
    expect((error as IceLimitError).refusedIds).toEqual(['sixth']);
    expect((error as Error).message).toMatch(/at most 5 ICE \(in case of emergency\) contacts/);
    expect((await api.get('sixth'))?.ice).toBeUndefined();
    expect(await reader.getRevision()).toBe(revision);

    await api.setIce('ice-1', false);
    await api.setIce('sixth', true);
    expect((await api.listIce()).map((c) => c.id)).toEqual(['ice-0', 'ice-2', 'ice-3', 'fifth', 'sixth']);
    await api.remove('ice-0');
    await api.add({ id: 'late', given: 'Late', ice: true });
    expect((await api.listIce()).map((c) => c.id)).toEqual(['ice-2', 'ice-3', 'fifth', 'sixth', 'late']);
  });

  it('counts ICE set through add, update and importMany against the same limit', async () => {
    const { api } = await setup();
    await seedIce(api, 5);
    await expect(api.add({ given: 'Sixth', ice: true })).rejects.toBeInstanceOf(IceLimitError);
    await api.add({ id: 'plain', given: 'Plain' });
    await expect(api.update('plain', { ice: true })).rejects.toBeInstanceOf(IceLimitError);
    await expect(api.importMany([{ given: 'A' }, { given: 'B', ice: true }])).rejects.toBeInstanceOf(
      IceLimitError,
    );
    expect((await api.list()).contacts.map((c) => c.id)).toEqual([
      'ice-0',
      'ice-1',
      'ice-2',
      'ice-3',
      'ice-4',
      'plain',
    ]);
  });

  it('derives the ICE list from the records when the store was written without it', async () => {
    counter += 1;
    const platform = new DataStorePlatform({ namespace: `local-provider-test-${counter}` });
    const first = new ProviderRegistry(platform);
    // An earlier version of the provider that kept no ICE list beside the records.
    await first.install(
      defineProvider({
        id: LOCAL_PROVIDER_ID,
        manifest: createLocalProvider().manifest,
        async start(ctx) {
          await ctx.store.bulk(
            ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
              operation: 'put' as const,
              id,
              data: { id, given: id, ice: id !== 'f' },
            })),
          );
        },
      }),
    );
    await first.shutdown();
    const { api } = await new ProviderRegistry(platform).install(createLocalProvider());
    expect((await api.listIce()).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    await expect(api.setIce('f', true)).rejects.toBeInstanceOf(IceLimitError);
  });

  it('holds the limit under concurrent requests: exactly five of seven succeed', async () => {
    const { api } = await setup();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    await api.importMany(ids.map((id) => ({ id, given: id })));
    const results = await Promise.allSettled(ids.map((id) => api.setIce(id, true)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof IceLimitError)).toHaveLength(
      2,
    );
    expect((await api.listIce()).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('local provider: importMany', () => {
  it('adds every draft in one transaction: one change event, ids kept or made', async () => {
    const { api, reader, events } = await setup();
    const imported = await api.importMany([
      { id: 'demo-1', given: 'Ada', favorite: true },
      { given: 'Grace', tel: [{ value: '+1 555 0100' }] },
      { org: 'ACME', ice: true },
    ]);
    expect(imported.map((c) => c.id)).toEqual([
      'demo-1',
      expect.stringMatching(UUID_V7),
      expect.stringMatching(UUID_V7),
    ]);
    expect(imported.every((c) => c.updatedAt === 1_000)).toBe(true);
    expect(await reader.getLength()).toBe(3);
    expect(events).toHaveLength(1);
    expect(events[0]?.ids).toEqual(imported.map((c) => c.id));
    expect((await api.listIce()).map((c) => c.org)).toEqual(['ACME']);
    expect(await api.importMany([])).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it('writes nothing when any draft is invalid, and says which one', async () => {
    const { api, reader } = await setup();
    await api.add({ id: 'taken', given: 'Taken' });
    const revision = await reader.getRevision();
    expect(
      await fieldsOf(
        api.importMany([
          { given: 'Fine' },
          { given: 'Bad', email: [{ value: 'no-at-sign' }] },
          {},
          null as unknown as ContactDraft,
          { id: 'dup', given: 'One' },
          { id: 'dup', given: 'Two' },
          { id: 'taken', given: 'Again' },
        ]),
      ),
    ).toEqual(['[1].email[0].value', '[2]', '[3]', '[5].id', '[6].id']);
    expect(await reader.getLength()).toBe(1);
    expect(await reader.getRevision()).toBe(revision);
    await expect(api.importMany('x' as unknown as [])).rejects.toBeInstanceOf(ContactValidationError);
  });
});

describe('local provider: photos', () => {
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('stores the photo once under its SHA-256 and points the contact at it, never inline', async () => {
    const { api, reader } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    await api.add({ id: 'c2', given: 'Grace' });
    const withPhoto = await api.setPhoto('c1', PNG, 'image/png');
    const id = sha256(PNG);
    // Node has no image decoder: the thumbnail is the photo itself, one blob.
    expect(withPhoto.photo).toEqual({ id, thumbnailId: id, mediaType: 'image/png' });
    expect(await reader.getBlob(id)).toEqual({ bytes: PNG, mediaType: 'image/png' });
    expect(await api.getPhotoBlob(id)).toEqual({ bytes: PNG, mediaType: 'image/png' });
    expect(JSON.stringify(await reader.get('c1'))).not.toContain('137,80');
    const shared = await api.setPhoto('c2', PNG, 'image/png');
    expect(shared.photo?.id).toBe(id);
  });

  it('stores photos for contacts not written yet, which an import then names: one write a contact', async () => {
    const { api, reader } = await setup();
    const revision = await reader.getRevision();
    const [photo, again] = await api.storePhotos([
      { bytes: PNG, mediaType: 'image/png' },
      { bytes: PNG, mediaType: 'image/png' },
    ]);
    expect(photo).toEqual({ id: sha256(PNG), thumbnailId: sha256(PNG), mediaType: 'image/png' });
    expect(again).toEqual(photo);
    // Blobs are no revision: no reader is woken for a photo no contact shows yet.
    expect(await reader.getRevision()).toBe(revision);
    await api.importMany([
      { id: 'c1', given: 'Ada', photo: photo! },
      { id: 'c2', given: 'Grace' },
    ]);
    expect((await reader.get('c1'))?.photo).toEqual(photo);
    expect(await reader.getBlob(photo!.id)).toEqual({ bytes: PNG, mediaType: 'image/png' });
    expect(await reader.getRevision()).toBe(revision + 2);
    expect(
      await fieldsOf(
        api.storePhotos([
          { bytes: PNG, mediaType: 'image/png' },
          { bytes: JPEG, mediaType: 'image/png' },
        ]),
      ),
    ).toEqual(['[1].photo.bytes']);
  });

  it('refuses an import naming photos that are not stored, and says which draft and blob', async () => {
    const { api, reader } = await setup();
    const [photo] = await api.storePhotos([{ bytes: PNG, mediaType: 'image/png' }]);
    const revision = await reader.getRevision();
    const lost = { id: 'not-stored', thumbnailId: 'nor-this', mediaType: 'image/png' };
    expect(
      await fieldsOf(
        api.importMany([
          { id: 'c1', given: 'Ada', photo: photo! },
          { id: 'c2', given: 'Grace', photo: lost },
          { id: 'c3', given: 'Bad', email: [{ value: 'no-at-sign' }], photo: lost },
          { id: 'c4', given: 'Lin', photo: { ...photo!, thumbnailId: 'nor-this' } },
        ]),
      ),
    ).toEqual(['[2].email[0].value', '[1].photo.id', '[1].photo.thumbnailId', '[3].photo.thumbnailId']);
    expect(await reader.getRevision()).toBe(revision);
  });

  it('stores an injected thumbnail as its own blob', async () => {
    const thumbnail = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 42]);
    const { api, reader } = await setup({
      makeThumbnail: async () => ({ bytes: thumbnail, mediaType: 'image/jpeg' }),
    });
    await api.add({ id: 'c1', given: 'Ada' });
    const contact = await api.setPhoto('c1', JPEG, 'image/jpeg');
    expect(contact.photo).toEqual({
      id: sha256(JPEG),
      thumbnailId: sha256(thumbnail),
      mediaType: 'image/jpeg',
    });
    expect(await reader.getBlob(sha256(thumbnail))).toEqual({ bytes: thumbnail, mediaType: 'image/jpeg' });
  });

  it('refuses bad photos and dangling or inline photo references', async () => {
    const { api, reader } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    expect(await fieldsOf(api.setPhoto('c1', PNG, 'application/pdf'))).toEqual(['photo.mediaType']);
    expect(await fieldsOf(api.setPhoto('c1', JPEG, 'image/png'))).toEqual(['photo.bytes']);
    await expect(api.setPhoto('nobody', PNG, 'image/png')).rejects.toBeInstanceOf(ContactNotFoundError);
    expect(
      await fieldsOf(api.update('c1', { photo: { id: 'f'.repeat(64), mediaType: 'image/png' } })),
    ).toEqual(['photo.id']);
    const inline = { id: 'x', mediaType: 'image/png', bytes: PNG } as unknown as Contact['photo'];
    expect(await fieldsOf(api.add({ given: 'B', photo: inline }))).toEqual(['photo']);
    expect((await reader.get('c1'))?.photo).toBeUndefined();
  });

  it('lets a whole-contact update carry its photo back, and removes a photo reference', async () => {
    const { api } = await setup();
    await api.add({ id: 'c1', given: 'Ada' });
    const withPhoto = await api.setPhoto('c1', PNG, 'image/png');
    const edited = await api.update('c1', { ...withPhoto, family: 'Lovelace' });
    expect(edited.photo).toEqual(withPhoto.photo);
    const without = await api.removePhoto('c1');
    expect(without.photo).toBeUndefined();
    expect((await api.get('c1'))?.photo).toBeUndefined();
    // The blob stays for any other contact sharing it.
    expect(await api.getPhotoBlob(sha256(PNG))).toBeDefined();
  });
});
