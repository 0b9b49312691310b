import { getCountryCallingCode, PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
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
  const parsed = lineOf(keys);
  if (!parsed) return keys.raw.trim();
  const text =
    parsed.countryCallingCode === getCountryCallingCode(region)
      ? parsed.formatNational()
      : parsed.formatInternational();
  // Post-dial digits with `*` or `#` are not an extension libphonenumber can format: shown after a pause.
  return keys.ext !== undefined && !/^[0-9]+$/.test(keys.ext) ? `${text},${keys.ext}` : text;
}

/**
 * The number as libphonenumber would read its E.164 form back. With the country the keys were made
 * with, that is the E.164 number and that country, built without parsing again (a parse walks the
 * metadata's patterns to find the country); keys without a country are parsed again.
 */
function lineOf(keys: PhoneKeys): PhoneNumber | undefined {
  const numericExt = keys.ext !== undefined && /^[0-9]+$/.test(keys.ext) ? keys.ext : undefined;
  if (keys.country === undefined || keys.e164 === undefined) {
    return parsePhoneNumberFromString(
      numericExt === undefined ? `${keys.e164}` : `${keys.e164};ext=${numericExt}`,
    );
  }
  try {
    const line = new PhoneNumber(keys.e164);
    line.country = keys.country as PhoneNumber['country'];
    if (numericExt !== undefined) line.ext = numericExt as PhoneNumber['ext'];
    return line;
  } catch {
    return undefined;
  }
}
