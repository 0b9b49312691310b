import type { Contact } from '@gcds/shared';
import { EXPORTERS, type Exporter, type LabelledCard } from './labelledAddressBook';

/** The vCard version each exporter writes. */
export const EXPORT_VERSION: Readonly<Record<Exporter, '2.1' | '3.0'>> = {
  phone: '2.1',
  google: '3.0',
  outlook: '2.1',
  social: '3.0',
};

function escaped(value: string, version: '2.1' | '3.0'): string {
  // vCard 2.1 has no text escapes but for the semicolon; 3.0 escapes commas, semicolons and backslashes.
  return version === '2.1' ? value.replace(/;/g, '\\;') : value.replace(/([\\,;])/g, '\\$1');
}

function typeParams(types: readonly string[], version: '2.1' | '3.0'): string {
  if (types.length === 0) return '';
  const upper = types.map((type) => type.toUpperCase());
  return version === '2.1' ? `;${upper.join(';')}` : `;TYPE=${upper.join(',')}`;
}

/** One card as its exporter writes it: 2.1 with bare type parameters, 3.0 with TYPE=. */
function vcardOf(contact: Contact, version: '2.1' | '3.0'): string {
  const text = (value: string | undefined) => escaped(value ?? '', version);
  const utf8 = (value: string | undefined) =>
    version === '2.1' && /[^\x20-\x7e]/.test(value ?? '') ? ';CHARSET=UTF-8' : '';
  const name = [contact.family, contact.given, contact.additional, contact.prefix, contact.suffix];
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(`N${utf8(name.join(''))}:${name.map(text).join(';')}`);
  if (contact.formattedName !== undefined)
    lines.push(`FN${utf8(contact.formattedName)}:${text(contact.formattedName)}`);
  if (contact.org !== undefined) lines.push(`ORG:${text(contact.org)}`);
  for (const tel of contact.tel ?? []) lines.push(`TEL${typeParams(tel.type ?? [], version)}:${tel.value}`);
  for (const email of contact.email ?? [])
    lines.push(`EMAIL${typeParams(['internet'], version)}:${email.value}`);
  lines.push('END:VCARD');
  return lines.join('\r\n');
}

export interface LabelledExports {
  /** Each exporter's file, as `gcds merge` reads it. */
  files: Record<Exporter, string>;
  /** The card at each index of each file. */
  cardAt: Record<Exporter, LabelledCard[]>;
}

/** The labelled book written as the four .vcf files its exporters would have produced. */
export function labelledExports(cards: readonly LabelledCard[]): LabelledExports {
  const cardAt = Object.fromEntries(EXPORTERS.map((e) => [e, [] as LabelledCard[]])) as Record<
    Exporter,
    LabelledCard[]
  >;
  for (const card of cards) cardAt[card.exporter].push(card);
  const files = Object.fromEntries(
    EXPORTERS.map((exporter) => [
      exporter,
      `${cardAt[exporter].map((card) => vcardOf(card.contact, EXPORT_VERSION[exporter])).join('\r\n')}\r\n`,
    ]),
  ) as Record<Exporter, string>;
  return { files, cardAt };
}
