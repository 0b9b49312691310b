/**
 * Folding names for matching and search: "Łukasz MÜLLER-Øster" and "lukasz muller-oster" are one key.
 */

/** Letters NFKD does not take apart, as people type them on a plain keyboard. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ƒ: 'f',
  // West African and Sahelian letters (Hausa, Akan, Ewe, Fula…)
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
  ɛ: 'e',
  ɔ: 'o',
  ə: 'e',
  ɨ: 'i',
  ʉ: 'u',
  ʒ: 'z',
  // Greek final sigma is the same letter as σ.
  ς: 'σ',
  // Arabic letters written either way in names (as search engines fold them): alef maqsura and the
  // Persian yeh as yeh, the Persian keheh as kaf, teh marbuta as heh.
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
};
const PLAIN_LETTER = new RegExp(`[${Object.keys(PLAIN_LETTERS).join('')}]`, 'gu');

/**
 * Combining marks that are optional accents, removed by folding: Latin/Greek/Cyrillic diacritics,
 * Hebrew points and Arabic vowel signs (usually left unwritten). Marks that are part of a letter are
 * kept: the Japanese voicing marks (が is not か) and the vowel signs of Indic and South-East Asian
 * scripts, without which the word is a different word.
 */
const OPTIONAL_MARKS =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a class of combining marks, each removed on its own
  /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

/**
 * Case-, width- and accent-insensitive form of a name: NFKD, optional marks removed, lower-cased, the
 * letters above spelled plainly, apostrophes and dashes unified, control and format characters
 * dropped (white space among them becomes a space), white space collapsed; then NFC so Hangul and kana
 * compose again. "  José  ÁLVAREZ " → "jose alvarez", "Ørsted" → "orsted", "Straße" → "strasse",
 * "Ὀδυσσεύς" → "οδυσσευσ", "مُحَمَّد" → "محمد", "山田 太郎" unchanged.
 * Idempotent: folding a folded name changes nothing.
 */
export function foldName(text: string): string {
  const known = RECENT_FOLDS.get(text);
  if (known !== undefined) return known;
  const folded = fold(text);
  if (RECENT_FOLDS.size >= RECENT_FOLDS_LIMIT)
    RECENT_FOLDS.delete(RECENT_FOLDS.keys().next().value as string);
  RECENT_FOLDS.set(text, folded);
  return folded;
}

/**
 * The names folded last, oldest out first past the limit (about 1 MB): the GCDS's match keys and each
 * app's words and search text fold the same names within moments of one another, a dozen regular
 * expressions each time.
 */
const RECENT_FOLDS = new Map<string, string>();
const RECENT_FOLDS_LIMIT = 16_384;

function fold(text: string): string {
  // Decomposed before lower-casing too: compatibility forms (𝐀, ℌ) decompose to capitals.
  return text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(OPTIONAL_MARKS, '')
    .replace(/\u0640/g, '') // Arabic tatweel: a stretch of the line, not a letter
    .replace(PLAIN_LETTER, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .replace(/(\p{L})\u00b7(?=\p{L})/gu, '$1') // Catalan l·l
    .replace(/[\u2018\u2019\u02bc\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\p{Cc}\p{Cf}]/gu, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFC');
}

const NOT_IN_A_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The parts of a folded name in written order, repeats kept: runs of letters and digits, split at
 * spaces, apostrophes, dashes and other punctuation ("Jean-Luc O'Neil" → `jean`, `luc`, `o`, `neil`).
 */
export function nameParts(text: string): string[] {
  return foldName(text)
    .split(NOT_IN_A_WORD)
    .filter((part) => part !== '');
}

/**
 * The words of a folded name, for search and match keys: runs of letters and digits. A word written
 * with an apostrophe is also given whole ("O'Neil" → `o`, `neil`, `oneil`) so either spelling finds
 * it; a hyphenated one likewise ("Jean-Luc" → `jean`, `luc`, `jeanluc`).
 */
export function nameWords(text: string): string[] {
  return foldedNameWords(foldName(text));
}

/** `nameWords` of a name already folded (`foldName`): a stored name key gives its words back without folding again. */
export function foldedNameWords(folded: string): string[] {
  const words = new Set<string>();
  for (const chunk of folded.split(' ')) {
    const parts = chunk.split(NOT_IN_A_WORD).filter((part) => part !== '');
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return [...words];
}
