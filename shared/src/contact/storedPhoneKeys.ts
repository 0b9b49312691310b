import type { PhoneKeys, StoredPhoneKeys } from './phoneMatchKeys';

export type { StoredPhoneKeys };

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
