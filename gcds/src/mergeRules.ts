import { phoneMatchKind } from '@gcds/shared';
import { phoneKeysOfSource } from './matchKeys';
import type { SourcePhone, SourceRecord } from './types';

/** Phone types that name a shared line (an office switchboard, a fax): never enough to merge on alone. */
const SHARED_LINE_TYPES = new Set(['work', 'main', 'fax', 'pager', 'company']);

export interface PairEvidence {
  /** Strong enough to merge without asking. */
  auto: boolean;
  /** Looser likeness for suggestions, 0–100. */
  score: number;
  /** What matched, for the UI: `phone:…`, `email:…`, `name:…`. */
  keys: string[];
  /** A reason the two must not be merged automatically, when there is one. */
  veto?: string;
}

function suffixOf(phone: SourcePhone): string | undefined {
  return phone.indexKeys.find((key) => key.startsWith('s:'));
}

/**
 * Same number, by the shared phone rules (`phoneMatchKind`): equal E.164 or equal digits; a short code
 * only itself; when one side could not be parsed, one number's significant digits ending the other's
 * over 7 digits or more. The suffix keys are compared first, so most pairs never reach the parser.
 */
export function samePhone(a: SourcePhone, b: SourcePhone): boolean {
  if (a.key === b.key) return true;
  if (a.isShortCode || b.isShortCode) return false;
  const bothParsed = a.key.startsWith('e:') && b.key.startsWith('e:');
  if (bothParsed) return false;
  const suffix = suffixOf(a);
  if (suffix === undefined || suffix !== suffixOf(b)) return false;
  return phoneMatchKind(phoneKeysOfSource(a), phoneKeysOfSource(b)) !== undefined;
}

function sharedPhones(a: SourceRecord, b: SourceRecord): SourcePhone[] {
  return a.phones.filter((pa) => b.phones.some((pb) => samePhone(pa, pb)));
}

function namesAgree(a: SourceRecord, b: SourceRecord): string | undefined {
  if (a.nameKeys.length === 0 || b.nameKeys.length === 0) return undefined;
  if (a.nameSuffix !== b.nameSuffix) return undefined;
  return a.nameKeys.find((key) => b.nameKeys.includes(key));
}

/** Name likeness for suggestions: Jaro–Winkler over the best pair of name keys. */
function nameSimilarity(a: SourceRecord, b: SourceRecord): number {
  let best = 0;
  for (const ka of a.nameKeys) for (const kb of b.nameKeys) best = Math.max(best, jaroWinkler(ka, kb));
  return best;
}

/**
 * Whether two provider records are the same person. Conservative, after Gaia's matcher and Android's
 * aggregator: never on a name alone; names must agree (order, diacritics and nicknames folded; suffixes
 * equal); then a shared email, or a shared personal phone, with no conflicting second field (both have
 * emails and none is shared, or both have phones and none is shared). A shared office line, or a number
 * many differently named people carry, is not enough. Two records of one provider also need both.
 */
export function pairEvidence(
  a: SourceRecord,
  b: SourceRecord,
  sharedNumbers: ReadonlySet<string>,
): PairEvidence {
  const phones = sharedPhones(a, b);
  const emails = a.emails.filter((email) => b.emails.includes(email));
  const name = namesAgree(a, b);
  const keys = [
    ...(name === undefined ? [] : [`name:${name}`]),
    ...phones.map((phone) => `phone:${phone.key.slice(2)}`),
    ...emails.map((email) => `email:${email}`),
  ];
  const similarity = name === undefined ? nameSimilarity(a, b) : 1;
  const score = Math.min(
    100,
    (name !== undefined ? 50 : similarity >= 0.88 ? 30 : 0) +
      (phones.length > 0 ? 30 : 0) +
      (emails.length > 0 ? 40 : 0),
  );
  const phoneConflict = a.phones.length > 0 && b.phones.length > 0 && phones.length === 0;
  const emailConflict = a.emails.length > 0 && b.emails.length > 0 && emails.length === 0;
  const personalPhone = phones.some(
    (phone) =>
      !phone.isShortCode &&
      !sharedNumbers.has(phone.key) &&
      !phone.types.some((type) => SHARED_LINE_TYPES.has(type)) &&
      !b.phones.some(
        (other) => samePhone(phone, other) && other.types.some((type) => SHARED_LINE_TYPES.has(type)),
      ),
  );
  let veto: string | undefined;
  if (name === undefined) veto = 'names differ or are missing';
  else if (a.provider === b.provider && (phones.length === 0 || emails.length === 0))
    veto = 'same provider without both a shared phone and a shared email';
  else if (emails.length > 0 && phoneConflict) veto = 'conflicting phone numbers';
  else if (phones.length > 0 && emailConflict) veto = 'conflicting emails';
  else if (emails.length === 0 && !personalPhone)
    veto = phones.length > 0 ? 'only a shared line in common' : 'nothing in common';
  return { auto: veto === undefined, score, keys, ...(veto === undefined ? {} : { veto }) };
}

/** Jaro–Winkler similarity in [0, 1]. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  if (s.length === 0 || t.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i += 1) {
    for (let j = Math.max(0, i - window); j < Math.min(t.length, i + window + 1); j += 1) {
      if (!tMatched[j] && s[i] === t[j]) {
        sMatched[i] = true;
        tMatched[j] = true;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k += 1;
    if (s[i] !== t[k]) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, s.length, t.length) && s[prefix] === t[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}
