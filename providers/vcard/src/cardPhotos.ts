import {
  type DataStoreOwner,
  type PhotoRef,
  preparePhotoBatch,
  type StoredBlob,
  type ThumbnailMaker,
} from '@gcds/shared';
import { importedCardNamed } from './parseVcardFile';
import type { ParsedCard, VcardParseWarning } from './vcardParseResult';

export interface CardPhotoRefs {
  /** Each card's photo reference, in the cards' order; undefined for a card without a photo. */
  refs: Array<PhotoRef | undefined>;
  /** Cards whose thumbnail could not be made: imported with the photo standing in for it. */
  warnings: VcardParseWarning[];
}

/**
 * Stores the photos of a batch's cards in ONE blob transaction, to be called before the cards are
 * written: a crash in between leaves unreferenced blobs, never a record pointing at nothing. `stored`
 * (photo id → thumbnail id) is what the import's earlier batches wrote; it grows with this batch's.
 */
export async function storeCardPhotos(
  store: Pick<DataStoreOwner<unknown>, 'putBlobs'>,
  file: string,
  cards: readonly ParsedCard[],
  makeThumbnail: ThumbnailMaker,
  stored: Map<string, string>,
): Promise<CardPhotoRefs> {
  const photos = cards.flatMap((card) => (card.photo === undefined ? [] : [card.photo]));
  if (photos.length === 0) return { refs: cards.map(() => undefined), warnings: [] };
  const failures = new Map<StoredBlob, unknown>();
  // A thumbnail that cannot be made loses neither the photo nor the card nor the batch: the photo stands
  // in for it, as defaultThumbnail keeps bytes it cannot decode.
  const thumbnailOrPhoto: ThumbnailMaker = async (photo) => {
    try {
      return await makeThumbnail(photo);
    } catch (error) {
      failures.set(photo, error);
      return photo;
    }
  };
  const batch = await preparePhotoBatch(photos, thumbnailOrPhoto, stored);
  if (batch.blobs.length > 0) await store.putBlobs(batch.blobs);
  for (const [id, thumbnailId] of batch.added) stored.set(id, thumbnailId);
  const failed = new Map<string, unknown>();
  batch.refs.forEach((ref, i) => {
    if (failures.has(photos[i]!)) failed.set(ref.id, failures.get(photos[i]!));
  });
  let next = 0;
  const refs = cards.map((card) => (card.photo === undefined ? undefined : batch.refs[next++]));
  const warnings: VcardParseWarning[] = [];
  cards.forEach((card, i) => {
    const ref = refs[i];
    if (ref === undefined || !failed.has(ref.id)) return;
    const reason = failed.get(ref.id);
    const line = card.source.line;
    warnings.push({
      file,
      line,
      message: `line ${line}: no thumbnail could be made of the photo (${reason instanceof Error ? reason.message : String(reason)}), so the photo itself is shown in lists (${importedCardNamed(card.contact)} starting at line ${line} was imported)`,
    });
  });
  return { refs, warnings };
}
