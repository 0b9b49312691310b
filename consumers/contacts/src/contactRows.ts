import type { ConsumerSchema, SourceRef } from '@gcds/shared';
import type { DBSchema } from 'idb';

/** A phone of the list row: the number as written (its digits are derived for search, `searchableOf`). */
export interface ListPhone {
  value: string;
}

/**
 * The compact list record: what a list row, the letter index and search need, never the detail, and
 * nothing that follows from what else it holds (structured clone and the backend's work follow the
 * bytes). `positions` are the row's places in the list (see `listPosition`), one per section it appears
 * in, in both name orders: they hold the collation keys, stored nowhere else, and the letter groups
 * follow from them (`CollationTable.groupOfSortKey`). Flags are there only when set; search words that
 * are cheap to derive are derived (see `listWords`).
 */
export interface ContactListEntry {
  personId: string;
  displayName: string;
  positions: string[];
  favorite?: true;
  ice?: true;
  /** The thumbnail blob, in the photo store of `source.provider`. */
  thumbnail?: { source: SourceRef; blobId: string; mediaType: string };
  org?: string;
  emails: string[];
  phones: ListPhone[];
  /** The name's words (nicknames too), folded; the name shown's when it has none. */
  nameTokens: string[];
  /** The first word of the name shown, folded, when it is not `nameTokens[0]`. */
  nameLead?: string;
  /** The organisation's and department's words, when there are any. */
  orgTokens?: string[];
}

export const LIST_STORE = 'list';
export const POSITION_INDEX = 'byPosition';

/**
 * The Contacts app's database, as its queries read it. No store holds a person's detail: it is composed
 * from the GCDS and the providers when the user opens it (`ConsumerSync.composePeople`).
 */
export interface ContactsDb extends DBSchema {
  list: { key: string; value: ContactListEntry; indexes: { byPosition: string } };
}

export const CONTACTS_SCHEMA: ConsumerSchema<ContactsDb> = {
  // 5: compact rows; letter groups are read from the places, so the byGroup index went. 4: no detail
  // store. 3: a row holds both name orders, so the user's sort setting reads another range. 2: search ranks in memory (`SearchIndex`), so the name, organisation and email token indexes went.
  version: 5,
  stores: [
    {
      name: LIST_STORE,
      keyPath: 'personId',
      indexes: [{ name: POSITION_INDEX, keyPath: 'positions', multiEntry: true }],
    },
  ],
};
