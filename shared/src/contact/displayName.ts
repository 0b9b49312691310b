import type { Contact } from './contact';

/** How names read and sort: "Ada Lovelace" filed under A, or filed under L. */
export type NameOrder = 'givenFirst' | 'familyFirst';

/** The fields a contact's shown name is made from (a `Contact` has them all). */
export type NameFields = Pick<
  Contact,
  | 'prefix'
  | 'given'
  | 'additional'
  | 'family'
  | 'suffix'
  | 'formattedName'
  | 'org'
  | 'nickname'
  | 'email'
  | 'tel'
>;

function joined(parts: Array<string | undefined>): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The name a contact is shown by: the source's formatted name, else the name parts, else the
 * organisation, a nickname, an email address or a number, so no one is listed blank.
 */
export function contactDisplayName(contact: NameFields): string {
  const formatted = contact.formattedName?.trim();
  if (formatted) return formatted;
  const parts = joined([contact.prefix, contact.given, contact.additional, contact.family, contact.suffix]);
  if (parts !== '') return parts;
  return (
    contact.org?.trim() ||
    firstText(contact.nickname ?? []) ||
    firstText((contact.email ?? []).map((email) => email.value)) ||
    firstText((contact.tel ?? []).map((tel) => tel.value)) ||
    ''
  );
}

function firstText(values: readonly string[]): string {
  for (const value of values) if (value.trim() !== '') return value.trim();
  return '';
}

/** The text a list is collated by, in the user's chosen order; the display name when there are no parts. */
export function contactSortText(contact: NameFields, order: NameOrder): string {
  const { given, additional, family } = contact;
  const text =
    order === 'givenFirst' ? joined([given, additional, family]) : joined([family, given, additional]);
  return text !== '' ? text : contactDisplayName(contact);
}
