/*
 * vCard 3.0/4.0 value escaping: `\\ \, \; \n \N` (RFC 6350 3.4). Any other escaped character stands for
 * itself: exporters write `\:` (Google escapes the colon in URLs) and other needless escapes.
 */

/** Splits at every `delimiter` not escaped by a backslash (counting backslashes, so `\\;` splits). */
export function splitEscaped(value: string, delimiter: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      i++;
    } else if (c === delimiter) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '\\' || i === value.length - 1) {
      out += c;
      continue;
    }
    const next = value[++i]!;
    out += next === 'n' || next === 'N' ? '\n' : next;
  }
  return out;
}

/** Line breaks as `\n`; CRLF and a lone CR count as one break. */
function escapeBreaks(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/** A text value or component: backslash, comma, semicolon and line breaks escaped. */
export function escapeText(value: string): string {
  return escapeBreaks(value.replace(/[\\,;]/g, (c) => `\\${c}`));
}

/**
 * A URI, a phone number, a UID: written as they are, so other readers see them unchanged; only a
 * backslash and line breaks are escaped, which is all our reader needs to get them back exactly.
 */
export function escapeVerbatim(value: string): string {
  return escapeBreaks(value.replace(/\\/g, '\\\\'));
}
