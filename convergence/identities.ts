import type { FriendProfile } from '@gcds/provider-facebook-sim';
import type { Contact } from '@gcds/shared';

/**
 * The people the generated sequences are made of. Each has a name, one phone and one email that no
 * other identity shares (no common name token, number or address), so the right grouping is known by
 * construction: records of one identity that share a number or an address are one person, and records
 * of different identities are never joined except by the user.
 */
export interface Identity {
  given: string;
  family: string;
  /** The number in E.164; every way it is written below parses to it in region US. */
  e164: string;
  /** The ways a record may write the number. */
  phoneForms: readonly [string, string, string];
  email: string;
}

export const IDENTITIES: readonly Identity[] = [
  {
    given: 'Ada',
    family: 'Lovelace',
    e164: '+14155550101',
    phoneForms: ['+14155550101', '+1 415-555-0101', '(415) 555-0101'],
    email: 'ada.lovelace@example.org',
  },
  {
    given: 'Grace',
    family: 'Hopper',
    e164: '+12025550143',
    phoneForms: ['+12025550143', '+1 202 555 0143', '202.555.0143'],
    email: 'grace.hopper@example.net',
  },
  {
    given: 'Alan',
    family: 'Turing',
    e164: '+442079460123',
    phoneForms: ['+442079460123', '+44 20 7946 0123', '+44 (0)20 7946 0123'],
    email: 'alan.turing@example.co.uk',
  },
  {
    given: 'Katherine',
    family: 'Johnson',
    e164: '+16175550199',
    phoneForms: ['+16175550199', '+1 617-555-0199', '(617) 555-0199'],
    email: 'kj@example.com',
  },
  {
    given: 'Edsger',
    family: 'Dijkstra',
    e164: '+13125550177',
    phoneForms: ['+13125550177', '+1 312 555 0177', '312-555-0177'],
    email: 'edsger@example.nl',
  },
  {
    given: 'Hedy',
    family: 'Lamarr',
    e164: '+13105550123',
    phoneForms: ['+13105550123', '+1 (310) 555-0123', '310 555 0123'],
    email: 'hedy@example.at',
  },
];

/** Which of its identity's keys a record carries. */
export type KeySet = 'phone' | 'email' | 'both';

/** A generated provider record: whose it is, which keys it carries, how it writes them, its edit count. */
export interface RecordSpec {
  identity: number;
  keys: KeySet;
  /** Index into the identity's `phoneForms`. */
  phoneStyle: number;
  /** 0: as is; 1: capitalised words; 2: upper case. Email keys ignore case. */
  emailStyle: number;
  /** Bumped on every edit, so an edit always changes the record (its marker). */
  version: number;
}

export function identityOf(spec: RecordSpec): Identity {
  const identity = IDENTITIES[spec.identity];
  if (identity === undefined) throw new Error(`no identity ${spec.identity}`);
  return identity;
}

export function hasPhone(spec: RecordSpec): boolean {
  return spec.keys !== 'email';
}

export function hasEmail(spec: RecordSpec): boolean {
  return spec.keys !== 'phone';
}

/**
 * A value only this version of this record holds, written as the organisation: it tells which source a
 * single-valued field came from, and whether an edit arrived.
 */
export function markerOf(key: string, spec: RecordSpec): string {
  return `org-${key}-v${spec.version}`;
}

export function phoneWritten(spec: RecordSpec): string {
  const identity = identityOf(spec);
  return identity.phoneForms[spec.phoneStyle % 3]!;
}

export function emailWritten(spec: RecordSpec): string {
  const email = identityOf(spec).email;
  if (spec.emailStyle % 3 === 1)
    return email.replace(/(^|[.@])([a-z])/g, (_, sep, c) => sep + c.toUpperCase());
  if (spec.emailStyle % 3 === 2) return email.toUpperCase();
  return email;
}

/** The local provider's record (its id is the model key). */
export function localContactOf(key: string, spec: RecordSpec): Contact {
  const identity = identityOf(spec);
  const contact: Contact = {
    id: key,
    given: identity.given,
    family: identity.family,
    org: markerOf(key, spec),
  };
  if (hasPhone(spec)) contact.tel = [{ value: phoneWritten(spec), type: ['cell'] }];
  if (hasEmail(spec)) contact.email = [{ value: emailWritten(spec), type: ['home'] }];
  return contact;
}

/** One vCard 3.0 card; its UID is the model key. */
export function vcardOf(key: string, spec: RecordSpec): string {
  const identity = identityOf(spec);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${key}`,
    `N:${identity.family};${identity.given};;;`,
    `FN:${identity.given} ${identity.family}`,
    `ORG:${markerOf(key, spec)}`,
  ];
  if (hasPhone(spec)) lines.push(`TEL;TYPE=CELL:${phoneWritten(spec)}`);
  if (hasEmail(spec)) lines.push(`EMAIL;TYPE=INTERNET:${emailWritten(spec)}`);
  lines.push('END:VCARD');
  return lines.join('\r\n');
}

export function vcardFileOf(cards: ReadonlyArray<readonly [string, RecordSpec]>): string {
  return cards.map(([key, spec]) => vcardOf(key, spec)).join('\r\n') + (cards.length > 0 ? '\r\n' : '');
}

/** The simulated network's profile of a friend; the employer carries the marker. */
export function friendProfileOf(key: string, spec: RecordSpec): FriendProfile {
  const identity = identityOf(spec);
  return {
    first_name: identity.given,
    last_name: identity.family,
    phones: hasPhone(spec) ? [{ number: phoneWritten(spec), type: 'mobile' }] : [],
    emails: hasEmail(spec) ? [{ address: emailWritten(spec), type: 'personal' }] : [],
    work: { employer: markerOf(key, spec) },
  };
}

/**
 * The national significant digits of a written number, by plain digit rules (no phone library and no
 * product code): a leading country code 1 or 44 is dropped, and a UK "(0)" trunk digit with it.
 */
export function significantDigits(written: string): string {
  const cleaned = written.replace(/\(0\)/g, '');
  const digits = cleaned.replace(/\D/g, '');
  if (cleaned.trim().startsWith('+44')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  return digits;
}
