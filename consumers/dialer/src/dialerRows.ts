import type { ConsumerSchema, StoredPhoneKeys } from '@gcds/shared';
import type { DBSchema } from 'idb';

/**
 * A number's keys as the dialer stores them: what caller ID matches by, and the one dial form they do
 * not give (`dialForms` makes the others from the keys).
 */
export type DialerPhoneKeys = StoredPhoneKeys & {
  /** The national form with its trunk prefix (`02079460958`), when it is none of the keys' digit strings. */
  trunk?: string;
};

/** One number of a person, normalised once at sync time so a lookup only compares keys. */
export interface DialerPhone {
  /** The number exactly as the source wrote it. */
  value: string;
  keys: DialerPhoneKeys;
  type?: string[];
  label?: string;
  pref?: boolean;
}

/** What the dialer shows and ranks for a person with at least one number. */
export interface CallerIdRow {
  personId: string;
  displayName: string;
  /** Folded display name: the tie-break between people with equally good matches. */
  nameKey: string;
  phones: DialerPhone[];
  /** `phoneLookupKeys` of every number (multiEntry index): caller-ID candidates. */
  lookupKeys: string[];
}

export const CALLER_ID_STORE = 'callerId';
export const LOOKUP_KEY_INDEX = 'byLookupKey';

/**
 * The Phone app's caller-ID database, as its queries read it. Caller ID reads candidates by key here at
 * once; suggestions search the same rows in memory (`DialIndex`), so no store holds digit suffixes.
 */
export interface DialerDb extends DBSchema {
  callerId: { key: string; value: CallerIdRow; indexes: { byLookupKey: string } };
}

export const DIALER_SCHEMA: ConsumerSchema<DialerDb> = {
  // 3: no dial keys store (lookup keys are on the caller-ID row) and no name index.
  version: 3,
  stores: [
    {
      name: CALLER_ID_STORE,
      keyPath: 'personId',
      // Names need no index: suggestions rank in memory, in name order there.
      indexes: [{ name: LOOKUP_KEY_INDEX, keyPath: 'lookupKeys', multiEntry: true }],
    },
  ],
};
