import type { PhoneKeys } from './phoneMatchKeys';

/**
 * What an app keeps of a number's keys in its own rows: the fields matching (`phoneMatchKind`), lookup
 * keys and digit search read. The rest of `PhoneKeys` is for parsing and display, which read the
 * typed value again; storing it cost every row of a first population its structured clone. The
 * number as written is the entry's `value`, so `raw` is never kept twice.
 */
export type StoredPhoneKeys = Pick<PhoneKeys, 'digits' | 'e164' | 'national' | 'ext' | 'shortCode'> &
  Partial<Pick<PhoneKeys, 'isShortCode'>>;

/** The stored subset of `keys`: absent fields are left out, not written as undefined, and `isShortCode` only when true. */
export function storedPhoneKeys(keys: PhoneKeys): StoredPhoneKeys {
  const stored: StoredPhoneKeys = { digits: keys.digits };
  if (keys.e164 !== undefined) stored.e164 = keys.e164;
  if (keys.national !== undefined) stored.national = keys.national;
  if (keys.ext !== undefined) stored.ext = keys.ext;
  if (keys.isShortCode) stored.isShortCode = true;
  if (keys.shortCode !== undefined) stored.shortCode = keys.shortCode;
  return stored;
}
