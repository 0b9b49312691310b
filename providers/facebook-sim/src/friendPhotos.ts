import {
  type DataStoreOwner,
  type PhotoRef,
  photoProblem,
  preparePhotoBatch,
  type StoredBlob,
  type ThumbnailMaker,
} from '@gcds/shared';
import { from, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { FacebookApiError, FacebookProtocolError } from './facebookErrors';
import { isPhotoRef, photoKey } from './syncState';
import { parsePhoto } from './wireFormat';

/**
 * Picture downloads in flight at once: a client's few connections to one host. One at a time, a first
 * sync of 9,000 friends waited through the network's latency a thousand times over.
 */
export const PICTURE_REQUESTS_AT_ONCE = 6;

export interface FriendPhotoContext {
  store: Pick<DataStoreOwner<unknown>, 'getMeta' | 'hasBlobs' | 'putBlobs'>;
  /** One picture's bytes as the server sends them, retried as every request is. */
  fetchPicture(pictureId: string): Promise<unknown>;
  makeThumbnail: ThumbnailMaker;
  signal: AbortSignal;
  /** Picture id → the photo stored for it, as this sync has found or stored them; grows with each call. */
  known: Map<string, PhotoRef>;
}

/** The photos of one page's pictures. */
export interface PagePhotos {
  /** Picture id → the stored photo its friends' records point at. */
  refs: Map<string, PhotoRef>;
  /** Picture id → why it was left out (gone, or not an image): its friends are stored without one. */
  problems: Map<string, string>;
  /** Pictures downloaded. */
  fetched: number;
  /** Picture key → photo, to commit in the store's metadata with the page: later runs find them there. */
  meta: Record<string, PhotoRef>;
}

/**
 * The stored photo of each picture, downloading only those this store has not got: the ones it knows
 * (from this sync or the metadata of earlier ones) are checked in one read, the rest are downloaded a
 * few at a time and stored, with their thumbnails, in ONE blob transaction, before any record points
 * at them (a crash in between leaves unreferenced blobs, never a record pointing at nothing). Rejects
 * on a download that failed for good for another reason than the picture itself, or a thumbnail error.
 */
export async function pagePhotos(
  context: FriendPhotoContext,
  pictureIds: Iterable<string>,
): Promise<PagePhotos> {
  const wanted = [...new Set(pictureIds)];
  const noted = await Promise.all(
    wanted.map(async (id) => {
      const known = context.known.get(id) ?? (await context.store.getMeta(photoKey(id)));
      return isPhotoRef(known) ? known : undefined;
    }),
  );
  const candidates = wanted.flatMap((id, i) => (noted[i] === undefined ? [] : [[id, noted[i]!] as const]));
  const stored = await context.store.hasBlobs(candidates.map(([, ref]) => ref.id));
  const refs = new Map(candidates.filter((_, i) => stored[i]));
  for (const [id, ref] of refs) context.known.set(id, ref);

  const problems = new Map<string, string>();
  const downloads = await lastValueFrom(
    from(wanted.filter((id) => !refs.has(id))).pipe(
      mergeMap(
        async (id) => ({ id, photo: await download(context, id, problems) }),
        PICTURE_REQUESTS_AT_ONCE,
      ),
      toArray(),
    ),
    { defaultValue: [] },
  );
  const photos = downloads.flatMap(({ id, photo }) => (photo === undefined ? [] : [{ id, photo }]));
  const meta: Record<string, PhotoRef> = {};
  if (photos.length > 0) {
    const batch = await preparePhotoBatch(
      photos.map(({ photo }) => photo),
      context.makeThumbnail,
    );
    context.signal.throwIfAborted();
    await context.store.putBlobs(batch.blobs);
    photos.forEach(({ id }, i) => {
      const ref = batch.refs[i]!;
      refs.set(id, ref);
      context.known.set(id, ref);
      meta[photoKey(id)] = ref;
    });
  }
  return { refs, problems, fetched: photos.length, meta };
}

/** One picture, or undefined (with the reason in `problems`) when it is gone or not an image. */
async function download(
  context: FriendPhotoContext,
  id: string,
  problems: Map<string, string>,
): Promise<StoredBlob | undefined> {
  let photo: StoredBlob;
  try {
    photo = parsePhoto(await context.fetchPicture(id), id);
  } catch (error) {
    // A picture gone (404) or garbled must not hold back the friend's data; anything retryable did throw.
    if ((error instanceof FacebookApiError && !error.retryable) || error instanceof FacebookProtocolError) {
      problems.set(id, (error as Error).message);
      return undefined;
    }
    throw error;
  }
  const problem = photoProblem(photo);
  if (problem !== undefined) {
    problems.set(id, problem);
    return undefined;
  }
  return photo;
}
