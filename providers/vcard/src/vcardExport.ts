import type {
  Contact,
  ContactAddress,
  ContactDraft,
  ContactUri,
  ExtraProperty,
  PartialDate,
  StoredBlob,
} from '@gcds/shared';
import { encodeBase64 } from './base64';
import { DERIVED_FN_PARAM } from './contactFromProperties';
import { foldLine } from './lineFolding';
import { formatPartialDate, formatTimestamp } from './vcardDates';
import { vcard3PhotoType } from './vcardPhoto';
import { escapeText, escapeVerbatim } from './vcardText';

export type VcardExportVersion = '4.0' | '3.0';

export interface VcardExportOptions {
  /** 4.0 unless 3.0 is asked for. */
  version?: VcardExportVersion;
  /** Photo bytes by PhotoRef id; a contact whose photo is not here is written without its photo. */
  photos?: ReadonlyMap<string, StoredBlob>;
}

export const PRODID = '-//GCDS//vCard provider//EN';

/** The instants a timestamp with a 4-digit year can show. */
const MIN_TIMESTAMP = Date.parse('0000-01-01T00:00:00Z');
const MAX_TIMESTAMP = Date.parse('9999-12-31T23:59:59Z');

/** RFC 6868 for parameter values, then double quotes when the value holds a delimiter. */
function paramValue(value: string): string {
  const escaped = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return /[;:,]/.test(escaped) ? `"${escaped}"` : escaped;
}

function param(name: string, value: string | readonly string[]): string {
  const values = typeof value === 'string' ? [value] : value;
  return `;${name}=${values.map(paramValue).join(',')}`;
}

interface Typed {
  type?: string[];
  pref?: boolean;
}

function typeParams(item: Typed, version: VcardExportVersion): string {
  const types = (item.type ?? []).map((type) => (version === '3.0' ? type.toUpperCase() : type));
  if (item.pref && version === '3.0') types.push('PREF');
  let params = types.length > 0 ? param('TYPE', types) : '';
  if (item.pref && version === '4.0') params += ';PREF=1';
  return params;
}

function derivedName(contact: ContactDraft): string {
  const parts = [contact.prefix, contact.given, contact.additional, contact.family, contact.suffix];
  const name = parts.filter((part) => part !== undefined && part !== '').join(' ');
  return (
    name || contact.org || contact.nickname?.[0] || contact.email?.[0]?.value || contact.tel?.[0]?.value || ''
  );
}

function structured(parts: ReadonlyArray<string | undefined>): string {
  return parts.map((part) => escapeText(part ?? '')).join(';');
}

function dateLine(name: string, date: PartialDate, version: VcardExportVersion): string {
  return `${name}:${formatPartialDate(date, version)}`;
}

function extraLine(extra: ExtraProperty): string {
  let line = extra.group === undefined ? extra.name : `${extra.group}.${extra.name}`;
  for (const [name, value] of Object.entries(extra.params ?? {})) line += param(name, value);
  // Extras hold their value as the file had it (escaped); only a raw line break could break the line.
  return `${line}:${extra.value.replace(/\r\n|\r|\n/g, '\\n')}`;
}

/** `item1`, `item2`… for labelled properties, skipping group names the extras already use. */
function groupNamer(extras: readonly ExtraProperty[]): () => string {
  const taken = new Set(extras.map((extra) => extra.group?.toLowerCase()));
  let next = 1;
  return () => {
    while (taken.has(`item${next}`)) next++;
    return `item${next++}`;
  };
}

