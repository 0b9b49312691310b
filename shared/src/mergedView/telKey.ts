/**
 * When two sources hold the same phone number. Until the shared phone normaliser lands this compares
 * the dialable digits (and a leading +), which never merges two different numbers but keeps national
 * and international spellings of one number apart.
 */
export function telKey(value: string, _region: string): string | undefined {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits === '') return undefined;
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
