import {
  type Contact,
  type ContactDraft,
  contentId,
  defaultThumbnail,
  defineProvider,
  type PhotoRef,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderManifest,
  preparePhotoBatch,
  SerialQueue,
  type StoredBlob,
  type ThumbnailMaker,
  validateContact,
  type WriteOperation,
} from '@gcds/shared';
import { v7 as uuidv7 } from 'uuid';
import { applyContactChange, type ContactPatch, withoutUndefined } from './contactChange';
import { checkPhoto } from './contactPhoto';
import {
  type ContactFieldError,
  ContactNotFoundError,
  ContactValidationError,
} from './contactValidationError';
import { type IceChange, nextIceIds } from './iceList';

export const LOCAL_PROVIDER_ID = 'local';

export const LOCAL_PROVIDER_MANIFEST: ProviderManifest = Object.freeze({
  displayName: 'Phone contacts',
  accessLevel: 'privileged',
  writable: true,
  description: "The user's own contacts, edited in the Contacts app",
});

/** Owner-private metadata (never synced): the ICE ids in the order they became ICE. */
const ICE_META_KEY = 'iceIds';
const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export interface LocalProviderOptions {
  /** Makes photo thumbnails; by default a canvas where the runtime has one, else the photo itself. */
  makeThumbnail?: ThumbnailMaker;
}

export interface ContactListOptions {
  /** Start after this id (the `nextAfterId` of the previous page). */
  afterId?: string;
  /** At most this many contacts, 1 to MAX_PAGE_SIZE; 100 by default. */
  limit?: number;
}

export interface ContactPage {
  /** In id order (uuid v7 ids sort by creation time). */
  contacts: Contact[];
  /** Present when the page is full: pass it as `afterId` for the next page (which may be empty). */
  nextAfterId?: string;
}

/** The local provider's API: the only place the user's own contacts are written. */
export interface LocalContactsApi {
  /** Stores a new contact under a new uuid v7 id, or under `draft.id` when given (which must be free). */
  add(draft: ContactDraft): Promise<Contact>;
  /**
   * A patch (no `id`) changes the fields it names, and removes those given as `undefined`.
   * A whole contact (with its `id`) replaces the record: what an edit form hands back.
   */
  update(id: string, change: ContactPatch | Contact): Promise<Contact>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<Contact | undefined>;
  list(options?: ContactListOptions): Promise<ContactPage>;
  setFavorite(id: string, favorite: boolean): Promise<Contact>;
  /** At most MAX_ICE_CONTACTS contacts may be ICE; beyond that an IceLimitError, and nothing changes. */
  setIce(id: string, ice: boolean): Promise<Contact>;
  /** The ICE contacts, in the order they became ICE. */
  listIce(): Promise<Contact[]>;
  /** Adds every draft in ONE transaction (one change event), or none of them if any is invalid. */
  importMany(drafts: readonly ContactDraft[]): Promise<Contact[]>;
  /** Stores the photo once (id = SHA-256 of its bytes) plus a thumbnail, and points the contact at it. */
  setPhoto(id: string, bytes: Uint8Array, mediaType: string): Promise<Contact>;
  /**
   * Stores photos and their thumbnails as `setPhoto` does, all in one transaction, pointing no contact
   * at them yet: drafts given to `add` or `importMany` may then name them, so a new contact is written
   * once, photo and all. Refs in the order given; any bad photo refuses them all.
   */
  storePhotos(photos: ReadonlyArray<{ bytes: Uint8Array; mediaType: string }>): Promise<PhotoRef[]>;
  removePhoto(id: string): Promise<Contact>;
  /** A stored photo or thumbnail by its blob id (`photo.id` or `photo.thumbnailId`). */
  getPhotoBlob(blobId: string): Promise<StoredBlob | undefined>;
}

/** The user's own contacts: the one provider the Contacts UI edits. */
export function createLocalProvider(
  options: LocalProviderOptions = {},
): ProviderDefinition<LocalContactsApi> {
  return defineProvider({
    id: LOCAL_PROVIDER_ID,
    manifest: LOCAL_PROVIDER_MANIFEST,
    start: (ctx) => localContactsApi(ctx, options),
  });
}

function assertValid(errors: readonly ContactFieldError[]): void {
  if (errors.length > 0) throw new ContactValidationError(errors);
}

function prefixed(errors: readonly ContactFieldError[], prefix: string): ContactFieldError[] {
  return errors.map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix }));
}

function samePhoto(a: PhotoRef | undefined, b: PhotoRef | undefined): boolean {
  return a?.id === b?.id && a?.thumbnailId === b?.thumbnailId && a?.mediaType === b?.mediaType;
}

function assertBoolean(value: unknown, field: string): void {
  if (typeof value !== 'boolean') assertValid([{ field, message: 'must be true or false' }]);
}

