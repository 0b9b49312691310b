import {
  type ContactTel,
  foldName,
  type MergedContact,
  type PersonRecord,
  type ProjectedRows,
  phoneKeys,
  phoneLookupKeys,
} from '@gcds/shared';
import { callerName } from './callerName';
import { CALLER_ID_STORE, type CallerIdRow, type DialerPhone } from './dialerRows';
import { dialForms, digitSuffixes } from './dialForms';

export function dialerPhoneOf(tel: ContactTel, region: string): DialerPhone | undefined {
  if (typeof tel?.value !== 'string') return undefined;
  const keys = phoneKeys(tel.value, region);
  if (keys.digits === '') return undefined;
  const phone: DialerPhone = { value: tel.value, keys, forms: dialForms(keys) };
  if (Array.isArray(tel.type) && tel.type.length > 0) phone.type = [...tel.type];
  if (typeof tel.label === 'string' && tel.label.trim() !== '') phone.label = tel.label;
  if (tel.pref === true) phone.pref = true;
  return phone;
}

/** The caller-ID record of a merged person; none for a person without a number. Pure. */
export function callerIdRowOf(merged: MergedContact, region: string): CallerIdRow | undefined {
  const phones = merged.tel
    .map((item) => dialerPhoneOf(item.value, region))
    .filter((phone): phone is DialerPhone => phone !== undefined);
  if (phones.length === 0) return undefined;
  const displayName = callerName(merged);
  return {
    personId: merged.personId,
    displayName,
    nameKey: foldName(displayName),
    phones,
    lookupKeys: [...new Set(phones.flatMap((phone) => phoneLookupKeys(phone.keys)))],
    digitSuffixes: digitSuffixes(phones.flatMap((phone) => phone.forms)),
  };
}

/** The sync engine's projection: the caller-ID row, or nothing for someone the dialer cannot call. */
export function projectCallerId(region: string) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows => {
    const row = callerIdRowOf(merged, region);
    return row === undefined ? {} : { [CALLER_ID_STORE]: [row] };
  };
}
