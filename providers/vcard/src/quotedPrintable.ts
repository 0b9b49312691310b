function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/**
 * Decodes quoted-printable (RFC 2045) to bytes. Soft breaks were joined while unfolding, so a '=' left
 * at the very end is a dangling soft break and is dropped. A '=' not followed by two hex digits is kept
 * as it is, as RFC 2045 recommends for robustness: exporters do write stray '=' signs.
 */
export function decodeQuotedPrintable(encoded: Uint8Array): Uint8Array {
  const out = new Uint8Array(encoded.length);
  let length = 0;
  for (let i = 0; i < encoded.length; i++) {
    const byte = encoded[i]!;
    if (byte !== 0x3d) {
      out[length++] = byte;
      continue;
    }
    if (i === encoded.length - 1) break;
    const high = hexValue(encoded[i + 1]);
    const low = hexValue(encoded[i + 2]);
    if (high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else {
      out[length++] = byte;
    }
  }
  return out.slice(0, length);
}
