import {
  type Contact,
  contactDisplayName,
  emailKey,
  emailProblem,
  givenNameKeys,
  nameParts,
  type PhoneKeys,
  phoneKeys,
  phoneLookupKeys,
} from '@gcds/shared';
import type { PersonName, SourcePhone, SourceRecord } from './types';

export type SourceMatchKeys = Pick<
  SourceRecord,
  'nameKeys' | 'nameSuffix' | 'names' | 'company' | 'org' | 'displayName' | 'phones' | 'phoneKeys' | 'emails'
>;

/** Name keys one record may have: nickname readings multiply, so they are capped. */
const MAX_NAME_KEYS = 8;

/** Generational suffixes, folded, as the suffix key spells them (`Junior` is `Jr.`). */
const SUFFIXES: Readonly<Record<string, string>> = {
  jr: 'jr',
  junior: 'jr',
  sr: 'sr',
  senior: 'sr',
  ii: 'ii',
  iii: 'iii',
  iv: 'iv',
};

/** Honorifics a formatted name may start with; the structured fields keep them apart (`prefix`). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof']);

function phoneOf(raw: string, types: string[], region: string): SourcePhone | undefined {
  const keys = phoneKeys(raw, region);
  const indexKeys = phoneLookupKeys(keys);
  const key = indexKeys[0];
  if (key === undefined) return undefined;
  return { key, indexKeys, isShortCode: keys.isShortCode, types };
}

/**
 * The phone keys a source phone stands for, enough to compare two with `phoneMatchKind`: an `e:` key
 * is parsed again (E.164 reads the same in every region), an `r:` key is the typed digits.
 */
export function phoneKeysOfSource(phone: SourcePhone): PhoneKeys {
  const value = phone.key.slice(2);
  if (phone.key.startsWith('e:')) return phoneKeys(value);
  return {
    raw: value,
    defaultRegion: 'US',
    digits: value.replace(/[^0-9]/g, ''),
    isShortCode: phone.isShortCode,
    ...(phone.isShortCode ? { shortCode: value } : {}),
    valid: false,
  };
}

function suffixKey(parts: readonly string[]): string {
  return parts.map((part) => SUFFIXES[part] ?? part).join('');
}

/**
 * Every sorted reading of the name's parts with nicknames canonicalised (Bill Smith and William Smith
 * both read `smith william`), the first reading of each part first: that key is the record's main
 * name key. Parts are sorted, so name order does not matter.
 */
function nicknameReadings(parts: readonly string[]): string[] {
  let readings: string[][] = [[]];
  for (const part of parts) {
    const keys = givenNameKeys(part);
    const options = keys.length > 0 ? keys : [part];
    readings = readings
      .flatMap((reading) => options.map((option) => [...reading, option]))
      .slice(0, MAX_NAME_KEYS);
  }
  return readings.map((reading) => [...reading].sort().join(' '));
}

interface NameMatchKeys {
  nameKeys: string[];
  nameSuffix: string;
  names: PersonName[];
}

/**
 * The ways a formatted name may split into given and family names: "Moore, Terri" one way (the comma
 * says so); "Terri Moore" as given-then-family and as family-then-given ("Moore Terri", as some
 * exporters write it); a single word as either.
 */
function formattedReadings(formatted: string, parts: readonly string[]): PersonName[] {
  const comma = formatted.indexOf(',');
  if (comma > 0) {
    const family = nameParts(formatted.slice(0, comma));
    const given = nameParts(formatted.slice(comma + 1)).filter((part) => SUFFIXES[part] === undefined);
    if (family.length > 0 && given.length > 0) return [{ given, family }];
  }
  if (parts.length === 0) return [];
  if (parts.length === 1)
    return [
      { given: [...parts], family: [] },
      { given: [], family: [...parts] },
    ];
  return [
    { given: parts.slice(0, -1), family: parts.slice(-1) },
    { given: parts.slice(1), family: parts.slice(0, 1) },
  ];
}

