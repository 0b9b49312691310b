import { type EmailProblemCode, emailProblem } from './emailKey';
import { phoneKeys } from './phoneMatchKeys';
import { asciiDigits } from './phoneText';

/**
 * Checking a contact before it is stored. Input may come from a UI over RPC or from an import, so
 * nothing is trusted to match the TypeScript types. A value that is merely unusual is never refused:
 * a phone number that does not parse (`12`, a number of another country) is kept as typed and only
 * warned about; an email checker stricter than `local@domain` would refuse real addresses.
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

const TEXT_FIELDS = [
  'prefix',
  'given',
  'additional',
  'family',
  'suffix',
  'formattedName',
  'org',
  'department',
  'jobTitle',
  'note',
  'uid',
] as const;
const TEXT_LIST_FIELDS = ['nickname', 'category'] as const;
/** A contact is worth keeping with any of these, or a phone number or an email address. */
const NAME_FIELDS = ['given', 'family', 'additional', 'formattedName', 'org'] as const;

const LABELS: Readonly<Record<string, string>> = {
  id: 'The id',
  prefix: 'The name prefix',
  given: 'The given name',
  additional: 'The middle name',
  family: 'The family name',
  suffix: 'The name suffix',
  formattedName: 'The full name',
  org: 'The organisation',
  department: 'The department',
  jobTitle: 'The job title',
  note: 'The note',
  uid: 'The UID',
  nickname: 'The nickname',
  category: 'The category',
  tel: 'The phone number',
  email: 'The email address',
  url: 'The web address',
  impp: 'The messaging address',
  extra: 'The extra property',
  type: 'The type',
  label: 'The label',
  carrier: 'The carrier',
  poBox: 'The PO box',
  extended: 'The extended address',
  street: 'The street',
  locality: 'The town or city',
  region: 'The region',
  postalCode: 'The postal code',
  countryName: 'The country',
  name: 'The property name',
  group: 'The property group',
  value: 'The value',
  bday: 'The birthday',
  anniversary: 'The anniversary',
  photo: 'The photo',
};

