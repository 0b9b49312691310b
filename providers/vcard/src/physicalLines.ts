import type { VcardInput } from './vcardParseResult';

/** One line of the file as stored, without its line terminator. */
export interface PhysicalLine {
  bytes: Uint8Array;
  /** 1-based, as an editor shows it. */
  number: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The file's bytes with any byte-order mark removed, as UTF-8 or as the legacy single-byte bytes they are.
 * Lines are kept as bytes because vCard 2.1 declares a CHARSET per property, and because a fold or a
 * quoted-printable soft break may split a multi-byte character: text is decoded only after unfolding.
 */
export function fileBytes(input: VcardInput): Uint8Array {
  if (typeof input === 'string') {
    return new TextEncoder().encode(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return input.subarray(3);
  const utf16 = utf16Encoding(input);
  if (utf16 !== undefined) {
    // Windows tools export "Unicode" vCards as UTF-16: turn them into the UTF-8 everything else reads.
    const text = new TextDecoder(utf16).decode(input);
    return new TextEncoder().encode(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
  return input;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM, but "BE" of BEGIN with a zero byte beside each letter.
  if (bytes[0] === 0x42 && bytes[1] === 0 && bytes[2] === 0x45 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x42 && bytes[2] === 0 && bytes[3] === 0x45) return 'utf-16be';
  return undefined;
}

/**
 * Splits at CRLF, LF, and a lone CR (old Mac exports), in chunks of whole lines of about `chunkBytes`
 * each, so a caller can let the event loop run between chunks of a large file. Views, no copies.
 */
export function* physicalLineChunks(bytes: Uint8Array, chunkBytes = 256 * 1024): Generator<PhysicalLine[]> {
  let lines: PhysicalLine[] = [];
  let start = 0;
  let chunkStart = 0;
  let number = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== LF && byte !== CR) continue;
    lines.push({ bytes: bytes.subarray(start, i), number });
    number += 1;
    if (byte === CR && bytes[i + 1] === LF) i += 1;
    start = i + 1;
    if (start - chunkStart >= chunkBytes) {
      yield lines;
      lines = [];
      chunkStart = start;
    }
  }
  if (start < bytes.length) lines.push({ bytes: bytes.subarray(start), number });
  if (lines.length > 0) yield lines;
}

/** Every line of the file (see physicalLineChunks). */
export function physicalLines(bytes: Uint8Array): PhysicalLine[] {
  return [...physicalLineChunks(bytes, Number.POSITIVE_INFINITY)].flat();
}

/** The first `limit` bytes as ASCII (others become '?'): enough to recognise BEGIN, END and VERSION. */
export function asciiPrefix(bytes: Uint8Array, limit: number): string {
  let text = '';
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    text += byte < 0x80 ? String.fromCharCode(byte) : '?';
  }
  return text;
}
