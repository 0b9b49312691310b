import {
  type CollationTable,
  type MergedContact,
  mergedNameTexts,
  nameWords,
  type PersonRecord,
  type ProjectedRows,
} from '@gcds/shared';
import { type ContactListEntry, type ContactsDb, LIST_STORE } from './contactRows';
import { displayNameOf, type NameOrder, sortTextOf } from './displayName';
import { listPosition } from './listPosition';
import { storedWords } from './listWords';
import { queryWords } from './searchText';

export interface ProjectionSettings {
  collation: CollationTable;
}

const ORDERS: readonly NameOrder[] = ['givenFirst', 'familyFirst'];

/**
 * The list entry of a merged person, for one locale, in both name orders. Pure: no I/O. Its letter
 * group in each order follows from the sort key in its positions, so it is stored nowhere else.
 */
export function listEntryOf(merged: MergedContact, settings: ProjectionSettings): ContactListEntry {
  const { collation } = settings;
  const displayName = displayNameOf(merged);
  const favorite = merged.favorite !== undefined;
  const ice = merged.ice !== undefined;
  const positions: string[] = [];
  for (const order of ORDERS) {
    // Trimmed, so the key's first weight is its first letter's: its group is the one the text files under.
    const sortKey = collation.sortKey(sortTextOf(merged, order).trim());
    const bucket = collation.groupOfSortKey(sortKey).kind === 'number' ? '2' : '1';
    positions.push(listPosition(order, 'all', bucket, sortKey));
    if (favorite) positions.push(listPosition(order, 'favorites', bucket, sortKey));
    if (ice) positions.push(listPosition(order, 'ice', bucket, sortKey));
  }

  const nameTokens = new Set(mergedNameTexts(merged).flatMap((text) => nameWords(text)));
  // Someone known only by organisation, email or number is still found by the name shown for them.
  if (nameTokens.size === 0) for (const word of nameWords(displayName)) nameTokens.add(word);
  const orgTokens = [merged.org?.value, merged.department?.value].flatMap((text) =>
    text === undefined ? [] : nameWords(text),
  );
  const org = merged.org?.value.trim() || undefined;
  const entry: ContactListEntry = {
    personId: merged.personId,
    displayName,
    positions,
    emails: merged.email.map((email) => email.value.value.trim()).filter((value) => value !== ''),
    // A number without digits cannot be found or dialled: the row does not keep it.
    phones: merged.tel.map((tel) => ({ value: tel.value.value })).filter((phone) => /\d/.test(phone.value)),
    ...storedWords({
      nameTokens: [...nameTokens],
      nameLead: queryWords(displayName)[0] ?? '',
      orgTokens: [...new Set(orgTokens)],
    }),
  };
  if (favorite) entry.favorite = true;
  if (ice) entry.ice = true;
  if (org !== undefined) entry.org = org;
  const photo = merged.photo;
  if (photo !== undefined) {
    entry.thumbnail = {
      source: photo.source,
      blobId: photo.value.thumbnailId ?? photo.value.id,
      mediaType: photo.value.mediaType,
    };
  }
  return entry;
}

/** The rows the sync engine stores for one person: the compact list entry (the detail is composed when opened). */
export function projectContact(settings: ProjectionSettings) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<ContactsDb> => ({
    [LIST_STORE]: [listEntryOf(merged, settings)],
  });
}
