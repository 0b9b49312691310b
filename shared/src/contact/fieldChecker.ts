import { CONTACT_LIMITS, type ContactErrorCode, type ContactFieldError } from './contactProblems';
import { labelOf } from './fieldLabels';

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

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The checks of one field kind (text, a list, a date, a photo reference), each adding its problems to
 * `errors` with a message naming the field; which fields a contact has is `validateContact`'s business.
 */
export class FieldChecker {
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
