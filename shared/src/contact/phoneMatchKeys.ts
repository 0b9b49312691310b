import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type PhoneNumber,
  type PhoneNumberType,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { asciiDigits, splitPhoneText, vanityDigits } from './phoneText';

/** What kind of line a number is, from libphonenumber's full metadata. */
export type PhoneLineType =
  | 'mobile'
  | 'fixed-line'
  | 'fixed-line-or-mobile'
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'voip'
  | 'personal-number'
  | 'pager'
  | 'uan'
  | 'voicemail';

/**
 * One phone number, normalised for matching. Plain data (it can be stored in IndexedDB); the typed
 * value is kept untouched in `raw` and is what the user sees and what export writes.
 */
export interface PhoneKeys {
  /** The value exactly as given. */
  raw: string;
  /** The region (ISO 3166 alpha-2) national forms were read in. */
  defaultRegion: string;
  /**
   * Every digit of the number part as typed, in ASCII, without the extension; for a vanity number that
   * parsed (`1-800-FLOWERS`), with its letters as keypad digits. Empty when the value holds no digit.
   */
  digits: string;
  /** E.164 (`+14155550101`) when the number parsed; see `phoneKeys` for when that is. */
  e164?: string;
  /** The national significant number (`4155550101`): E.164 without its country calling code. */
  national?: string;
  /** Country calling code without `+` (`1`, `44`), when parsed. */
  callingCode?: string;
  /** ISO region of the number, when libphonenumber can tell (not for invalid or non-geographic ones). */
  country?: string;
  /** Extension or post-dial digits, kept apart from the number. */
  ext?: string;
  /**
   * A short code or a service code, matched only exactly: fewer than 7 digits in national form that
   * did not parse (`112`, `3665`), or a dial string that starts with `*` or `#` (`*611`, `*#06#`,
   * `**21*0123456789#`), whatever its length.
   */
  isShortCode: boolean;
  /** For a short code: the dial string, digits with `*` and `#`. */
  shortCode?: string;
  /** libphonenumber says the number exists in its country's numbering plan. */
  valid: boolean;
  type?: PhoneLineType;
  /** The number parsed only with its letters read as keypad digits (`1-800-FLOWERS`). */
  vanity?: boolean;
}

/**
 * What an app keeps of a number's keys in its own rows: the fields matching (`phoneMatchKind`), lookup
 * keys and digit search read. The rest of `PhoneKeys` is for parsing and display, which read the
 * typed value again; storing it cost every row of a first population its structured clone. The
 * number as written is the entry's `value`, so `raw` is never kept twice.
 */
export type StoredPhoneKeys = Pick<PhoneKeys, 'digits' | 'e164' | 'national' | 'ext' | 'shortCode'> &
  Partial<Pick<PhoneKeys, 'isShortCode'>>;

/** Android's `min_match`: how many trailing digits a suffix lookup key holds. */
export const PHONE_MIN_MATCH = 7;

const LINE_TYPES: Record<PhoneNumberType, PhoneLineType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/** The region as libphonenumber wants it; a clear error for one it does not know. */
export function phoneRegion(region: string): CountryCode {
  const upper = region.trim().toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new RangeError(
      `"${region}" is not a region libphonenumber knows: use an ISO 3166 code such as "US"`,
    );
  }
  return upper;
}

/** A parsed number with its validity and line type, each worked out once (each is a walk of the metadata's patterns). */
interface ParsedNumber {
  number: PhoneNumber;
  valid: boolean;
  type: PhoneNumberType | undefined;
}

function readNumber(text: string, region: CountryCode): ParsedNumber | undefined {
  // `extract: false`: the whole text must be a number, so "call 415 555 0101 after 6" is not one.
  const number = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
  if (number === undefined) return undefined;
  // A number has a line type only if it is valid; `isValid` is asked only when there is none, since
  // a plan whose metadata lists no types is still checked against its national pattern.
  const type = number.getType();
  return { number, type, valid: type !== undefined || number.isValid() };
}

/**
 * The number libphonenumber makes of the text, trusting a valid reading first. A number that is only
 * "possible" (the right length, not in the metadata's ranges) is kept when its country is explicit
 * (`+44`, or an international prefix): new ranges reach phones before they reach the metadata. In
 * national form it is not kept, because the default region may simply be wrong for it.
 *
 * `00` and `011` are tried as international prefixes even where the default region dials another one,
 * since address books travel: `0044…` typed in France, kept on a phone set to the US.
 */