function localContactsApi(ctx: ProviderContext, options: LocalProviderOptions): LocalContactsApi {
  const { store } = ctx;
  // The provider is its store's only writer: one write at a time makes each read-check-write atomic
  // (the ICE limit, id uniqueness).
  const writes = new SerialQueue();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => writes.run(task);
  const makeThumbnail = options.makeThumbnail ?? defaultThumbnail;

  async function existing(id: string): Promise<Contact> {
    const contact = typeof id === 'string' ? await store.get(id) : undefined;
    if (contact === undefined) throw new ContactNotFoundError(String(id));
    return contact;
  }

  async function readIceIds(): Promise<string[]> {
    const saved = await store.getMeta(ICE_META_KEY);
    if (Array.isArray(saved)) return saved as string[];
    // Nothing written by this provider yet: derive the list from the records once.
    const ids: string[] = [];
    let afterId: string | undefined;
    while (true) {
      const page = await list({ afterId, limit: MAX_PAGE_SIZE });
      for (const contact of page.contacts) if (contact.ice === true) ids.push(contact.id);
      if (page.nextAfterId === undefined) return ids;
      afterId = page.nextAfterId;
    }
  }

  /**
   * Writes puts and removes in ONE transaction together with the ICE list they lead to. `iceIdsNow`, the
   * list as read earlier in the same queued write, saves reading it again.
   */
  async function commit(
    puts: readonly Contact[],
    removes: readonly string[] = [],
    iceIdsNow?: readonly string[],
  ): Promise<void> {
    const changes: IceChange[] = [
      ...puts.map((contact) => ({ id: contact.id, ice: contact.ice === true })),
      ...removes.map((id) => ({ id, ice: false })),
    ];
    const iceIds = nextIceIds(iceIdsNow ?? (await readIceIds()), changes);
    const operations: WriteOperation<Contact>[] = [
      ...puts.map((contact) => ({ operation: 'put' as const, id: contact.id, data: contact })),
      ...removes.map((id) => ({ operation: 'remove' as const, id })),
    ];
    await store.bulk(operations, { meta: { [ICE_META_KEY]: iceIds } });
  }

  /** A record may only point at photos already stored, so it never holds a dangling or inline photo. */
  /**
   * Each contact's errors for photo blobs that are not stored, all looked up in one read: an import of
   * 2,000 contacts with photos was 4,000 reads one after the other, each queued behind other stores' work.
   */
  async function photoErrors(
    changes: ReadonlyArray<{ contact: Contact; before?: Contact }>,
  ): Promise<ContactFieldError[][]> {
    const wanted = changes.map(({ contact, before }): Array<[field: string, id: string]> => {
      const photo = contact.photo;
      if (photo === undefined || samePhoto(photo, before?.photo)) return [];
      return photo.thumbnailId === undefined
        ? [['photo.id', photo.id]]
        : [
            ['photo.id', photo.id],
            ['photo.thumbnailId', photo.thumbnailId],
          ];
    });
    const stored = await store.hasBlobs(wanted.flat().map(([, id]) => id));
    let at = 0;
    return wanted.map((blobs) =>
      blobs.flatMap(([field, id]) =>
        stored[at++]
          ? []
          : [
              field === 'photo.id'
                ? { field, message: `no stored photo "${id}": store it with setPhoto` }
                : { field, message: `no stored thumbnail "${id}"` },
            ],
      ),
    );
  }

  function stamped(contact: Contact): Contact {
    return { ...withoutUndefined(contact), updatedAt: ctx.now() };
  }

  async function list(listOptions: ContactListOptions = {}): Promise<ContactPage> {
    const { afterId, limit = DEFAULT_PAGE_SIZE } = listOptions;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new RangeError(`list limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
    }
    if (afterId !== undefined && typeof afterId !== 'string') {
      throw new TypeError('list afterId must be a contact id');
    }
    const ids = await store.keys(afterId, limit);
    const contacts = (await store.getMany(ids)).filter((c): c is Contact => c !== undefined);
    const last = ids.at(-1);
    return ids.length === limit && last !== undefined ? { contacts, nextAfterId: last } : { contacts };
  }

  async function setFlag(id: string, field: 'favorite' | 'ice', value: boolean): Promise<Contact> {
    assertBoolean(value, field);
    return enqueue(async () => {
      const contact = await existing(id);
      if ((contact[field] === true) === value) return contact;
      const next = stamped({ ...contact, [field]: value || undefined });
      await commit([next]);
      return next;
    });
  }

  async function storeBlobOnce(blob: StoredBlob): Promise<string> {
    const id = await contentId(blob.bytes);
    if ((await store.getBlob(id)) === undefined) await store.putBlob(id, blob);
    return id;
  }

  async function storePhotoBlobs(photo: StoredBlob, thumbnail: StoredBlob): Promise<PhotoRef> {
    const id = await storeBlobOnce(photo);
    const thumbnailId = await storeBlobOnce(thumbnail);
    return { id, thumbnailId, mediaType: photo.mediaType };
  }

  return {
    add(draft) {
      return enqueue(async () => {
        assertValid(validateContact(draft));
        const id = draft.id ?? uuidv7();
        if ((await store.get(id)) !== undefined) {
          assertValid([{ field: 'id', message: `a contact with id "${id}" already exists` }]);
        }
        const contact = stamped({ ...draft, id });
        assertValid((await photoErrors([{ contact }]))[0]!);
        await commit([contact]);
        return contact;
      });
    },

    update(id, change) {
      return enqueue(async () => {
        if (typeof change !== 'object' || change === null) {
          assertValid([{ field: '', message: 'an update must be a patch object or a whole contact' }]);
        }
        const before = await existing(id);
        const next = applyContactChange(before, change);
        assertValid(validateContact(next));
        assertValid((await photoErrors([{ contact: next, before }]))[0]!);
        const contact = stamped(next);
        await commit([contact]);
        return contact;
      });
    },

    remove(id) {
      return enqueue(async () => {
        await existing(id);
        await commit([], [id]);
      });
    },

    get: (id) => store.get(id),
    list,
    setFavorite: (id, favorite) => setFlag(id, 'favorite', favorite),
    setIce: (id, ice) => setFlag(id, 'ice', ice),

    async listIce() {
      const ids = await readIceIds();
      return (await store.getMany(ids)).filter((c): c is Contact => c !== undefined);
    },

    importMany(drafts) {
      return enqueue(async () => {
        if (!Array.isArray(drafts))
          assertValid([{ field: '', message: 'importMany takes a list of contacts' }]);
        // Every problem of every draft at once, so a whole import can be fixed in one go.
        const shapeErrors = drafts.map((draft) => validateContact(draft));
        const errors = shapeErrors.flatMap((found, i) => prefixed(found, `[${i}]`));
        const now = ctx.now();
        const seen = new Map<string, number>();
        const validAt = drafts.flatMap((_, i) => (shapeErrors[i]?.length === 0 ? [i] : []));
        const ids = validAt.map((i) => drafts[i]?.id ?? uuidv7());
        const contacts = validAt.map(
          (i, n): Contact => ({ ...withoutUndefined(drafts[i]!), id: ids[n]!, updatedAt: now }),
        );
        // The checks' reads are independent: asked together, they wait in the backend's queue once.
        const [stored, missingPhotos, iceIds] = await Promise.all([
          store.getMany(ids),
          photoErrors(contacts.map((contact) => ({ contact }))),
          readIceIds(),
        ]);
        for (const [n, i] of validAt.entries()) {
          const contact = contacts[n]!;
          const first = seen.get(contact.id);
          if (first !== undefined) {
            errors.push({ field: `[${i}].id`, message: `"${contact.id}" is also the id of [${first}]` });
          } else if (stored[n] !== undefined) {
            errors.push({ field: `[${i}].id`, message: `a contact with id "${contact.id}" already exists` });
          }
          seen.set(contact.id, first ?? i);
        }
        missingPhotos.forEach((found, n) => {
          errors.push(...prefixed(found, `[${validAt[n]}]`));
        });
        assertValid(errors);
        if (contacts.length > 0) await commit(contacts, [], iceIds);
        return contacts;
      });
    },

    async setPhoto(id, bytes, mediaType) {
      assertValid(checkPhoto(bytes, mediaType));
      const photo: StoredBlob = { bytes, mediaType };
      // Hash and thumbnail outside the write queue: they are slow and touch no record.
      const thumbnail = await makeThumbnail(photo);
      return enqueue(async () => {
        const contact = await existing(id);
        // Blobs first: a record never points at a photo that is not stored. A crash in between leaves
        // an unreferenced blob under its content id, which the next setPhoto of that photo reuses.
        const next = stamped({ ...contact, photo: await storePhotoBlobs(photo, thumbnail) });
        await commit([next]);
        return next;
      });
    },

    async storePhotos(photos) {
      assertValid(photos.flatMap((photo, i) => prefixed(checkPhoto(photo.bytes, photo.mediaType), `[${i}]`)));
      // Hashes and thumbnails outside the write queue; then one blob transaction.
      const batch = await preparePhotoBatch(photos, makeThumbnail);
      return enqueue(async () => {
        await store.putBlobs(batch.blobs);
        return batch.refs;
      });
    },

    removePhoto(id) {
      return enqueue(async () => {
        const contact = await existing(id);
        if (contact.photo === undefined) return contact;
        // The blob stays: other contacts may share it (same content id).
        const next = stamped({ ...contact, photo: undefined });
        await commit([next]);
        return next;
      });
    },

    getPhotoBlob: (blobId) => store.getBlob(blobId),
  };
}