/**
 * Name keys, after Gaia's matcher: folded (case, accents, width, script variants), order-free, with
 * nicknames canonicalised; then the parts as written (sorted, no nickname read), which is also the
 * form of keys stored before nicknames were read, so older sources still agree with newer ones; then
 * the parts run together in written order (both orders for structured names), so "Mary Ann" meets
 * "Maryann" and "山田太郎" meets family 山田, given 太郎.
 */
function nameMatchKeys(contact: Contact): NameMatchKeys {
  const given = nameParts(contact.given ?? '');
  const family = nameParts(contact.family ?? '');
  let suffix = nameParts(contact.suffix ?? '');
  let parts: string[];
  let runs: string[];
  let names: PersonName[];
  if (given.length > 0 || family.length > 0) {
    parts = [...given, ...family];
    runs = [[...given, ...family].join(''), [...family, ...given].join('')];
    names = [{ given: [...given, ...nameParts(contact.additional ?? '')], family }];
  } else {
    parts = nameParts(contact.formattedName ?? '');
    // A formatted name carries what the structured fields keep apart: "Dr. Robert Brown Jr."
    const last = parts.at(-1);
    if (parts.length > 1 && suffix.length === 0 && last !== undefined && SUFFIXES[last] !== undefined) {
      suffix = [last];
      parts = parts.slice(0, -1);
    }
    if (parts.length > 1 && HONORIFICS.has(parts[0] ?? '')) parts = parts.slice(1);
    runs = [parts.join('')];
    names = formattedReadings(contact.formattedName ?? '', parts);
  }
  if (parts.length === 0) return { nameKeys: [], nameSuffix: suffixKey(suffix), names: [] };
  return {
    nameKeys: [...new Set([...nicknameReadings(parts), [...parts].sort().join(' '), ...runs])],
    nameSuffix: suffixKey(suffix),
    names,
  };
}

/** How many numbers, and how many addresses, of one record the matcher considers (the first ones). */
const MAX_MATCHED_VALUES = 50;

/** Keys the matcher and the GCDS indexes work on, computed outside any transaction. */
/**
 * The version of what `sourceMatchKeys` computes. Keys are stored with each source; bump this whenever
 * their form or meaning changes (folding, nicknames, phone rules), and the GCDS recomputes every
 * provider's keys from its records on the next sync, so old and new keys never meet in one index.
 */
export const MATCH_KEYS_VERSION = 3;

/**
 * The organisation folded, and the company a company card stands for: a card with an organisation and
 * no person's name (no given or family name, a formatted name that is the organisation's or none).
 */
function organisationKeys(contact: Contact): { org: string; company: string } {
  const org = nameParts(contact.org ?? '').join(' ');
  if (org === '' || (contact.given ?? '').trim() !== '' || (contact.family ?? '').trim() !== '') {
    return { org, company: '' };
  }
  const formatted = nameParts(contact.formattedName ?? '').join(' ');
  return { org, company: formatted === '' || formatted === org ? org : '' };
}

export function sourceMatchKeys(contact: Contact, region: string): SourceMatchKeys {
  // Past a few dozen numbers or addresses a record is a list, not one person's identity; matching on
  // all of thousands (a junk card) costs the GCDS time and memory quadratic in their count.
  const phones = (contact.tel ?? [])
    .slice(0, MAX_MATCHED_VALUES)
    .map((tel) =>
      phoneOf(
        tel.value,
        (tel.type ?? []).map((t) => t.toLowerCase()),
        region,
      ),
    )
    .filter((phone): phone is SourcePhone => phone !== undefined);
  // A value that cannot be an address ("n/a", "none") is no evidence that two records are one person.
  const emails = [
    ...new Set(
      (contact.email ?? [])
        .slice(0, MAX_MATCHED_VALUES)
        .filter((email) => emailProblem(email.value) === undefined)
        .map((email) => emailKey(email.value)),
    ),
  ];
  const organisation = organisationKeys(contact);
  const name = nameMatchKeys(contact);
  return {
    ...name,
    // A company card's name is the company's: no person's name to compare.
    names: organisation.company === '' ? name.names : [],
    ...organisation,
    displayName: contactDisplayName(contact),
    phones,
    phoneKeys: [...new Set(phones.flatMap((phone) => phone.indexKeys))],
    emails,
  };
}
