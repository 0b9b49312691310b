import { formatPhoneForDisplay, phoneKeys, phoneTypeLabel } from '@gcds/shared';
import type { CallerId, DialSuggestion } from '../protocol/phoneApi';

/** What the Phone app needs of a dialer match (the dialer consumer's CallerIdMatch and DialSuggestion). */
export interface NumberMatch {
  personId: string;
  displayName: string;
  matchedTel: { value: string; type?: readonly string[]; label?: string };
}

/** The word shown beside a number, as every app says it (see `phoneTypeLabel`: "Mobile" for cell). */
export function numberLabel(tel: NumberMatch['matchedTel']): string | undefined {
  return phoneTypeLabel(tel);
}

export function displayNumber(number: string, region: string): string {
  return formatPhoneForDisplay(phoneKeys(number, region));
}

/** Caller ID for a number from its matches, best first: the first with a name names the caller. */
export function callerIdOf(number: string, matches: readonly NumberMatch[], region: string): CallerId {
  const caller: CallerId = { number, displayNumber: displayNumber(number, region) };
  const best = matches.find((match) => match.displayName !== '') ?? matches[0];
  if (best === undefined) return caller;
  caller.personId = best.personId;
  if (best.displayName !== '') caller.name = best.displayName;
  const label = numberLabel(best.matchedTel);
  if (label !== undefined) caller.label = label;
  return caller;
}

export function dialSuggestionOf(match: NumberMatch, region: string): DialSuggestion {
  const shown = displayNumber(match.matchedTel.value, region);
  const label = numberLabel(match.matchedTel);
  return {
    personId: match.personId,
    name: match.displayName === '' ? shown : match.displayName,
    number: match.matchedTel.value,
    displayNumber: shown,
    ...(label === undefined ? {} : { label }),
  };
}