/** `tel[1].value` → "The phone number", `adr[0].street` → "The street". */
function labelOf(path: string): string {
  const parts = path.split('.');
  const last = parts.at(-1) ?? '';
  const leaf = last.replace(/\[\d+\]$/, '');
  if (leaf === 'value' && parts.length > 1) return labelOf(parts.slice(0, -1).join('.'));
  return LABELS[leaf] ?? `The field ${path}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

class Checker {
  readonly errors: ContactFieldError[] = [];

  fail(field: string, code: ContactErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }

  /**
   * A text value: a string, not over `max`, without control characters (`multiline` allows tab and
   * line breaks) and without broken UTF-16. Returns whether it was text at all.
   */
  text(value: unknown, field: string, max: number, multiline = false): value is string {
    if (typeof value !== 'string') {
      this.fail(field, 'wrong-type', `${labelOf(field)} must be text.`);
      return false;
    }
    if (value.length > max) {
      this.fail(
        field,
        'too-long',
        `${labelOf(field)} is ${value.length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')} are allowed.`,
      );
      return true;
    }
    const control = (multiline ? /[^\P{Cc}\t\n\r]/u : /\p{Cc}/u).exec(value);
    if (control) {
      const what = control[0] === '\n' || control[0] === '\r' ? 'a line break' : 'a control character';
      this.fail(
        field,
        'control-character',
        `${labelOf(field)} contains ${what} (${codePoint(control[0])}); remove it.`,
      );
    } else if (/\p{Cs}/u.test(value)) {
      this.fail(
        field,
        'broken-character',
        `${labelOf(field)} contains a broken character (half of a surrogate pair); type it again.`,
      );
    }
    return true;
  }

  optionalText(value: unknown, field: string, max: number, multiline = false): void {
    if (value !== undefined) this.text(value, field, max, multiline);
  }

  textList(value: unknown, field: string, max = CONTACT_LIMITS.line): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.fail(field, 'wrong-type', `${labelOf(field)} must be a list of text.`);
      return;
    }
    if (!this.count(value, field)) return;
    value.forEach((item: unknown, i) => {
      this.text(item, `${field}[${i}]`, max);
    });
  }

  boolean(value: unknown, field: string): void {
    if (value !== undefined && typeof value !== 'boolean') {
      this.fail(field, 'wrong-type', `${field} must be true or false.`);
    }
  }

  count(list: readonly unknown[], field: string): boolean {
    if (list.length <= CONTACT_LIMITS.items) return true;
    this.fail(
      field,
      'too-many',
      `${list.length} entries in ${field}; at most ${CONTACT_LIMITS.items} are allowed.`,
    );
    return false;
  }

  list(value: unknown, field: string, each: (item: Fields, path: string) => void): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.fail(field, 'wrong-type', `${field} must be a list.`);
      return;
    }
    if (!this.count(value, field)) return;
    value.forEach((item: unknown, i) => {
      if (isObject(item)) each(item, `${field}[${i}]`);
      else this.fail(`${field}[${i}]`, 'wrong-type', `${field}[${i}] must be an object with a value.`);
    });
  }

  requiredText(value: unknown, field: string, max: number): value is string {
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      this.fail(field, 'required', `${labelOf(field)} is empty; type one or remove the entry.`);
      return false;
    }
    return this.text(value, field, max);
  }

  /** A date that exists: month 1–12, a day that month has (29 February only in a leap year, or with no year). */
  partialDate(value: unknown, field: string): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      this.fail(field, 'wrong-type', `${labelOf(field)} must be a date with a month and a day.`);
      return;
    }
    const { year, month, day } = value;
    const yearOk =
      year === undefined || (Number.isInteger(year) && (year as number) >= 1 && (year as number) <= 9999);
    if (!yearOk) {
      this.fail(
        `${field}.year`,
        'date-year',
        `The year ${String(year)} is not a year: use a whole number from 1 to 9999.`,
      );
    }
    if (!Number.isInteger(month) || (month as number) < 1 || (month as number) > 12) {
      this.fail(
        `${field}.month`,
        'date-month',
        month === undefined
          ? `${labelOf(field)} has no month: months are 1 to 12.`
          : `Month ${String(month)} does not exist: months are 1 to 12.`,
      );
      return;
    }
    const monthName = MONTHS[(month as number) - 1] ?? '';
    // Without a year, 29 February stays possible (a birthday whose year is unknown).
    const leap =
      !yearOk || typeof year !== 'number' || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
    const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month as number) ? 30 : 31;
    if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > days) {
      const when = typeof year === 'number' && yearOk ? `${monthName} ${year}` : monthName;
      this.fail(
        `${field}.day`,
        'date-day',
        day === undefined
          ? `${labelOf(field)} has no day: days of ${when} are 1 to ${days}.`
          : Number.isInteger(day) && (day as number) > days
            ? `${String(day)} ${when} does not exist: ${when} has ${days} days.`
            : `Day ${String(day)} does not exist: days of ${when} are 1 to ${days}.`,
      );
    }
  }

  /** A photo is a reference to a stored blob; bytes or data URIs never go inline in a record. */
  photo(value: unknown): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      this.fail(
        'photo',
        'photo-inline',
        'A photo is stored on its own and referenced by id, not written into the contact.',
      );
      return;
    }
    const inline = Object.keys(value).filter((key) => !['id', 'thumbnailId', 'mediaType'].includes(key));
    if (inline.length > 0) {
      this.fail(
        'photo',
        'photo-inline',
        `A photo is stored on its own and referenced by id, not written into the contact (unexpected ${inline.join(', ')}).`,
      );
    }
    if (!hasText(value.id)) this.fail('photo.id', 'required', 'The photo reference has no id.');
    if (value.thumbnailId !== undefined && !hasText(value.thumbnailId)) {
      this.fail('photo.thumbnailId', 'wrong-type', 'The thumbnail reference must be an id.');
    }
    if (typeof value.mediaType !== 'string' || !/^image\/[\w.+-]+$/.test(value.mediaType)) {
      this.fail(
        'photo.mediaType',
        'photo-media-type',
        `"${String(value.mediaType)}" is not an image media type (like image/jpeg).`,
      );
    }
  }
}

/**
 * Every problem that stops a contact draft from being stored, field by field, in field order; an empty
 * list means it may be stored. `id` is optional (a draft). Checks types, lengths, control characters,
 * phone numbers with no digit at all, email addresses (`emailProblem`), dates that do not exist, photo
 * references, and that the contact has a name, an organisation, a phone number or an email address.
 */
