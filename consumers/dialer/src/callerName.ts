import type { MergedContact } from '@gcds/shared';

/**
 * The name a call or a call-log line is shown with: the source's formatted name, else the name parts,
 * else a nickname or the organisation. Never a number or an address: when a person has no name the
 * screen shows the number itself, formatted, which is more useful than an email on an incoming call.
 */
export function callerName(merged: MergedContact): string {
  const formatted = merged.formattedName?.value.trim();
  if (formatted) return formatted;
  const parts = [merged.prefix, merged.given, merged.additional, merged.family, merged.suffix]
    .map((part) => part?.value.trim() ?? '')
    .filter((part) => part !== '');
  if (parts.length > 0) return parts.join(' ');
  return merged.nickname[0]?.value.trim() || merged.org?.value.trim() || '';
}
