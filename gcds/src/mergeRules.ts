import { phoneMatchKind } from '@gcds/shared';
import { phoneKeysOfSource } from './matchKeys';
import { hasPersonName, isCompanyCard, nameMatch } from './nameMatch';
import type { SourcePhone, SourceRecord } from './types';

/** Phone types that name an office line (a switchboard, a fax): never a person's identity. */
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

/** The marker, among the shared identifiers, of one whose holders are ambiguous (see `holderConflict`). */
export function ambiguousKey(key: string): string {
  return `?${key}`;
}

/** The key a shared email has among the shared identifiers (phone keys are `e:`, `s:`, `r:`). */
export function sharedEmailKey(email: string): string {
  return `m:${email}`;
}

/** A number either side types as an office line (a switchboard, a main number, a fax). */
function officeLine(phone: SourcePhone, other: SourceRecord): boolean {
  return (
    phone.types.some((type) => SHARED_LINE_TYPES.has(type)) ||
    other.phones.some((o) => samePhone(phone, o) && o.types.some((type) => SHARED_LINE_TYPES.has(type)))
  );
}

/** Both records hold the same numbers, every one of them: the same card twice in one export. */
function identicalPhones(a: SourceRecord, b: SourceRecord): boolean {
  if (a.phones.length === 0 || b.phones.length === 0) return false;
  return (
    a.phones.every((pa) => b.phones.some((pb) => samePhone(pa, pb))) &&
    b.phones.every((pb) => a.phones.some((pa) => samePhone(pa, pb)))
  );
}

/** The name two compatible records agree on: a key both have, else the shorter name (the one contained). */
function nameKeyOf(a: SourceRecord, b: SourceRecord): string | undefined {
  const shared = a.nameKeys.find((key) => b.nameKeys.includes(key));
  if (shared !== undefined) return shared;
  const [first, second] = [a.nameKeys[0], b.nameKeys[0]];
  if (first === undefined || second === undefined) return first ?? second;
  return second.split(' ').length < first.split(' ').length ? second : first;
}

/** Each record has a number, or each an address, the other lacks. */
function valuesDiffer(a: SourceRecord, b: SourceRecord): boolean {
  const phoneLacked = (x: SourceRecord, y: SourceRecord) =>
    x.phones.some((p) => !y.phones.some((q) => samePhone(p, q)));
  const emailLacked = (x: SourceRecord, y: SourceRecord) => x.emails.some((e) => !y.emails.includes(e));
  return (phoneLacked(a, b) && phoneLacked(b, a)) || (emailLacked(a, b) && emailLacked(b, a));
}

/** Evidence weights: they order the automatic links, the strongest joined first. */
const WEIGHT = { fullName: 50, partialName: 40, company: 50, phone: 30, email: 40 } as const;

/**
 * Whether two provider records are the same person, after invariant 7: never on a name alone; a
 * compatible name (`nameMatch`: one's words, nicknames folded and initials read, within the other's;
 * family names and suffixes agreeing) plus a shared personal identifier: an email, or a number that is
 * neither an office line (work, main, fax…) nor a short code. A number or address differently named
 * people hold (`sharedIdentifiers`: a family landline) counts only between full names, and only when
 * no third holder could be either of them and neither has a number or address the other lacks: a
 * first name alone says too little to tell its holders apart. A different second number or address is
 * otherwise no conflict: people have several and each source knows a subset. Two company cards (no
 * person's name) of one company merge on any number of theirs, the main line included: it is the
 * company's own. Two records of one provider also need the same numbers, or a shared phone and email.
 */
export function pairEvidence(
  a: SourceRecord,
  b: SourceRecord,
  sharedIdentifiers: ReadonlySet<string>,
): PairEvidence {
  const phones = sharedPhones(a, b);
  const emails = a.emails.filter((email) => b.emails.includes(email));
  const company = isCompanyCard(a) && isCompanyCard(b) && a.company === b.company;
  const name = hasPersonName(a) && hasPersonName(b) ? nameMatch(a, b) : undefined;
  const nameKey = name === undefined ? undefined : nameKeyOf(a, b);
  const keys = [
    ...(nameKey === undefined ? [] : [`name:${nameKey}`]),
    ...(company ? [`company:${a.company}`] : []),
    ...phones.map((phone) => `phone:${phone.key.slice(2)}`),
    ...emails.map((email) => `email:${email}`),
  ];
  const score = Math.min(
    100,
    (name === 'full' ? WEIGHT.fullName : name === 'partial' ? WEIGHT.partialName : 0) +
      (company ? WEIGHT.company : 0) +
      (phones.length > 0 ? WEIGHT.phone : 0) +
      (emails.length > 0 ? WEIGHT.email : 0),
  );
  const usablePhones = phones.filter((phone) => !phone.isShortCode && (company || !officeLine(phone, b)));
  const own = (key: string) => company || !sharedIdentifiers.has(key);
  const ownEvidence =
    usablePhones.some((phone) => own(phone.key)) || emails.some((email) => own(sharedEmailKey(email)));
  // A household's number or address (held by people who cannot be one) still tells two full names
  // apart from its other holders, unless a third holder could be either of them, and unless each has
  // a number or an address the other lacks: a parent and child whose export dropped the "Jr.", or
  // namesakes in one home.
  const household = (key: string) =>
    name === 'full' && sharedIdentifiers.has(key) && !sharedIdentifiers.has(ambiguousKey(key));
  const householdEvidence =
    !ownEvidence &&
    (usablePhones.some((phone) => household(phone.key)) ||
      emails.some((email) => household(sharedEmailKey(email)))) &&
    !valuesDiffer(a, b);
  let veto: string | undefined;
  if (name === undefined && !company) veto = 'names differ or are missing';
  else if (
    a.provider === b.provider &&
    !identicalPhones(a, b) &&
    (phones.length === 0 || emails.length === 0)
  )
    veto = 'same provider without the same numbers or both a shared phone and a shared email';
  else if (!ownEvidence && !householdEvidence)
    veto = phones.length > 0 || emails.length > 0 ? 'only a shared line in common' : 'nothing in common';
  return { auto: veto === undefined, score, keys, ...(veto === undefined ? {} : { veto }) };
}
