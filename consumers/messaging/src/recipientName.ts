import { contactDisplayName, type MergedContact, mergedNameFields } from '@gcds/shared';

/**
 * A thread's title for a person: the Contacts app's rule (`contactDisplayName`) on the merged name
 * fields, so every app names a person alike; empty for a person with no name at all, whose thread then
 * shows its number or address rather than some other address of theirs.
 */
export function recipientName(merged: MergedContact): string {
  return contactDisplayName(mergedNameFields(merged));
}
