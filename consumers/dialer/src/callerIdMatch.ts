import { entryDescriptionOf, numberOwners, type PhoneKeys, type PhoneMatchKind } from '@gcds/shared';
import type { CallerIdRow, DialerPhone } from './dialerRows';

/** The phone entry that matched, as the person's source wrote it, with what the UI shows beside it. */
export interface MatchedTel {
  value: string;
  e164?: string;
  ext?: string;
  type?: string[];
  label?: string;
  pref?: boolean;
}

export interface CallerIdMatch {
  personId: string;
  /** Empty when the person has no name at all: show the number instead. */
  displayName: string;
  matchedTel: MatchedTel;
  /** `e164`, `short-code` and `digits` are exact; `suffix` matched the last 7+ national digits. */
  match: PhoneMatchKind;
}

/** What a matched entry shows of a number: `DialerPhone` without the keys it was matched by. */
export type ShownPhone = Pick<DialerPhone, 'value' | 'type' | 'label' | 'pref'> & {
  keys: Pick<PhoneKeys, 'e164' | 'ext'>;
};

export function matchedTelOf(phone: ShownPhone): MatchedTel {
  const tel: MatchedTel = { value: phone.value };
  if (phone.keys.e164 !== undefined) tel.e164 = phone.keys.e164;
  if (phone.keys.ext !== undefined) tel.ext = phone.keys.ext;
  return { ...tel, ...entryDescriptionOf(phone) };
}

/**
 * Who a number belongs to, best first: each person once, at their best phone entry, by the shared
 * number-owner rule (`numberOwners`: exact before suffix, the same extension, the longer suffix, the
 * preferred entry, then people with a name by folded name).
 */
export function rankCallerId(query: PhoneKeys, rows: Iterable<CallerIdRow>): CallerIdMatch[] {
  return numberOwners(query, rows).map(({ owner, phone, match }) => ({
    personId: owner.personId,
    displayName: owner.displayName,
    matchedTel: matchedTelOf(phone),
    match,
  }));
}
