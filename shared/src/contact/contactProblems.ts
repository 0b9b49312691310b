import type { EmailProblemCode } from './emailKey';

/**
 * What checking a contact reports: errors stop it from being stored, warnings do not (see
 * `validateContact` and `contactWarnings`); and the length limits both check against.
 */

export type ContactErrorCode =
  | 'not-a-contact'
  | 'wrong-type'
  | 'required'
  | 'empty-contact'
  | 'too-long'
  | 'too-many'
  | 'control-character'
  | 'broken-character'
  | 'tel-no-digits'
  | EmailProblemCode
  | 'date-year'
  | 'date-month'
  | 'date-day'
  | 'photo-inline'
  | 'photo-media-type';

/** One problem with one field, named by its path in the contact (`tel[1].value`, `bday.day`, `''`). */
export interface ContactFieldError {
  field: string;
  code: ContactErrorCode;
  /** A sentence for the person who typed it: what is wrong and what would be right. */
  message: string;
}

export type ContactWarningCode = 'tel-not-recognised';

/** Something worth telling the user that does not stop the contact from being stored. */
export interface ContactFieldWarning {
  field: string;
  code: ContactWarningCode;
  message: string;
}

/** Length limits, in UTF-16 units: generous, there to stop runaway input, not to trim real data. */
export const CONTACT_LIMITS = {
  id: 200,
  /** Names, organisation, titles, labels, types, nicknames, categories, address parts. */
  line: 500,
  tel: 100,
  /** 64 before the @, 255 after it. */
  email: 320,
  uri: 4096,
  note: 65_536,
  /** An unknown vCard property kept for the round trip (a key, a custom field). */
  extra: 262_144,
  /** Entries in one list (phones, emails, addresses…). */
  items: 200,
} as const;
