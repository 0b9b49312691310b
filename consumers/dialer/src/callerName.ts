import { contactDisplayName, type MergedContact, mergedNameFields } from '@gcds/shared';

/**
 * The name a call or a call-log line is shown with: the Contacts app's rule (`contactDisplayName`:
 * formatted name, name parts, organisation, nickname) on the merged name fields, so every app names a
 * person alike; but never an address or a number: for a nameless person the screen shows the number.
 */
export function callerName(merged: MergedContact): string {
  return contactDisplayName(mergedNameFields(merged));
}
