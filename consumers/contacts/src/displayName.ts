import {
  contactSortText,
  type MergedContact,
  mergedDisplayName,
  mergedNameFields,
  type NameOrder,
} from '@gcds/shared';

export type { NameOrder } from '@gcds/shared';

/**
 * The name shown in the list (see `contactDisplayName`): formatted name, parts, org, nickname, then an
 * email address or a number, so no one is listed blank.
 */
export function displayNameOf(merged: MergedContact): string {
  return mergedDisplayName(merged, { withAddresses: true });
}

/** The text the list is collated by, in the user's chosen order; falls back to the display name. */
export function sortTextOf(merged: MergedContact, order: NameOrder): string {
  return contactSortText(mergedNameFields(merged, { withAddresses: true }), order);
}
