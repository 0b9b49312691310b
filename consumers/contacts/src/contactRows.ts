import type { ConsumerSchema, GroupKind, SourceRef } from '@gcds/shared';
import type { DBSchema } from 'idb';

/** A phone of the list row: enough to find it by digits and to say which number matched. */
export interface ListPhone {
  value: string;
  digits: string;
  type?: string[];
  label?: string;
}

/** Which letter group a person is under, in one name order (where it sorts is in its `positions`). */
export interface OrderedKeys {
  groupKey: string;
  groupLabel: string;
  groupKind: GroupKind;
}

/**
 * The compact list record: what a list row, the letter index and search need, never the detail.
 * `positions` are the row's places in the list (see `listPosition`), one per section it appears in, in
 * both name orders: they hold the collation keys, stored nowhere else. The flat group fields are the
 * given-name order's, `familyFirst` the other's.
 */
export interface ContactListEntry {
  personId: string;
  displayName: string;
  /** The first word of the name shown, folded: a name search ranks names starting with the query first. */
  nameLead: string;
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

export const LIST_STORE = 'list';
export const POSITION_INDEX = 'byPosition';
export const GROUP_INDEX = 'byGroup';

/**
 * The Contacts app's database, as its queries read it. No store holds a person's detail: it is composed
 * from the GCDS and the providers when the user opens it (`ConsumerSync.composePeople`).
 */
export interface ContactsDb extends DBSchema {
  list: { key: string; value: ContactListEntry; indexes: { byPosition: string; byGroup: string } };
}

export const CONTACTS_SCHEMA: ConsumerSchema<ContactsDb> = {
  // 4: no detail store. 3: a row holds both name orders, so the user's sort setting reads another range.
  // 2: search ranks in memory (`SearchIndex`), so the name, organisation and email token indexes went.
  version: 4,
  stores: [
    {
      name: LIST_STORE,
      keyPath: 'personId',
      indexes: [
        { name: POSITION_INDEX, keyPath: 'positions', multiEntry: true },
        { name: GROUP_INDEX, keyPath: 'groupKeys', multiEntry: true },
      ],
    },
  ],
};
