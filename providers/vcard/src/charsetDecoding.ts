const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Legacy exports that declare no charset and are not UTF-8 are Windows code page 1252 in practice. */
export const FALLBACK_CHARSET = 'windows-1252';

export class UnknownCharsetError extends Error {
  override readonly name = 'UnknownCharsetError';
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset.trim().toLowerCase());
  } catch {
    throw new UnknownCharsetError(`unknown CHARSET "${charset}"`);
  }
}

/** UTF-8 if the bytes are valid UTF-8, else undefined. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (isAscii(bytes)) return asciiString(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function asciiString(bytes: Uint8Array): string {
  // Chunks keep String.fromCharCode under the engine's argument limit for long lines (photos).
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/**
 * Text of bytes the file carried as they are (not quoted-printable). Valid UTF-8 is read as UTF-8 even
 * when a CHARSET says otherwise: a text input was encoded to UTF-8 by us, and a legacy byte sequence that
 * happens to be valid UTF-8 is vanishingly rare. Otherwise the declared CHARSET, else windows-1252.
 */
export function decodeRawText(bytes: Uint8Array, charset: string | undefined): string {
  return decodeUtf8(bytes) ?? decoderFor(charset ?? FALLBACK_CHARSET).decode(bytes);
}

/** Text of quoted-printable-decoded bytes: exact bytes, so a declared CHARSET is trusted. */
export function decodeDeclaredText(bytes: Uint8Array, charset: string | undefined): string {
  if (charset !== undefined) return decoderFor(charset).decode(bytes);
  return decodeRawText(bytes, undefined);
}
