import { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type PhoneKeys, phoneRegion } from './phoneMatchKeys';

/**
 * A number as the phone shows it: in national form when it belongs to the region the user is in
 * (`(415) 555-0101`, `020 7946 0958`), in international form otherwise (`+44 20 7946 0958` seen from
 * the US), with its extension. A number that did not parse, and a vanity number, are shown as typed,
 * only trimmed.
 *
 * @param displayRegion the user's region; the region the keys were made in unless told.
 */
export function formatPhoneForDisplay(keys: PhoneKeys, displayRegion: string = keys.defaultRegion): string {
  const region = phoneRegion(displayRegion);
  // A vanity number is saved for its letters: `1-800-FLOWERS` is what the person remembers.
  if (keys.e164 === undefined || keys.vanity === true) return keys.raw.trim();
  const withExt =
    keys.ext !== undefined && /^[0-9]+$/.test(keys.ext) ? `${keys.e164};ext=${keys.ext}` : keys.e164;
  const parsed = parsePhoneNumberFromString(withExt);
  if (!parsed) return keys.raw.trim();
  const text =
    parsed.countryCallingCode === getCountryCallingCode(region)
      ? parsed.formatNational()
      : parsed.formatInternational();
  // Post-dial digits with `*` or `#` are not an extension libphonenumber can format: shown after a pause.
  return keys.ext !== undefined && !/^[0-9]+$/.test(keys.ext) ? `${text},${keys.ext}` : text;
}
