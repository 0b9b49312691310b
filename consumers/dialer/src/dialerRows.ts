import type { ConsumerSchema, PhoneKeys } from '@gcds/shared';

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

/** The dialer's one record per person who has at least one number. */
export interface CallerIdRow {
  personId: string;
  displayName: string;
  /** Folded display name: the tie-break between people with equally good matches. */
  nameKey: string;
  phones: DialerPhone[];
  /** `phoneLookupKeys` of every number (multiEntry index): caller-ID candidates. */
  lookupKeys: string[];
  /** Every suffix of every dial form (multiEntry index): a key range on it finds digits anywhere. */
  digitSuffixes: string[];
}

export const CALLER_ID_STORE = 'callerId';
export const LOOKUP_KEY_INDEX = 'byLookupKey';
export const DIGIT_SUFFIX_INDEX = 'byDigitSuffix';

export const DIALER_SCHEMA: ConsumerSchema = {
  version: 1,
  stores: [
    {
      name: CALLER_ID_STORE,
      keyPath: 'personId',
      indexes: [
        { name: LOOKUP_KEY_INDEX, keyPath: 'lookupKeys', multiEntry: true },
        { name: DIGIT_SUFFIX_INDEX, keyPath: 'digitSuffixes', multiEntry: true },
      ],
    },
  ],
};
