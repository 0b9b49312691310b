/** RFC 6350 3.2 / RFC 2426: lines SHOULD NOT be longer than 75 octets, line break excluded. */
export const MAX_LINE_OCTETS = 75;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line into lines of at most 75 octets: CRLF and a space before each continuation.
 * Folds only between code points, so no UTF-8 sequence is split (readers are asked to cope with that,
 * and not all do).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      // Continuation lines begin with one space, which counts towards their 75 octets.
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}
