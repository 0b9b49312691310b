import { contactDisplayName, type MergedContact, type NameFields } from '@gcds/shared';

const NAME_PARTS = ['prefix', 'given', 'additional', 'family', 'suffix', 'formattedName', 'org'] as const;

/**
 * A thread's title for a person: the Contacts app's rule (`contactDisplayName`) on the merged name
 * fields, so every app names a person alike; empty for a person with no name at all, whose thread then
 * shows its number or address rather than some other address of theirs.
 */
export function recipientName(merged: MergedContact): string {
  const fields: NameFields = { nickname: merged.nickname.map((nick) => nick.value) };
  for (const part of NAME_PARTS) fields[part] = merged[part]?.value;
  return contactDisplayName(fields);
}
