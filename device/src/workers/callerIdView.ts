import { formatPhoneForDisplay, phoneKeys } from '@gcds/shared';
import type { CallerId, DialSuggestion } from '../protocol/phoneApi';

/** What the Phone app needs of a dialer match (the dialer consumer's CallerIdMatch and DialSuggestion). */
export interface NumberMatch {
  personId: string;
  displayName: string;
  matchedTel: { value: string; type?: readonly string[]; label?: string };
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  cell: 'mobile',
  mobile: 'mobile',
  home: 'home',
  work: 'work',
  fax: 'fax',
  pager: 'pager',
  main: 'main',
  voice: 'phone',
};

/** The word shown beside a number: the contact's own label, else its type in words. */
export function numberLabel(tel: NumberMatch['matchedTel']): string | undefined {
  if (tel.label !== undefined && tel.label.trim() !== '') return tel.label.trim();
  for (const type of tel.type ?? []) {
    const word = TYPE_WORDS[type.toLowerCase()];
    if (word !== undefined) return word;
  }
  return undefined;
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