/** One contact as a vCard, lines folded, CRLF line ends. */
export function exportVcard(contact: Contact | ContactDraft, options: VcardExportOptions = {}): string {
  const version = options.version ?? '4.0';
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, `PRODID:${PRODID}`];
  const nextGroup = groupNamer(contact.extra ?? []);
  const labelled = (name: string, item: { label?: string }, rest: string) => {
    if (item.label === undefined) {
      lines.push(`${name}${rest}`);
      return;
    }
    const group = nextGroup();
    lines.push(`${group}.${name}${rest}`, `${group}.X-ABLabel:${escapeText(item.label)}`);
  };

  if (contact.uid !== undefined) lines.push(`UID:${escapeVerbatim(contact.uid)}`);
  if (contact.formattedName !== undefined) lines.push(`FN:${escapeText(contact.formattedName)}`);
  else lines.push(`FN;${DERIVED_FN_PARAM.toUpperCase()}=TRUE:${escapeText(derivedName(contact))}`);
  const name = [contact.family, contact.given, contact.additional, contact.prefix, contact.suffix];
  if (version === '3.0' || name.some((part) => part !== undefined)) lines.push(`N:${structured(name)}`);
  if (contact.nickname !== undefined) lines.push(`NICKNAME:${contact.nickname.map(escapeText).join(',')}`);
  if (contact.org !== undefined || contact.department !== undefined) {
    const department = contact.department === undefined ? '' : `;${escapeText(contact.department)}`;
    lines.push(`ORG:${escapeText(contact.org ?? '')}${department}`);
  }
  if (contact.jobTitle !== undefined) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  for (const tel of contact.tel ?? []) {
    labelled('TEL', tel, `${typeParams(tel, version)}:${escapeVerbatim(tel.value)}`);
  }
  for (const email of contact.email ?? []) {
    labelled('EMAIL', email, `${typeParams(email, version)}:${escapeText(email.value)}`);
  }
  for (const adr of contact.adr ?? []) {
    const parts: Array<keyof ContactAddress> = [
      'poBox',
      'extended',
      'street',
      'locality',
      'region',
      'postalCode',
      'countryName',
    ];
    const value = structured(parts.map((part) => adr[part] as string | undefined));
    labelled('ADR', adr, `${typeParams(adr, version)}:${value}`);
  }
  const uris = (name: string, items: readonly ContactUri[] | undefined) => {
    for (const item of items ?? [])
      labelled(name, item, `${typeParams(item, version)}:${escapeVerbatim(item.value)}`);
  };
  uris('URL', contact.url);
  uris('IMPP', contact.impp);
  if (contact.bday !== undefined) lines.push(dateLine('BDAY', contact.bday, version));
  if (contact.anniversary !== undefined) {
    // 3.0 has no ANNIVERSARY; X-ANNIVERSARY is what 3.0 writers (Evolution, KDE) use.
    lines.push(dateLine(version === '4.0' ? 'ANNIVERSARY' : 'X-ANNIVERSARY', contact.anniversary, version));
  }
  if (contact.note !== undefined) lines.push(`NOTE:${escapeText(contact.note)}`);
  if (contact.category !== undefined) lines.push(`CATEGORIES:${contact.category.map(escapeText).join(',')}`);
  const photo = contact.photo === undefined ? undefined : options.photos?.get(contact.photo.id);
  if (photo !== undefined) {
    const data = encodeBase64(photo.bytes);
    lines.push(
      version === '4.0'
        ? `PHOTO:data:${photo.mediaType};base64,${data}`
        : `PHOTO;ENCODING=b;TYPE=${paramValue(photo.mediaType.startsWith('image/') ? vcard3PhotoType(photo.mediaType) : photo.mediaType)}:${data}`,
    );
  }
  if (
    contact.updatedAt !== undefined &&
    contact.updatedAt >= MIN_TIMESTAMP &&
    contact.updatedAt <= MAX_TIMESTAMP
  ) {
    lines.push(`REV:${formatTimestamp(contact.updatedAt, version)}`);
  }
  for (const extra of contact.extra ?? []) lines.push(extraLine(extra));
  lines.push('END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Several contacts as one .vcf file. */
export function exportVcards(
  contacts: ReadonlyArray<Contact | ContactDraft>,
  options: VcardExportOptions = {},
): string {
  return contacts.map((contact) => exportVcard(contact, options)).join('');
}
