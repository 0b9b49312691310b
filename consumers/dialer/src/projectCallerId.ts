import {
  type ContactTel,
  entryDescriptionOf,
  foldName,
  type MergedContact,
  mergedDisplayName,
  type PersonRecord,
  type ProjectedRows,
  phoneKeys,
  phoneLookupKeys,
} from '@gcds/shared';
import {
  CALLER_ID_STORE,
  type CallerIdRow,
  DIAL_KEYS_STORE,
  type DialerDb,
  type DialerPhone,
  type DialKeysRow,
} from './dialerRows';
import { dialForms, digitSuffixes } from './dialForms';

export function dialerPhoneOf(tel: ContactTel, region: string): DialerPhone | undefined {
  if (typeof tel?.value !== 'string') return undefined;
  const keys = phoneKeys(tel.value, region);
  if (keys.digits === '') return undefined;
  return { value: tel.value, keys, forms: dialForms(keys), ...entryDescriptionOf(tel) };
}

/** The caller-ID record of a merged person and its index keys; none for a person without a number. Pure. */
export function callerIdRowOf(
  merged: MergedContact,
  region: string,
): { row: CallerIdRow; keys: DialKeysRow } | undefined {
  const phones = merged.tel
    .map((item) => dialerPhoneOf(item.value, region))
    .filter((phone): phone is DialerPhone => phone !== undefined);
  if (phones.length === 0) return undefined;
  // Never an address or a number: for a nameless person the screen shows the number that called.
  const displayName = mergedDisplayName(merged);
  const forms = [...new Set(phones.flatMap((phone) => phone.forms))];
  return {
    row: { personId: merged.personId, displayName, nameKey: foldName(displayName), phones },
    keys: {
      personId: merged.personId,
      lookupKeys: [...new Set(phones.flatMap((phone) => phoneLookupKeys(phone.keys)))],
      dialForms: forms,
      digitSuffixes: digitSuffixes(forms),
    },
  };
}

/** The sync engine's projection: the caller-ID rows, or nothing for someone the dialer cannot call. */
export function projectCallerId(region: string) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<DialerDb> => {
    const rows = callerIdRowOf(merged, region);
    return rows === undefined ? {} : { [CALLER_ID_STORE]: [rows.row], [DIAL_KEYS_STORE]: [rows.keys] };
  };
}
