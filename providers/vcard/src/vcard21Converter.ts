import { decodeDeclaredText, decodeRawText, type LegacyGuessListener } from './charsetDecoding';
import { type ContentLine, type RawParam, tokenizeContentLine } from './contentLine';
import { headerEnd, type LogicalLine } from './logicalLines';
import { decodeQuotedPrintable } from './quotedPrintable';
import type { VcardVersion } from './vcardVersion';

/*
 * The vCard 2.1 pre-converter: no library reads 2.1, so each 2.1 line is rewritten as a 3.0 line that
 * ical.js and the rest of the parser understand. The same lenient fixes apply to lines of 3.0/4.0 cards
 * that carry 2.1 habits (some phones write QUOTED-PRINTABLE or bare types into "3.0" files).
 */

const ENCODING_TOKENS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** 2.1 properties whose commas separate values (everywhere else a 2.1 comma is just a comma). */
const LIST_PROPERTIES = new Set(['CATEGORIES', 'NICKNAME']);

function charsetOf(params: readonly RawParam[]): string | undefined {
  const charset = params.find((param) => param.name?.toUpperCase() === 'CHARSET');
  return charset === undefined ? undefined : charset.value.replace(/^"|"$/g, '');
}

function encodingOf(params: readonly RawParam[]): string | undefined {
  for (const param of params) {
    if (param.name === null && ENCODING_TOKENS.has(param.value.toUpperCase()))
      return param.value.toUpperCase();
    if (param.name?.toUpperCase() === 'ENCODING') return param.value.toUpperCase();
  }
  return undefined;
}

/** Bare tokens become TYPE= (or ENCODING=); CHARSET and text encodings go, since the value is now text. */
function modernParams(params: readonly RawParam[]): RawParam[] {
  const result: RawParam[] = [];
  for (const param of params) {
    const upper = (param.name ?? '').toUpperCase();
    const token = param.value.toUpperCase();
    if (param.name === null) {
      if (token === 'BASE64' || token === 'B') result.push({ name: 'ENCODING', value: 'b' });
      else if (!ENCODING_TOKENS.has(token)) result.push({ name: 'TYPE', value: param.value });
    } else if (upper === 'ENCODING') {
      if (token === 'BASE64' || token === 'B') result.push({ name: 'ENCODING', value: 'b' });
    } else if (upper !== 'CHARSET') {
      result.push(param);
    }
  }
  return result;
}

/**
 * A 2.1 value in 3.0 escaping: in 2.1 only `\;` is an escape, so other backslashes are literal, commas
 * are literal (except in list properties) and line breaks (from quoted-printable) are real.
 */
export function escape21Value(name: string, value: string): string {
  const escapeCommas = !LIST_PROPERTIES.has(name.toUpperCase());
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (value[i + 1] === ';') {
        out += '\\;';
        i++;
      } else {
        out += '\\\\';
      }
    } else if (c === ',' && escapeCommas) {
      out += '\\,';
    } else if (c === '\r') {
      if (value[i + 1] === '\n') i++;
      out += '\\n';
    } else if (c === '\n') {
      out += '\\n';
    } else {
      out += c;
    }
  }
  return out;
}

function escapeLineBreaks(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Decodes one unfolded line (charset, quoted-printable) and returns it as a 3.0/4.0 content line.
 * `onGuess` hears of bytes that were neither UTF-8 nor in a declared CHARSET (read as windows-1252).
 */
export function modernContentLine(
  logical: LogicalLine,
  version: VcardVersion,
  onGuess?: LegacyGuessListener,
): ContentLine {
  const split = headerEnd(logical.bytes);
  const headerBytes = split === -1 ? logical.bytes : logical.bytes.subarray(0, split);
  // Parameters are ASCII; decoding them first tells us the CHARSET of the value.
  const head = tokenizeContentLine(`${decodeRawText(headerBytes, undefined, onGuess)}:`);
  const charset = charsetOf(head.params);
  let line: ContentLine;
  let decoded = false;
  if (logical.quotedPrintable && split !== -1) {
    const value = decodeDeclaredText(
      decodeQuotedPrintable(logical.bytes.subarray(split + 1)),
      charset,
      onGuess,
    );
    line = { ...head, value };
    decoded = true;
  } else {
    line = tokenizeContentLine(decodeRawText(logical.bytes, charset, onGuess));
  }
  const encoding = encodingOf(line.params);
  let value = line.value;
  if (encoding === 'BASE64' || encoding === 'B') value = value.replace(/\s+/g, '');
  else if (version === '2.1') value = escape21Value(line.name, value);
  else if (decoded) value = escapeLineBreaks(value);
  const params = modernParams(line.params);
  return { ...(line.group === undefined ? {} : { group: line.group }), name: line.name, params, value };
}
