const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Legacy exports that declare no charset and are not UTF-8 are Windows code page 1252 in practice. */
export const FALLBACK_CHARSET = 'windows-1252';

export class UnknownCharsetError extends Error {
  override readonly name = 'UnknownCharsetError';
}

/** Code page 1252 at 0x80–0x9F (where it differs from ISO-8859-1); 0 where the code page has a hole. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/**
 * Node 20's TextDecoder reads "windows-1252" (and "iso-8859-1", its WHATWG alias) as ISO-8859-1, so
 * "€" and curly quotes come out as C1 control characters; browsers are right. Mapped here for both.
 */
function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

function decoderFor(charset: string): (bytes: Uint8Array) => string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.trim().toLowerCase());
  } catch {
    throw new UnknownCharsetError(`unknown CHARSET "${charset}"`);
  }
  if (decoder.encoding === 'windows-1252') return (bytes) => fixCp1252(decoder.decode(bytes));
  return (bytes) => decoder.decode(bytes);
}

/** UTF-8 if the bytes are valid UTF-8 (ASCII is), else undefined. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  // The native decoder, ASCII too: a JS loop and String.fromCharCode over the bytes was 15 times slower
  // a line, and the vCard worker's largest script cost when a phone imports a large export.
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Text of bytes the file carried as they are (not quoted-printable). Valid UTF-8 is read as UTF-8 even
 * when a CHARSET says otherwise: a text input was encoded to UTF-8 by us, and a legacy byte sequence that
 * happens to be valid UTF-8 is vanishingly rare. Otherwise the declared CHARSET, else windows-1252.
 */
export function decodeRawText(
  bytes: Uint8Array,
  charset: string | undefined,
  onGuess?: LegacyGuessListener,
): string {
  const utf8Text = decodeUtf8(bytes);
  if (utf8Text !== undefined) return utf8Text;
  if (charset !== undefined) return decoderFor(charset)(bytes);
  onGuess?.(FALLBACK_CHARSET);
  return decoderFor(FALLBACK_CHARSET)(bytes);
}

/** Told when bytes that are not UTF-8 and declare no CHARSET were read in the fallback charset. */
export type LegacyGuessListener = (charset: string) => void;

/** Text of quoted-printable-decoded bytes: exact bytes, so a declared CHARSET is trusted. */
export function decodeDeclaredText(
  bytes: Uint8Array,
  charset: string | undefined,
  onGuess?: LegacyGuessListener,
): string {
  if (charset !== undefined) return decoderFor(charset)(bytes);
  return decodeRawText(bytes, undefined, onGuess);
}