function bestParse(number: string, digits: string, region: CountryCode): ParsedNumber | undefined {
  const national = readNumber(number, region);
  if (national?.valid) return national;
  const idd = digits.startsWith('00') ? 2 : digits.startsWith('011') ? 3 : 0;
  const international = idd > 0 ? readNumber(`+${digits.slice(idd)}`, region) : undefined;
  if (international?.valid) return international;
  const explicit =
    national !== undefined &&
    (/^\s*\(?\+/.test(number) || national.number.countryCallingCode !== getCountryCallingCode(region));
  if (explicit && national?.number.isPossible()) return national;
  if (international?.number.isPossible()) return international;
  return undefined;
}

/**
 * Normalises one typed phone number. Never throws for any value (only for an unknown region): what
 * does not parse stays as typed and matches on its digits.
 *
 * @param defaultRegion the region national forms are read in (ISO 3166 alpha-2), `US` unless told.
 */
export function phoneKeys(raw: string, defaultRegion = 'US'): PhoneKeys {
  if (typeof raw !== 'string') return normalisePhone(raw, defaultRegion);
  const cacheKey = `${defaultRegion}\u0000${raw}`;
  const known = RECENT_NUMBERS.get(cacheKey);
  // A copy: callers own what they get (the keys are flat, so a shallow copy is a full one).
  if (known !== undefined) return { ...known };
  const keys = normalisePhone(raw, defaultRegion);
  if (RECENT_NUMBERS.size >= RECENT_NUMBERS_LIMIT) {
    RECENT_NUMBERS.delete(RECENT_NUMBERS.keys().next().value as string);
  }
  RECENT_NUMBERS.set(cacheKey, keys);
  return { ...keys };
}

/**
 * Numbers normalised lately, by region and text. Parsing is the costly part (tens of microseconds a
 * number) and one sync normalises the same number several times: the GCDS's match keys, the merged
 * view's phone union, each app's projection, a page or two apart in a first population (a GCDS page is
 * up to 2,000 people, about 3,000 numbers). Oldest out first past the limit (~4 MB).
 */
const RECENT_NUMBERS = new Map<string, PhoneKeys>();
const RECENT_NUMBERS_LIMIT = 16_384;

/**
 * Forgets the numbers normalised lately: a benchmark of a first import measures numbers never seen, and a
 * process short of memory can give the ~1 MB back.
 */
export function forgetNormalisedNumbers(): void {
  RECENT_NUMBERS.clear();
}

/** A number's text split from its extension, its plus doubled by a slip undone, and its typed digits. */
function typedNumber(raw: string): { main: string; ext: string | undefined; typedDigits: string } {
  const split = splitPhoneText(asciiDigits(raw));
  // A doubled plus (`++44…`) is a slip of the finger, not another number.
  const main = split.main.replace(/^\+[\s+]*\+/, '+');
  return { main, ext: split.ext, typedDigits: main.replace(/[^0-9]/g, '') };
}

/**
 * Whether the text holds a number at all (`phoneKeys(raw).digits !== ''`), without parsing it: what the
 * merged view asks of a phone it has nothing to compare with.
 */
export function hasPhoneDigits(raw: string): boolean {
  return typedNumber(raw).typedDigits !== '';
}

function normalisePhone(raw: string, defaultRegion: string): PhoneKeys {
  const region = phoneRegion(defaultRegion);
  const { main, ext, typedDigits } = typedNumber(raw);
  const base: Omit<PhoneKeys, 'digits' | 'isShortCode' | 'valid'> = { raw, defaultRegion: region };
  if (ext !== undefined && ext !== '') base.ext = ext;

  if (typedDigits === '') return { ...base, digits: '', isShortCode: false, valid: false };
  // A service code (`*611`, `*#06#`, `**21*…#`) is dialled to the network, never a subscriber's number.
  if (/^[*#]/.test(main) || /[0-9][*#]+[0-9]/.test(main)) {
    const shortCode = main.replace(/[^0-9*#]/g, '');
    return { ...base, digits: typedDigits, isShortCode: true, shortCode, valid: false };
  }
  const vanity = vanityDigits(main);
  if (vanity !== undefined) {
    const vanityDigitsOnly = vanity.replace(/[^0-9]/g, '');
    const vanityNumber = bestParse(vanity, vanityDigitsOnly, region);
    if (vanityNumber) return { ...parsedKeys(base, vanityDigitsOnly, vanityNumber), vanity: true };
  }
  // Letters that do not make a vanity number are a label or a note (`Home: 020 7946 0958`).
  const number = /[A-Za-z]/.test(main) ? main.replace(/[^0-9+()\-./\s]/g, ' ').trim() : main;
  const parsed = bestParse(number, typedDigits, region);
  if (parsed) return parsedKeys(base, typedDigits, parsed);

  const international = /^\s*\(?\+/.test(number);
  if (!international && typedDigits.length < PHONE_MIN_MATCH) {
    return { ...base, digits: typedDigits, isShortCode: true, shortCode: typedDigits, valid: false };
  }
  return { ...base, digits: typedDigits, isShortCode: false, valid: false };
}

function parsedKeys(
  base: Omit<PhoneKeys, 'digits' | 'isShortCode' | 'valid'>,
  digits: string,
  { number: parsed, valid, type }: ParsedNumber,
): PhoneKeys {
  const keys: PhoneKeys = {
    ...base,
    digits,
    e164: parsed.number,
    national: String(parsed.nationalNumber),
    callingCode: String(parsed.countryCallingCode),
    isShortCode: false,
    valid,
  };
  if (parsed.country) keys.country = parsed.country;
  if (valid && type) keys.type = LINE_TYPES[type];
  return keys;
}

/**
 * The digits a suffix comparison uses: the national significant number when parsed, else the typed
 * digits without leading zeros (an international `00` or a trunk `0` says nothing about the line).
 */
export function significantDigits(keys: StoredPhoneKeys): string {
  return keys.national ?? keys.digits.replace(/^0+/, '');
}

/**
 * The keys the GCDS phone index and the dialer's caller-ID index hold for a number. They find
 * candidates; `phonesMatch` decides. Extensions are not part of any key (a call comes from the line).
 *
 * - `e:+14155550101` the E.164 number, when parsed;
 * - `r:5550101` the typed digits, when not parsed (a short code: its dial string, `r:*611`);
 * - `s:5550101` the last 7 digits of the national number (Android's `min_match`), for numbers of 7
 *   digits or more, so a number saved without its area or country code is still found. Short codes
 *   never get one: `112` must not ring as every number ending in 112.
 */
export function phoneLookupKeys(keys: StoredPhoneKeys): string[] {
  if (keys.e164 !== undefined) {
    const national = keys.national ?? '';
    return national.length >= PHONE_MIN_MATCH
      ? [`e:${keys.e164}`, `s:${national.slice(-PHONE_MIN_MATCH)}`]
      : [`e:${keys.e164}`];
  }
  if (keys.isShortCode) return [`r:${keys.shortCode ?? keys.digits}`];
  if (keys.digits === '') return [];
  const significant = significantDigits(keys);
  return significant.length >= PHONE_MIN_MATCH
    ? [`r:${keys.digits}`, `s:${significant.slice(-PHONE_MIN_MATCH)}`]
    : [`r:${keys.digits}`];
}

/** How two numbers matched, strongest first. */
export type PhoneMatchKind = 'e164' | 'short-code' | 'digits' | 'suffix';

export interface PhoneMatchOptions {
  /**
   * `lenient` (default): different extensions are different numbers, but a number without one matches
   * the same line with one (a call from a switchboard has none). `exact`: extensions must be equal.
   */
  extensions?: 'lenient' | 'exact';
}

/**
 * Whether, and how, two numbers are the same:
 * - both parsed: the same E.164 number, nothing else (two parsed numbers that differ are different,
 *   even when their last digits agree);
 * - a short code: only another short code with the same dial string;
 * - otherwise (one side did not parse): the same digits, or one number's significant digits end the
 *   other's, over at least 7 digits (`5550101` is `+1 415 555 0101`; `07700 900123` is
 *   `+44 7700 900123`; `020 555 0101` is not `+1 415 555 0101`).
 */
export function phoneMatchKind(
  a: StoredPhoneKeys,
  b: StoredPhoneKeys,
  options: PhoneMatchOptions = {},
): PhoneMatchKind | undefined {
  if (a.digits === '' || b.digits === '') return undefined;
  if (a.ext !== undefined && b.ext !== undefined && a.ext !== b.ext) return undefined;
  if (options.extensions === 'exact' && a.ext !== b.ext) return undefined;
  if (a.e164 !== undefined && b.e164 !== undefined) return a.e164 === b.e164 ? 'e164' : undefined;
  if (a.isShortCode || b.isShortCode) {
    return a.isShortCode && b.isShortCode && a.shortCode === b.shortCode ? 'short-code' : undefined;
  }
  if (a.e164 === undefined && b.e164 === undefined && a.digits === b.digits) return 'digits';
  const sa = significantDigits(a);
  const sb = significantDigits(b);
  const [shorter, longer] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  return shorter.length >= PHONE_MIN_MATCH && longer.endsWith(shorter) ? 'suffix' : undefined;
}

/** Whether two numbers are the same number (see `phoneMatchKind`). Strings are read in `defaultRegion`. */
export function phonesMatch(
  a: StoredPhoneKeys | string,
  b: StoredPhoneKeys | string,
  options: PhoneMatchOptions & { defaultRegion?: string } = {},
): boolean {
  const region = options.defaultRegion ?? 'US';
  const ka = typeof a === 'string' ? phoneKeys(a, region) : a;
  const kb = typeof b === 'string' ? phoneKeys(b, region) : b;
  return phoneMatchKind(ka, kb, options) !== undefined;
}
