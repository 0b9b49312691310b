import type { MergedContact } from '@gcds/shared';

/** The name a person is shown by: their formatted name, else the name's parts, else what else identifies them. */
export function personName(merged: MergedContact): string {
  const parts = [merged.prefix, merged.given, merged.additional, merged.family, merged.suffix]
    .map((part) => part?.value)
    .filter(Boolean);
  return (
    merged.formattedName?.value ??
    (parts.length > 0
      ? parts.join(' ')
      : (merged.org?.value ?? merged.tel[0]?.value.value ?? merged.email[0]?.value.value ?? 'No name'))
  );
}
