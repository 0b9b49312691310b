import type { MergedContact } from '@gcds/shared';

/** How names read and sort: "Ada Lovelace" filed under A, or filed under L. */
export type NameOrder = 'givenFirst' | 'familyFirst';

function joined(parts: Array<string | undefined>): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/** The name shown in the list: the source's formatted name, else the parts, else org, email or number. */
export function displayNameOf(merged: MergedContact): string {
  const formatted = merged.formattedName?.value.trim();
  if (formatted) return formatted;
  const parts = joined([
    merged.prefix?.value,
    merged.given?.value,
    merged.additional?.value,
    merged.family?.value,
    merged.suffix?.value,
  ]);
  if (parts !== '') return parts;
  return (
    merged.org?.value.trim() ||
    merged.nickname[0]?.value.trim() ||
    merged.email[0]?.value.value.trim() ||
    merged.tel[0]?.value.value.trim() ||
    ''
  );
}

/** The text the list is collated by, in the user's chosen order; falls back to the display name. */
export function sortTextOf(merged: MergedContact, order: NameOrder): string {
  const given = merged.given?.value;
  const additional = merged.additional?.value;
  const family = merged.family?.value;
  const text =
    order === 'givenFirst' ? joined([given, additional, family]) : joined([family, given, additional]);
  return text !== '' ? text : displayNameOf(merged);
}
