import type { ConsumerSchema, GroupKind, MergedContact, SourceRef } from '@gcds/shared';

/** A phone of the list row: enough to find it by digits and to say which number matched. */
export interface ListPhone {
  value: string;
  digits: string;
  type?: string[];
  label?: string;
}

/**
 * The compact list record: what a list row, the letter index and search need, never the detail.
 * `positions` are the row's places in the list (see `listPosition`), one per section it appears in.
 */
export interface ContactListEntry {
  personId: string;
  displayName: string;
  /** Collation key of the sort text; bytewise order is the locale's order. */
  sortKey: string;
  groupKey: string;
  groupLabel: string;
  groupKind: GroupKind;
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
export const NAME_TOKEN_INDEX = 'byNameToken';
export const ORG_TOKEN_INDEX = 'byOrgToken';
export const EMAIL_TOKEN_INDEX = 'byEmailToken';

export const CONTACTS_SCHEMA: ConsumerSchema = {
  version: 1,
  stores: [
    {
      name: LIST_STORE,
      keyPath: 'personId',
      indexes: [
        { name: POSITION_INDEX, keyPath: 'positions', multiEntry: true },
        { name: GROUP_INDEX, keyPath: 'groupKey' },
        { name: NAME_TOKEN_INDEX, keyPath: 'nameTokens', multiEntry: true },
        { name: ORG_TOKEN_INDEX, keyPath: 'orgTokens', multiEntry: true },
        { name: EMAIL_TOKEN_INDEX, keyPath: 'emailTokens', multiEntry: true },
      ],
    },
    { name: DETAIL_STORE, keyPath: 'personId' },
  ],
};
