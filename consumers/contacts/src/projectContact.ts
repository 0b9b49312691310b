import {
  type CollationTable,
  type MergedContact,
  mergedNameTexts,
  nameWords,
  type PersonRecord,
  type ProjectedRows,
} from '@gcds/shared';
import { type ContactListEntry, type ContactsDb, LIST_STORE, type OrderedKeys } from './contactRows';
import { displayNameOf, type NameOrder, sortTextOf } from './displayName';
import { listPosition, orderedGroupKey } from './listPosition';
import { emailWords, queryWords } from './searchText';

export interface ProjectionSettings {
  collation: CollationTable;
}

const ORDERS: readonly NameOrder[] = ['givenFirst', 'familyFirst'];

function orderedKeysOf(
  merged: MergedContact,
  collation: CollationTable,
  order: NameOrder,
): OrderedKeys & { sortKey: string } {
  const sortText = sortTextOf(merged, order);
  const group = collation.groupOf(sortText);
  return {
    sortKey: collation.sortKey(sortText),
    groupKey: group.key,
    groupLabel: group.label,
    groupKind: group.kind,
  };
}

/** The group fields a row keeps of an order: its sort key is in its positions. */
function groupFieldsOf({ groupKey, groupLabel, groupKind }: OrderedKeys): OrderedKeys {
  return { groupKey, groupLabel, groupKind };
}

/** The list entry of a merged person, for one locale, in both name orders. Pure: no I/O. */
export function listEntryOf(merged: MergedContact, settings: ProjectionSettings): ContactListEntry {
  const displayName = displayNameOf(merged);
  const favorite = merged.favorite !== undefined;
  const ice = merged.ice !== undefined;
  const keys = {
    givenFirst: orderedKeysOf(merged, settings.collation, 'givenFirst'),
    familyFirst: orderedKeysOf(merged, settings.collation, 'familyFirst'),
  };
  const positions: string[] = [];
  for (const order of ORDERS) {
    const { sortKey, groupKind } = keys[order];
    const bucket = groupKind === 'number' ? '2' : '1';
    positions.push(listPosition(order, 'all', bucket, sortKey, merged.personId));
    if (favorite) positions.push(listPosition(order, 'favorites', bucket, sortKey, merged.personId));
    if (ice) positions.push(listPosition(order, 'ice', bucket, sortKey, merged.personId));
  }

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
    ...groupFieldsOf(keys.givenFirst),
    familyFirst: groupFieldsOf(keys.familyFirst),
    groupKeys: ORDERS.map((order) => orderedGroupKey(order, keys[order].groupKey)),
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

/** The rows the sync engine stores for one person: the compact list entry (the detail is composed when opened). */
export function projectContact(settings: ProjectionSettings) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<ContactsDb> => ({
    [LIST_STORE]: [listEntryOf(merged, settings)],
  });
}
