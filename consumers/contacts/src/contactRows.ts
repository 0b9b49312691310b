import type { ConsumerSchema, GroupKind, MergedContact, SourceRef } from '@gcds/shared';
import type { DBSchema } from 'idb';

/** A phone of the list row: enough to find it by digits and to say which number matched. */
export interface ListPhone {
  value: string;
  digits: string;
  type?: string[];
  label?: string;
}

/** Where a person sorts and which letter group it is under, in one name order. */
export interface OrderedKeys {
  /** Collation key of the sort text; bytewise order is the locale's order. */
  sortKey: string;
  groupKey: string;
  groupLabel: string;
  groupKind: GroupKind;
}

/**
 * The compact list record: what a list row, the letter index and search need, never the detail.
 * `positions` are the row's places in the list (see `listPosition`), one per section it appears in, in
 * both name orders; the flat sort and group fields are the given-name order's, `familyFirst` the other's.
 */
export interface ContactListEntry {
  personId: string;
  displayName: string;
  /** The first word of the name shown, folded: a name search ranks names starting with the query first. */
  nameLead: string;
  /** Collation key of the sort text; bytewise order is the locale's order. */
  sortKey: string;
  groupKey: string;
  groupLabel: string;
  groupKind: GroupKind;
  familyFirst: OrderedKeys;
  /** The letter group in each order, prefixed by the order (see `orderedGroupKey`): the group index. */
  groupKeys: string[];
  positions: string[];
  favorite: boolean;
  ice: boolean;
  /** The thumbnail blob, in the photo store of `source.provider`. */
  thumbnail?: { source: SourceRef; blobId: string; mediaType: string };
  org?: string;
  nameTokens: string[];
  orgTokens: string[];
  emailTokens: string[];
  emails: string[];
  phones: ListPhone[];
}

/** The full merged view of a person, read only when the user opens it. */
export interface ContactDetailRow {
  personId: string;
  merged: MergedContact;
}

export const LIST_STORE = 'list';
export const DETAIL_STORE = 'detail';
export const POSITION_INDEX = 'byPosition';
export const GROUP_INDEX = 'byGroup';

/** Version 3: a row holds both name orders, so the user's sort setting reads another range. */
/** Version 2: search ranks in memory (`SearchIndex`), so the name, organisation and email token indexes went. */
/** The Contacts app's database, as its queries read it. */
export interface ContactsDb extends DBSchema {
  list: { key: string; value: ContactListEntry; indexes: { byPosition: string; byGroup: string } };
  detail: { key: string; value: ContactDetailRow };
}

export const CONTACTS_SCHEMA: ConsumerSchema<ContactsDb> = {
  version: 3,
  stores: [
    {
      name: LIST_STORE,
      keyPath: 'personId',
      indexes: [
        { name: POSITION_INDEX, keyPath: 'positions', multiEntry: true },
        { name: GROUP_INDEX, keyPath: 'groupKeys', multiEntry: true },
      ],
    },
    { name: DETAIL_STORE, keyPath: 'personId' },
  ],
};
