import {
  contactDisplayName,
  contactSortText,
  type MergedContact,
  type NameFields,
  type NameOrder,
} from '@gcds/shared';

export type { NameOrder } from '@gcds/shared';

/** The name fields of a merged person, each from the source the merged view took it from. */
function nameFieldsOf(merged: MergedContact): NameFields {
  return {
    prefix: merged.prefix?.value,
    given: merged.given?.value,
    additional: merged.additional?.value,
    family: merged.family?.value,
    suffix: merged.suffix?.value,
    formattedName: merged.formattedName?.value,
    org: merged.org?.value,
    nickname: merged.nickname.map((item) => item.value),
    email: merged.email.map((item) => item.value),
    tel: merged.tel.map((item) => item.value),
  };
}

/** The name shown in the list (see `contactDisplayName`): formatted name, parts, org, email or number. */
export function displayNameOf(merged: MergedContact): string {
  return contactDisplayName(nameFieldsOf(merged));
}

/** The text the list is collated by, in the user's chosen order; falls back to the display name. */
export function sortTextOf(merged: MergedContact, order: NameOrder): string {
  return contactSortText(nameFieldsOf(merged), order);
}
