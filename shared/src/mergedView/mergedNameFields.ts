import { contactDisplayName, type NameFields } from '../contact/displayName';
import type { SourceRef } from '../person/person';
import type { MergedContact } from './mergedContact';

export interface MergedNameFieldsOptions {
  /**
   * Also the email addresses and numbers, for a list that names a nameless person by one of them
   * (the Contacts app). The Phone and Messages apps leave them out: they show the number or address
   * itself, never some other address of the person.
   */
  withAddresses?: boolean;
}

/**
 * The fields `contactDisplayName` and `contactSortText` read, from a merged person: each value as the
 * merged view took it from its source.
 */
export function mergedNameFields(merged: MergedContact, options: MergedNameFieldsOptions = {}): NameFields {
  const fields: NameFields = {
    prefix: merged.prefix?.value,
    given: merged.given?.value,
    additional: merged.additional?.value,
    family: merged.family?.value,
    suffix: merged.suffix?.value,
    formattedName: merged.formattedName?.value,
    org: merged.org?.value,
    nickname: merged.nickname.map((item) => item.value),
  };
  if (options.withAddresses === true) {
    fields.email = merged.email.map((item) => item.value);
    fields.tel = merged.tel.map((item) => item.value);
  }
  return fields;
}

/**
 * The name every app shows for a merged person: the Contacts app's rule (`contactDisplayName`:
 * formatted name, name parts, organisation, nickname) on the merged name fields, so every app names a
 * person alike. Without `withAddresses` it is empty for a person with no name at all: the Phone and
 * Messages apps then show the number or address itself, never some other address of the person.
 */
export function mergedDisplayName(merged: MergedContact, options: MergedNameFieldsOptions = {}): string {
  return contactDisplayName(mergedNameFields(merged, options));
}

/** The texts a person is found by name in: name parts, formatted name and nicknames, as merged. */
export function mergedNameTexts(merged: MergedContact): string[] {
  return [
    merged.given?.value,
    merged.additional?.value,
    merged.family?.value,
    merged.formattedName?.value,
    ...merged.nickname.map((nick) => nick.value),
  ].filter((text): text is string => typeof text === 'string');
}

/**
 * The source a merged person's name comes from (where its formatted name or name parts were taken),
 * for a merge that keeps this person's name; undefined when the person has no name of its own.
 */
export function mergedNameSource(merged: MergedContact): SourceRef | undefined {
  return (
    merged.formattedName ??
    merged.given ??
    merged.family ??
    merged.additional ??
    merged.prefix ??
    merged.suffix
  )?.source;
}
