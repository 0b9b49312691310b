import type { ContactFieldError } from './contactValidationError';

/*
 * Minimal checks the local provider applies until the shared `validateContact` (shared/src/contact/)
 * is exported from @gcds/shared; then this file goes and the provider calls that instead.
 * Input arrives from UIs over RPC, so nothing is trusted to match the TypeScript types.
 */

const STRING_FIELDS = [
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
const STRING_LIST_FIELDS = ['nickname', 'category'] as const;
const NAME_FIELDS = ['given', 'family', 'additional', 'formattedName', 'org'] as const;
const MAX_ID_LENGTH = 200;
/** Digits, dial characters (`*#+`), separators people type, and pause/wait/extension marks. */
const PHONE_CHARACTERS = /^[0-9+*#()\-.\s/pPwWxX,;]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Record_ = Record<string, unknown>;

function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Every problem with a contact draft (an `id` is optional); an empty list means it may be stored. */
export function checkContactDraft(draft: unknown): ContactFieldError[] {
  if (!isObject(draft)) return [{ field: '', message: 'a contact must be an object' }];
  const errors: ContactFieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  if (draft.id !== undefined) {
    if (typeof draft.id !== 'string' || draft.id.trim() === '') fail('id', 'must be a non-empty string');
    else if (draft.id.length > MAX_ID_LENGTH) fail('id', `must be at most ${MAX_ID_LENGTH} characters`);
  }
  for (const field of STRING_FIELDS) {
    if (draft[field] !== undefined && typeof draft[field] !== 'string') fail(field, 'must be text');
  }
  for (const field of STRING_LIST_FIELDS) checkStringList(draft[field], field, fail);
  for (const field of ['favorite', 'ice'] as const) {
    if (draft[field] !== undefined && typeof draft[field] !== 'boolean') fail(field, 'must be true or false');
  }
  if (draft.updatedAt !== undefined && !Number.isFinite(draft.updatedAt))
    fail('updatedAt', 'must be a number');

  checkList(draft.tel, 'tel', fail, (tel, path) => {
    if (!hasText(tel.value)) fail(`${path}.value`, 'a phone number is required');
    else if (!PHONE_CHARACTERS.test(tel.value as string) || !/[0-9]/.test(tel.value as string)) {
      fail(`${path}.value`, `"${tel.value}" is not a phone number`);
    }
    checkStringList(tel.type, `${path}.type`, fail);
  });
  checkList(draft.email, 'email', fail, (email, path) => {
    if (!hasText(email.value)) fail(`${path}.value`, 'an email address is required');
    else if (!EMAIL.test((email.value as string).trim())) {
      fail(`${path}.value`, `"${email.value}" is not an email address`);
    }
    checkStringList(email.type, `${path}.type`, fail);
  });
  checkList(draft.adr, 'adr', fail, (adr, path) => {
    for (const [key, value] of Object.entries(adr)) {
      if (key === 'type') checkStringList(value, `${path}.type`, fail);
      else if (key === 'pref') {
        if (typeof value !== 'boolean') fail(`${path}.pref`, 'must be true or false');
      } else if (typeof value !== 'string') fail(`${path}.${key}`, 'must be text');
    }
  });
  for (const field of ['url', 'impp'] as const) {
    checkList(draft[field], field, fail, (uri, path) => {
      if (!hasText(uri.value)) fail(`${path}.value`, 'is required');
    });
  }
  checkList(draft.extra, 'extra', fail, (extra, path) => {
    if (!hasText(extra.name)) fail(`${path}.name`, 'is required');
    if (typeof extra.value !== 'string') fail(`${path}.value`, 'must be text');
  });
  for (const field of ['bday', 'anniversary'] as const) checkPartialDate(draft[field], field, fail);
  checkPhotoRef(draft.photo, fail);

  const named = NAME_FIELDS.some((field) => hasText(draft[field]));
  const nicknamed = Array.isArray(draft.nickname) && draft.nickname.some(hasText);
  const reachable = [draft.tel, draft.email].some((list) => Array.isArray(list) && list.length > 0);
  if (!named && !nicknamed && !reachable) {
    fail('', 'a contact needs a name, an organisation, a phone number or an email address');
  }
  return errors;
}

type Fail = (field: string, message: string) => void;

function checkStringList(value: unknown, field: string, fail: Fail): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    fail(field, 'must be a list of text');
  }
}

function checkList(value: unknown, field: string, fail: Fail, each: (item: Record_, path: string) => void) {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    fail(field, 'must be a list');
    return;
  }
  value.forEach((item: unknown, i) => {
    if (isObject(item)) each(item, `${field}[${i}]`);
    else fail(`${field}[${i}]`, 'must be an object');
  });
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkPartialDate(value: unknown, field: string, fail: Fail): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(field, 'must be a date');
    return;
  }
  const { year, month, day } = value;
  if (year !== undefined && !Number.isInteger(year)) fail(`${field}.year`, 'must be a whole number');
  if (!Number.isInteger(month) || (month as number) < 1 || (month as number) > 12) {
    fail(`${field}.month`, 'must be 1 to 12');
    return;
  }
  // Without a year, 29 February is allowed (a birthday whose year is unknown).
  const leap = typeof year !== 'number' || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[(month as number) - 1] ?? 31);
  if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > days) {
    fail(`${field}.day`, `must be 1 to ${days}`);
  }
}

/** A photo is a reference to a stored blob; bytes or data URIs never go inline in a record. */
function checkPhotoRef(value: unknown, fail: Fail): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail('photo', 'must be a photo reference (use setPhoto to store a photo)');
    return;
  }
  const inline = Object.keys(value).filter((key) => !['id', 'thumbnailId', 'mediaType'].includes(key));
  if (inline.length > 0) {
    fail('photo', `photos are stored with setPhoto, not inline (unexpected ${inline.join(', ')})`);
  }
  if (!hasText(value.id)) fail('photo.id', 'is required');
  if (value.thumbnailId !== undefined && !hasText(value.thumbnailId))
    fail('photo.thumbnailId', 'must be text');
  if (typeof value.mediaType !== 'string' || !value.mediaType.startsWith('image/')) {
    fail('photo.mediaType', 'must be an image media type');
  }
}
