import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * When two sources hold the same phone number: the same E.164 number (and extension) once parsed
 * with the default region, so "(415) 555-0101" and "+1 415 555 0101" are one entry in the US.
 * A number that does not parse compares by its digits (and a leading +), which never joins two
 * different numbers. Replace with the shared phone keys of shared/src/contact when they land.
 */
export function telKey(value: string, region: string): string | undefined {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits === '') return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, region.toUpperCase() as never);
  if (parsed?.isPossible()) return parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number;
  return trimmed.startsWith('+') ? `+${digits}` : `raw:${digits}`;
}
