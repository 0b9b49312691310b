import {
  type CollationTable,
  type MergedContact,
  mergedNameTexts,
  nameWords,
  type PersonRecord,
  type ProjectedRows,
} from '@gcds/shared';
import {
  type ContactDetailRow,
  type ContactListEntry,
  type ContactsDb,
  DETAIL_STORE,
  LIST_STORE,
} from './contactRows';
import { displayNameOf, type NameOrder, sortTextOf } from './displayName';
import { listPosition } from './listPosition';
import { emailWords, queryWords } from './searchText';

export interface ProjectionSettings {
  collation: CollationTable;
  order: NameOrder;
}

/** The list entry of a merged person, for one locale and name order. Pure: no I/O. */
export function listEntryOf(merged: MergedContact, settings: ProjectionSettings): ContactListEntry {
  const displayName = displayNameOf(merged);
  const sortText = sortTextOf(merged, settings.order);
  const sortKey = settings.collation.sortKey(sortText);
  const group = settings.collation.groupOf(sortText);
  const bucket = group.kind === 'number' ? '2' : '1';
  const favorite = merged.favorite !== undefined;
  const ice = merged.ice !== undefined;
  const positions = [listPosition('all', bucket, sortKey, merged.personId)];
  if (favorite) positions.push(listPosition('favorites', bucket, sortKey, merged.personId));
  if (ice) positions.push(listPosition('ice', bucket, sortKey, merged.personId));

  const nameTokens = new Set(mergedNameTexts(merged).flatMap((text) => nameWords(text)));
  // Someone known only by organisation, email or number is still found by the name shown for them.
  if (nameTokens.size === 0) for (const word of nameWords(displayName)) nameTokens.add(word);
  const orgTokens = [merged.org?.value, merged.department?.value].flatMap((text) =>
    text === undefined ? [] : nameWords(text),
  );
  const emails = merged.email.map((email) => email.value.value.trim()).filter((value) => value !== '');
  const entry: ContactListEntry = {
    personId: merged.personId,
    displayName,
    nameLead: queryWords(displayName)[0] ?? '',
    sortKey,
    groupKey: group.key,
    groupLabel: group.label,
    groupKind: group.kind,
    positions,
    favorite,
    ice,
    nameTokens: [...nameTokens],
    orgTokens: [...new Set(orgTokens)],
    emailTokens: [...new Set(emails.flatMap(emailWords))],
    emails,
    phones: merged.tel
      .map((tel) => ({
        value: tel.value.value,
        digits: tel.value.value.replace(/\D/g, ''),
        ...(tel.value.type === undefined ? {} : { type: tel.value.type }),
        ...(tel.value.label === undefined ? {} : { label: tel.value.label }),
      }))
      .filter((phone) => phone.digits !== ''),
  };
  const org = merged.org?.value.trim();
  if (org) entry.org = org;
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

/** The rows the sync engine stores for one person: the compact list entry and, apart, the detail. */
export function projectContact(settings: ProjectionSettings) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<ContactsDb> => {
    const detail: ContactDetailRow = { personId: merged.personId, merged };
    return { [LIST_STORE]: [listEntryOf(merged, settings)], [DETAIL_STORE]: [detail] };
  };
}