export function validateContact(draft: unknown): ContactFieldError[] {
  const check = new Checker();
  if (!isObject(draft)) {
    check.fail(
      '',
      'not-a-contact',
      'A contact must be an object with fields such as given, family, tel and email.',
    );
    return check.errors;
  }
  if (draft.id !== undefined) {
    if (typeof draft.id !== 'string' || draft.id.trim() === '') {
      check.fail('id', 'required', 'The id must be non-empty text.');
    } else {
      check.text(draft.id, 'id', CONTACT_LIMITS.id);
    }
  }
  for (const field of TEXT_FIELDS) {
    const max = field === 'note' ? CONTACT_LIMITS.note : CONTACT_LIMITS.line;
    check.optionalText(draft[field], field, max, field === 'note');
  }
  for (const field of TEXT_LIST_FIELDS) check.textList(draft[field], field);
  check.boolean(draft.favorite, 'favorite');
  check.boolean(draft.ice, 'ice');
  if (draft.updatedAt !== undefined && !Number.isFinite(draft.updatedAt)) {
    check.fail('updatedAt', 'wrong-type', 'updatedAt must be a time in milliseconds.');
  }

  check.list(draft.tel, 'tel', (tel, path) => {
    if (
      check.requiredText(tel.value, `${path}.value`, CONTACT_LIMITS.tel) &&
      !/[0-9]/.test(asciiDigits(tel.value))
    ) {
      check.fail(
        `${path}.value`,
        'tel-no-digits',
        `"${tel.value.trim()}" is not a phone number: it has no digit.`,
      );
    }
    check.textList(tel.type, `${path}.type`);
    check.boolean(tel.pref, `${path}.pref`);
    check.optionalText(tel.label, `${path}.label`, CONTACT_LIMITS.line);
    check.optionalText(tel.carrier, `${path}.carrier`, CONTACT_LIMITS.line);
  });
  check.list(draft.email, 'email', (email, path) => {
    const value = email.value ?? '';
    const before = check.errors.length;
    if (check.text(value, `${path}.value`, CONTACT_LIMITS.email) && check.errors.length === before) {
      const problem = emailProblem(value);
      if (problem) check.fail(`${path}.value`, problem.code, problem.message);
    }
    check.textList(email.type, `${path}.type`);
    check.boolean(email.pref, `${path}.pref`);
    check.optionalText(email.label, `${path}.label`, CONTACT_LIMITS.line);
  });
  check.list(draft.adr, 'adr', (adr, path) => {
    for (const [key, value] of Object.entries(adr)) {
      if (key === 'type') check.textList(value, `${path}.type`);
      else if (key === 'pref') check.boolean(value, `${path}.pref`);
      // A street may span lines; the other parts are one line each.
      else check.text(value, `${path}.${key}`, CONTACT_LIMITS.line, key === 'street' || key === 'label');
    }
  });
  for (const field of ['url', 'impp'] as const) {
    check.list(draft[field], field, (uri, path) => {
      check.requiredText(uri.value, `${path}.value`, CONTACT_LIMITS.uri);
      check.textList(uri.type, `${path}.type`);
      check.optionalText(uri.label, `${path}.label`, CONTACT_LIMITS.line);
    });
  }
  check.list(draft.extra, 'extra', (extra, path) => {
    check.requiredText(extra.name, `${path}.name`, CONTACT_LIMITS.line);
    check.optionalText(extra.group, `${path}.group`, CONTACT_LIMITS.line);
    check.text(extra.value, `${path}.value`, CONTACT_LIMITS.extra, true);
  });
  check.partialDate(draft.bday, 'bday');
  check.partialDate(draft.anniversary, 'anniversary');
  check.photo(draft.photo);

  const named = NAME_FIELDS.some((field) => hasText(draft[field]));
  const nicknamed = Array.isArray(draft.nickname) && draft.nickname.some(hasText);
  const reachable = [draft.tel, draft.email].some(
    (list) => Array.isArray(list) && list.some((item) => isObject(item) && hasText(item.value)),
  );
  if (!named && !nicknamed && !reachable) {
    check.fail(
      '',
      'empty-contact',
      'A contact needs a name, an organisation, a phone number or an email address.',
    );
  }
  return check.errors;
}

/**
 * What is unusual about a contact that may still be stored: a phone number that is not a complete
 * number of the region it is read in, nor a short code, kept as typed and matched on its digits only.
 * Values `validateContact` refuses are not repeated here.
 */
export function contactWarnings(draft: unknown, defaultRegion = 'US'): ContactFieldWarning[] {
  if (!isObject(draft) || !Array.isArray(draft.tel)) return [];
  const warnings: ContactFieldWarning[] = [];
  draft.tel.forEach((tel: unknown, i) => {
    if (!isObject(tel) || typeof tel.value !== 'string' || tel.value.length > CONTACT_LIMITS.tel) return;
    const keys = phoneKeys(tel.value, defaultRegion);
    if (keys.digits === '' || keys.isShortCode || keys.e164 !== undefined) return;
    warnings.push({
      field: `tel[${i}].value`,
      code: 'tel-not-recognised',
      message: `"${tel.value.trim()}" is not a complete phone number for ${keys.defaultRegion}: it is kept as typed, and matched on its digits only. Add the country code (+…) if it belongs elsewhere.`,
    });
  });
  return warnings;
}
