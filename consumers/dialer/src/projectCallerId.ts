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
import { CALLER_ID_STORE, type CallerIdRow, type DialerDb, type DialerPhone } from './dialerRows';
import { dialerPhoneKeys } from './dialForms';

export function dialerPhoneOf(tel: ContactTel, region: string): DialerPhone | undefined {
  if (typeof tel?.value !== 'string') return undefined;
  const keys = phoneKeys(tel.value, region);
  if (keys.digits === '') return undefined;
  return { value: tel.value, keys: dialerPhoneKeys(keys), ...entryDescriptionOf(tel) };
}

/** The caller-ID row of a merged person; none for a person without a number. Pure. */
export function callerIdRowOf(merged: MergedContact, region: string): CallerIdRow | undefined {
  const phones = merged.tel
    .map((item) => dialerPhoneOf(item.value, region))
    .filter((phone): phone is DialerPhone => phone !== undefined);
  if (phones.length === 0) return undefined;
  // Never an address or a number: for a nameless person the screen shows the number that called.
  const displayName = mergedDisplayName(merged);
  return {
    personId: merged.personId,
    displayName,
    nameKey: foldName(displayName),
    phones,
    lookupKeys: [...new Set(phones.flatMap((phone) => phoneLookupKeys(phone.keys)))],
  };
}

/** The sync engine's projection: the caller-ID rows, or nothing for someone the dialer cannot call. */
export function projectCallerId(region: string) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<DialerDb> => {
    const row = callerIdRowOf(merged, region);
    return row === undefined ? {} : { [CALLER_ID_STORE]: [row] };
  };
}
