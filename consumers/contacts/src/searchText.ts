/** Letters NFKD does not take apart, folded the way people type them on a plain keyboard. */
const PLAIN_LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
};

/** Case-, width- and diacritics-insensitive text: "Łukasz Müller" → "lukasz muller". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łđðøæœßþıħŧŀ]/gu, (char) => PLAIN_LETTERS[char] ?? char);
}

/**
 * The words a name can be found by: every run of letters and digits, and each whitespace-separated
 * chunk with its inner punctuation removed, so "O'Neil" is found by "o", "neil" and "oneil", and
 * "Jean-Luc" by "jean", "luc" and "jeanluc".
 */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const chunk of foldText(text).split(/\s+/u)) {
    const joined = chunk.replace(/[^\p{L}\p{N}]+/gu, '');
    if (joined !== '') words.add(joined);
    for (const part of chunk.split(/[^\p{L}\p{N}]+/u)) if (part !== '') words.add(part);
  }
  return [...words];
}

/** What a typed query means as words: one folded word per whitespace-separated chunk. */
export function queryWords(query: string): string[] {
  return foldText(query)
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
