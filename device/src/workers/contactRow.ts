import type { ContactListEntry } from '@gcds/consumer-contacts';
import type { MergedContact } from '@gcds/shared';
import type { ContactRow } from '../protocol/contactsApi';
import { displayNumber } from './callerIdView';

/** A list entry as the Contacts app's list shows it. */
export function rowOf(entry: ContactListEntry, region: string): ContactRow {
  const phone = entry.phones[0]?.value;
  return {
    personId: entry.personId,
    displayName: entry.displayName,
    // A number as the phone shows numbers (national at home), however its source wrote it.
    subtitle:
      entry.org ?? (phone === undefined ? undefined : displayNumber(phone, region)) ?? entry.emails[0] ?? '',
    hasPhoto: entry.thumbnail !== undefined,
    ...(entry.thumbnail === undefined ? {} : { photoId: entry.thumbnail.blobId }),
    favorite: entry.favorite === true,
  };
}

/** The thumbnail a detail's photo has, in the shape a list row holds it. */
export function thumbnailOf(merged: MergedContact | undefined): ContactListEntry['thumbnail'] {
  const photo = merged?.photo;
  if (photo === undefined) return undefined;
  return {
    source: photo.source,
    blobId: photo.value.thumbnailId ?? photo.value.id,
    mediaType: photo.value.mediaType,
  };
}
