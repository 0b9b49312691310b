import { phoneKeys } from '../contact/phoneMatchKeys';

/**
 * When two sources hold the same phone number, by the shared phone keys: the same E.164 number and
 * extension once read in the default region, so "(415) 555-0100" and "+1 415 555 0100" are one entry
 * in the US while "…0100 ext. 12" stays apart. A number that does not parse compares by its digits as
 * typed (a short code by its dial string, `*611` is not `611`), which never joins two different
 * numbers; the merged view keeps every form that differs rather than guess by suffix.
 * Undefined for a value with no digit, which is no number at all.
 */
export function telKey(value: string, region: string): string | undefined {
  const keys = phoneKeys(value, region);
  if (keys.digits === '') return undefined;
  if (keys.e164 !== undefined) return keys.ext === undefined ? keys.e164 : `${keys.e164};ext=${keys.ext}`;
  const ext = keys.ext === undefined ? '' : `;ext=${keys.ext}`;
  if (keys.isShortCode) return `short:${keys.shortCode ?? keys.digits}${ext}`;
  // Typed with a plus, the digits include a country code; without, they may not.
  return `${/^\s*\+/.test(value) ? '+' : 'raw:'}${keys.digits}${ext}`;
}
