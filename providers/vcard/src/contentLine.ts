/** A parameter as written: `name=value` (value still quoted/escaped), or a bare 2.1 token (`TEL;HOME`). */
export interface RawParam {
  /** null for a bare parameter, whose token is then `value`. */
  name: string | null;
  value: string;
}

/** One unfolded, decoded property line split into its parts; values are left exactly as written. */
export interface ContentLine {
  group?: string;
  name: string;
  params: RawParam[];
  value: string;
}

export class ContentLineError extends Error {
  override readonly name = 'ContentLineError';
}

const NAME = /^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$/;

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Splits `group.NAME;param=value;BARE:value`. A double quote opens a quoted parameter value only at the
 * start of a value (or of a comma-separated item), as RFC 6350 has it; the value starts after the first
 * colon outside parameters.
 */
export function tokenizeContentLine(text: string): ContentLine {
  let i = 0;
  while (i < text.length && text[i] !== ';' && text[i] !== ':') i++;
  if (i === text.length) throw new ContentLineError(`no ":" in "${preview(text)}"`);
  const fullName = text.slice(0, i);
  const nameMatch = NAME.exec(fullName);
  if (nameMatch === null) throw new ContentLineError(`"${preview(fullName)}" is not a property name`);
  const params: RawParam[] = [];

  while (text[i] === ';') {
    i++;
    const nameStart = i;
    while (i < text.length && text[i] !== '=' && text[i] !== ';' && text[i] !== ':') i++;
    const paramName = text.slice(nameStart, i).trim();
    if (text[i] !== '=') {
      if (paramName !== '') params.push({ name: null, value: paramName });
      continue;
    }
    i++;
    const valueStart = i;
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close === -1) throw new ContentLineError(`unclosed quote in parameter ${paramName}`);
        i = close + 1;
      } else {
        while (i < text.length && text[i] !== ';' && text[i] !== ':' && text[i] !== ',') i++;
      }
      if (text[i] !== ',') break;
      i++;
    }
    if (paramName === '') throw new ContentLineError('a parameter has no name');
    params.push({ name: paramName, value: text.slice(valueStart, i) });
  }
  if (text[i] !== ':') throw new ContentLineError(`no ":" after the parameters of ${fullName}`);
  return {
    ...(nameMatch[1] === undefined ? {} : { group: nameMatch[1] }),
    name: nameMatch[2]!,
    params,
    value: text.slice(i + 1),
  };
}

/** `group.NAME;p=v…` as written, without the colon and value. */
export function contentLineHeader(line: ContentLine): string {
  let header = line.group === undefined ? line.name : `${line.group}.${line.name}`;
  for (const param of line.params) {
    header += param.name === null ? `;${param.value}` : `;${param.name}=${param.value}`;
  }
  return header;
}
