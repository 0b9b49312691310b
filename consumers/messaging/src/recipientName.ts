import type { MergedContact } from '@gcds/shared';

/**
 * A thread's title for a person: the formatted name, else the name parts in order, else a nickname or
 * the organisation; empty when there is none, and the thread then shows its number or address.
 */
export function recipientName(merged: MergedContact): string {
  const named = [merged.formattedName?.value]
    .concat([
      [merged.prefix, merged.given, merged.additional, merged.family, merged.suffix]
        .flatMap((part) => (part?.value.trim() ? [part.value.trim()] : []))
        .join(' '),
    ])
    .concat(
      merged.nickname.map((nick) => nick.value),
      [merged.org?.value],
    );
  return named.map((text) => text?.trim() ?? '').find((text) => text !== '') ?? '';
}
