import { foldName } from '@gcds/shared';

/** What a typed query means as words: one folded word per whitespace-separated chunk. */
export function queryWords(query: string): string[] {
  return foldName(query)
    .split(/\s+/u)
    .map((chunk) => chunk.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((word) => word !== '');
}

/** An email is found by a prefix of the address or of any word of it (`lovelace` finds ada.lovelace@…). */
export function emailWords(address: string): string[] {
  const folded = address.trim().toLowerCase();
  if (folded === '') return [];
  return [...new Set([folded, ...folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')])];
}

/** A query that is a phone number being typed: digits and the punctuation numbers are written with. */
export function phoneQueryDigits(query: string): string | undefined {
  const trimmed = query.trim();
  if (!/^[\d\s+().\-/*#]+$/u.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  return digits === '' ? undefined : digits;
}
