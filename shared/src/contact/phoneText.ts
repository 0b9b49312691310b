/**
 * Reading a phone number as people type it, before libphonenumber sees it: other scripts' digits,
 * `tel:` URIs, extensions and post-dial digits, and vanity letters. Nothing here decides what the
 * number means; it only separates the dialled part from what follows it.
 */

/** The parts of a typed phone number. */
export interface PhoneText {
  /** The number part: ASCII digits, vanity letters still as letters, separators kept. */
  main: string;
  /** Extension or post-dial digits (`x23`, `;ext=23`, `,,23`, `p23`), when present. */
  ext?: string;
}

const KEYPAD: Readonly<Record<string, string>> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * The value of a decimal digit of any script. Unicode assigns each script's digits as runs of ten
 * code points from zero to nine (some scripts have several runs back to back), so the value is the
 * distance back to the start of the run of digits, modulo ten.
 */
function digitValue(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

/** Fullwidth, Arabic-Indic, Devanagari… digits as ASCII; everything else as it was (NFKC). */
export function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(/\p{Nd}/gu, (char) => (/[0-9]/.test(char) ? char : digitValue(char)));
}

/** RFC 3966 `;ext=`, anywhere after the number. */
const RFC3966_EXT = /;\s*ext\s*=\s*([0-9]+)/i;
/**
 * A written extension after a number that ends in a digit (or a closing parenthesis): `x23`,
 * `ext. 23`, `extension 23`, `#23`, and a few words other languages use (German `Durchwahl`/`DW`,
 * French `poste`, Spanish `anexo`, Portuguese `ramal`, Dutch `toestel`).
 */
const WRITTEN_EXT =
  /^(.*[0-9)])[\s,]*(?:ext(?:ension)?\.?|extn\.?|ex\.?|x|#|durchwahl|dw\.?|poste|anexo|ramal|toestel)[\s:.]*([0-9]{1,10})#?\s*$/i;
/** Post-dial digits after a pause or wait (`,` `;` `p` `w`), as dialers store them: `…0101,,123#`. */
const POST_DIAL = /^(.*?[0-9)])\s*(?:[,;]+|[pw])\s*([0-9*#][0-9*#,;pw\s]*)$/i;

/** Splits the extension or post-dial digits off a typed number (already in ASCII digits). */
export function splitPhoneText(text: string): PhoneText {
  let main = text.trim().replace(/^tel:/i, '');
  const rfc = RFC3966_EXT.exec(main);
  if (rfc) {
    // Other tel-URI parameters (`;phone-context=…`, `;isub=…`) say nothing about the number itself.
    return { main: main.slice(0, rfc.index).replace(/;.*$/, '').trim(), ext: rfc[1] ?? '' };
  }
  main = main.replace(/;(?:phone-context|isub)=[^;]*/gi, '').trim();
  const written = WRITTEN_EXT.exec(main);
  if (written) return { main: (written[1] ?? '').trim(), ext: written[2] ?? '' };
  const postDial = POST_DIAL.exec(main);
  if (postDial) {
    return { main: (postDial[1] ?? '').trim(), ext: (postDial[2] ?? '').replace(/[,;pw\s]/gi, '') };
  }
  return { main };
}

/**
 * A vanity number (`1-800-FLOWERS`) with its letters turned into keypad digits, or undefined when the
 * text does not have that shape: it must start with digits (or `+`) and hold only digits, letters and
 * the separators numbers are written with. Whether the result is really a number is for the parser to
 * say; callers keep the letters when it is not (a label typed after the number, `555 0101 home`).
 */
export function vanityDigits(main: string): string | undefined {
  if (!/[A-Za-z]/.test(main)) return undefined;
  if (!/^\+?[\s().\-/]*[0-9][0-9A-Za-z\s().\-/]*$/.test(main)) return undefined;
  return main.replace(/[A-Za-z]/g, (letter) => KEYPAD[letter.toUpperCase()] ?? letter);
}
