import { concatBytes } from './concatBytes';
import type { PhysicalLine } from './physicalLines';
import type { VcardVersion } from './vcardVersion';

/** One property after unfolding: still bytes, because its charset is known only from its parameters. */
export interface LogicalLine {
  bytes: Uint8Array;
  /** The physical line it starts on. */
  line: number;
  quotedPrintable: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const QUOTE = 0x22;
const EQUALS = 0x3d;
// Headers and base64 are ASCII: any single-byte decoding reads them.
const LATIN1 = new TextDecoder('latin1');

/** The parameter part of a line: up to its first colon outside double quotes. */
export function headerEnd(bytes: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === COLON && !quoted) return i;
  }
  return -1;
}

function headerText(bytes: Uint8Array): string {
  const end = headerEnd(bytes);
  return LATIN1.decode(bytes.subarray(0, end === -1 ? Math.min(bytes.length, 256) : end));
}

function isQuotedPrintable(header: string): boolean {
  return /[;:]\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(?=[;:]|$)/i.test(header);
}

function isBase64(header: string): boolean {
  return /[;:]\s*(ENCODING\s*=\s*)?(BASE64|B)\s*(?=[;:]|$)/i.test(header);
}

const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

function isBase64Line(bytes: Uint8Array): boolean {
  return bytes.length > 0 && BASE64_LINE.test(LATIN1.decode(bytes));
}

function endsWithSoftBreak(parts: readonly Uint8Array[]): boolean {
  const last = parts[parts.length - 1];
  if (last === undefined) return false;
  // RFC 2045: white space after the '=' of a soft break is to be ignored.
  let i = last.length - 1;
  while (i >= 0 && (last[i] === SPACE || last[i] === TAB)) i--;
  return i >= 0 && last[i] === EQUALS;
}

function withoutSoftBreak(part: Uint8Array): Uint8Array {
  let i = part.length - 1;
  while (i >= 0 && (part[i] === SPACE || part[i] === TAB)) i--;
  return part.subarray(0, i);
}

/**
 * Joins a card's physical lines into properties:
 * - a line starting with a space or tab continues the previous one (3.0/4.0 drop that one character;
 *   2.1 folds at white space that belongs to the value, so it is kept);
 * - a quoted-printable value ending in '=' continues on the next line whatever it starts with (a soft
 *   break, which may fall inside a multi-byte character: bytes are joined before any decoding);
 * - in 2.1, base64 data may continue on unindented lines until a blank line.
 * Blank lines are dropped.
 */
export function unfoldCard(lines: readonly PhysicalLine[], version: VcardVersion): LogicalLine[] {
  const result: LogicalLine[] = [];
  let parts: Uint8Array[] = [];
  let start = 0;
  let qp = false;
  let base64 = false;

  const flush = () => {
    if (parts.length > 0) result.push({ bytes: concatBytes(parts), line: start, quotedPrintable: qp });
    parts = [];
  };

  for (const line of lines) {
    const bytes = line.bytes;
    if (parts.length > 0 && qp && endsWithSoftBreak(parts)) {
      parts[parts.length - 1] = withoutSoftBreak(parts[parts.length - 1]!);
      parts.push(bytes);
      continue;
    }
    const first = bytes[0];
    if (parts.length > 0 && (first === SPACE || first === TAB)) {
      parts.push(version === '2.1' && !base64 ? bytes : bytes.subarray(1));
      continue;
    }
    if (parts.length > 0 && base64 && version === '2.1' && isBase64Line(bytes)) {
      parts.push(bytes);
      continue;
    }
    flush();
    base64 = false;
    if (bytes.every((byte) => byte === SPACE || byte === TAB)) continue;
    parts = [bytes];
    start = line.number;
    const header = headerText(bytes);
    qp = isQuotedPrintable(header);
    base64 = isBase64(header);
  }
  flush();
  return result;
}
