import examples from 'libphonenumber-js/examples.mobile.json';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay } from './formatPhone';
import { type PhoneKeys, phoneKeys } from './phoneMatchKeys';

describe('formatPhoneForDisplay', () => {
  it.each([
    // [typed, region the keys were made in, region shown in, shown]
    ['4155550132', 'US', 'US', '(415) 555-0132'],
    ['+1 415 555 0132', 'GB', 'GB', '+1 415 555 0132'],
    ['+44 20 7946 0958', 'US', 'US', '+44 20 7946 0958'],
    ['+44 20 7946 0958', 'US', 'GB', '020 7946 0958'],
    ['0612345678', 'FR', 'FR', '06 12 34 56 78'],
    ['0612345678', 'FR', 'DE', '+33 6 12 34 56 78'],
    ['090 1234 5678', 'JP', 'JP', '090-1234-5678'],
    ['０９０ー１２３４ー５６７８', 'JP', 'JP', '090-1234-5678'],
    ['415 555 0132 x12', 'US', 'US', '(415) 555-0132 ext. 12'],
    ['415 555 0132,,12#', 'US', 'US', '(415) 555-0132,12#'],
    ['030 901820 Durchwahl 12', 'DE', 'DE', '030 901820 ext. 12'],
    ['1-800-FLOWERS ', 'US', 'US', '1-800-FLOWERS'],
    ['  12  ', 'US', 'US', '12'],
    ['call me', 'US', 'US', 'call me'],
    ['*#06#', 'US', 'US', '*#06#'],
  ])('%j read in %s, shown in %s: %j', (typed, region, shownIn, shown) => {
    expect(formatPhoneForDisplay(phoneKeys(typed, region), shownIn)).toBe(shown);
  });

  it('formats every country as its E.164 number parsed again would be, without parsing it again', () => {
    // The oracle is libphonenumber reading the E.164 form back, as this function did before.
    const reparsed = (keys: PhoneKeys, region: string): string => {
      const withExt = keys.ext !== undefined ? `${keys.e164};ext=${keys.ext}` : `${keys.e164}`;
      const parsed = parsePhoneNumberFromString(withExt)!;
      return parsed.countryCallingCode === getCountryCallingCode(region as CountryCode)
        ? parsed.formatNational()
        : parsed.formatInternational();
    };
    let compared = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (example === undefined) continue;
      const typed = [example.formatNational(), example.formatInternational(), `${example.number} ext. 7`];
      for (const text of typed) {
        const keys = phoneKeys(text, country);
        if (keys.e164 === undefined || keys.vanity === true) continue;
        for (const shownIn of [country, 'US', 'FR']) {
          expect(formatPhoneForDisplay(keys, shownIn), `${text} (${country}) shown in ${shownIn}`).toBe(
            reparsed(keys, shownIn),
          );
          compared += 1;
        }
      }
    }
    // Every region libphonenumber has an example for, in each form: not a handful that happened to pass.
    expect(compared).toBeGreaterThan(1_500);
  });

  it('shows in the region the keys were made in unless told', () => {
    expect(formatPhoneForDisplay(phoneKeys('+44 20 7946 0958', 'GB'))).toBe('020 7946 0958');
  });

  it('refuses an unknown display region', () => {
    expect(() => formatPhoneForDisplay(phoneKeys('4155550132'), 'ZZ')).toThrow(RangeError);
  });
});
