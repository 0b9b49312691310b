import { CONTACT_LIMITS, type ContactFieldError } from './contactProblems';
import { emailProblem } from './emailKey';
import { FieldChecker, hasText, isObject } from './fieldChecker';
import { asciiDigits } from './phoneText';

/**
 * Checking a contact before it is stored. Input may come from a UI over RPC or from an import, so
 * nothing is trusted to match the TypeScript types. A value that is merely unusual is never refused:
 * a phone number that does not parse (`12`, a number of another country) is kept as typed and only
 * warned about; an email checker stricter than `local@domain` would refuse real addresses.
 */

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

/**
 * Every problem that stops a contact draft from being stored, field by field, in field order; an empty
 * list means it may be stored. `id` is optional (a draft). Checks types, lengths, control characters,
 * phone numbers with no digit at all, email addresses (`emailProblem`), dates that do not exist, photo
 * references, and that the contact has a name, an organisation, a phone number or an email address.
 */
export function validateContact(draft: unknown): ContactFieldError[] {
  const check = new FieldChecker();
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
