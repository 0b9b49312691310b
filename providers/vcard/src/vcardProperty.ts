import ICAL from 'ical.js';
import { CardParseError } from './cardParseError';
import { type ContentLine, ContentLineError, contentLineHeader } from './contentLine';
import type { VcardVersion } from './vcardVersion';

export type ParamValue = string | string[];

/** One property of a card, ready for mapping. */
export interface VcardProperty {
  group?: string;
  /** Upper case. */
  name: string;
  /** Decoded parameter values (quotes removed, RFC 6868 `^n ^' ^^` resolved), keyed by lower-case name. */
  params: Record<string, ParamValue>;
  /** The VALUE parameter as written (lower case), if any. */
  valueParam?: string;
  /** The value as the 3.0/4.0 line has it: still escaped, so it can be decoded by type or kept verbatim. */
  value: string;
  line: number;
}

/*
 * ical.js reads the parameters: quoting, RFC 6868, TYPE lists, 3.0 and 4.0 alike. It does not get the
 * values, for reasons found on real exports: it leaves `\;` escaped in plain text (3.0 writers escape
 * semicolons in NOTE and FN), treats `\\;` as an escaped delimiter and so merges N components, splits
 * 3.0 NOTE at every unescaped comma, and fails a whole card on one bad line without saying which line.
 * Values are decoded by vcardText.ts instead, per property, with the line number at hand.
 * ical.js also reads backslash escapes in parameter values, which vCard parameters do not have (RFC 6868's
 * `^` is their only escape): a literal backslash is doubled before ical.js sees it, so it stays one.
 */
export function readProperty(content: ContentLine, version: VcardVersion, line: number): VcardProperty {
  const upper = content.name.toUpperCase();
  if (upper === 'BEGIN' || upper === 'END') {
    // ical.js would read it as the start or end of a component and fail inside its own state.
    throw new CardParseError(
      line,
      `line ${line}: a property named ${upper} inside the card (only BEGIN:VCARD and END:VCARD go around a card, and a card holds no other component)`,
    );
  }
  const design = version === '4.0' ? ICAL.design.vcard : ICAL.design.vcard3;
  const literalBackslashes = {
    ...content,
    params: content.params.map((p) =>
      p.name === null ? p : { ...p, value: p.value.replace(/\\/g, '\\\\') },
    ),
  };
  let parsed: unknown;
  try {
    parsed = ICAL.parse.property(`${contentLineHeader(literalBackslashes)}:`, design);
  } catch (error) {
    // A parameter ical.js cannot read (a quote left open) is the line's own fault, said as such.
    if (error instanceof Error && error.name === 'ParserError') {
      throw new ContentLineError(`the ${upper} property's parameters are malformed (${error.message})`);
    }
    throw error;
  }
  const rawParams = Array.isArray(parsed) && typeof parsed[1] === 'object' ? parsed[1] : {};
  const params: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(rawParams as Record<string, unknown>)) {
    if (key === 'group') continue;
    if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value)) params[key] = value.map(String);
  }
  const valueParam = content.params.find((param) => param.name?.toUpperCase() === 'VALUE');
  return {
    ...(content.group === undefined ? {} : { group: content.group }),
    name: upper,
    params,
    ...(valueParam === undefined ? {} : { valueParam: valueParam.value.replace(/^"|"$/g, '').toLowerCase() }),
    value: content.value,
    line,
  };
}

/** A parameter's values as a flat list (TYPE=a,b and TYPE=a;TYPE=b alike). */
export function paramList(params: Record<string, ParamValue>, name: string): string[] {
  const value = params[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .filter((item) => item !== '');
}
