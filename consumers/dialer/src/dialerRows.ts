import type { ConsumerSchema, PhoneKeys } from '@gcds/shared';
import type { DBSchema } from 'idb';

/** One number of a person, normalised once at sync time so a lookup only compares keys. */
export interface DialerPhone {
  /** The number exactly as the source wrote it. */
  value: string;
  keys: PhoneKeys;
  type?: string[];
  label?: string;
  pref?: boolean;
  /** The digit strings a user may dial it by: as written, international, national, with trunk prefix. */
  forms: string[];
}

/** What the dialer shows and ranks for a person with at least one number. */
export interface CallerIdRow {
  personId: string;
  displayName: string;
  /** Folded display name: the tie-break between people with equally good matches. */
  nameKey: string;
  phones: DialerPhone[];
}

/**
 * The same person's index keys, kept apart so that reading rows never clones them (the suffixes are
 * most of a person's bytes). A query finds person ids here, then reads their `CallerIdRow`s.
 */
export interface DialKeysRow {
  personId: string;
  /** `phoneLookupKeys` of every number (multiEntry index): caller-ID candidates. */
  lookupKeys: string[];
  /** Every dial form of every number (multiEntry index): typed digits that start a number. */
  dialForms: string[];
  /** Every suffix of every dial form (multiEntry index): a key range on it finds digits anywhere. */
  digitSuffixes: string[];
}

export const CALLER_ID_STORE = 'callerId';
export const NAME_INDEX = 'byName';
export const DIAL_KEYS_STORE = 'dialKeys';
export const LOOKUP_KEY_INDEX = 'byLookupKey';
export const DIAL_FORM_INDEX = 'byDialForm';
export const DIGIT_SUFFIX_INDEX = 'byDigitSuffix';

/** The Phone app's caller-ID database, as its queries read it. */
export interface DialerDb extends DBSchema {
  callerId: { key: string; value: CallerIdRow; indexes: { byName: string } };
  dialKeys: {
    key: string;
    value: DialKeysRow;
    indexes: { byLookupKey: string; byDialForm: string; byDigitSuffix: string };
  };
}

export const DIALER_SCHEMA: ConsumerSchema<DialerDb> = {
  version: 2,
  stores: [
    { name: CALLER_ID_STORE, keyPath: 'personId', indexes: [{ name: NAME_INDEX, keyPath: 'nameKey' }] },
    {
      name: DIAL_KEYS_STORE,
      keyPath: 'personId',
      indexes: [
        { name: LOOKUP_KEY_INDEX, keyPath: 'lookupKeys', multiEntry: true },
        { name: DIAL_FORM_INDEX, keyPath: 'dialForms', multiEntry: true },
        { name: DIGIT_SUFFIX_INDEX, keyPath: 'digitSuffixes', multiEntry: true },
      ],
    },
  ],
};
