import type { Contact } from '@gcds/shared';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SourcePhone, SourceRecord } from './types';

export type SourceMatchKeys = Pick<
  SourceRecord,
  'nameKeys' | 'nameSuffix' | 'displayName' | 'phones' | 'phoneKeys' | 'emails'
>;

function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function phoneOf(raw: string, types: string[], region: string): SourcePhone | undefined {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 0) return undefined;
  const parsed = parsePhoneNumberFromString(raw, region as never);
  if (parsed?.isValid()) {
    const national = String(parsed.nationalNumber);
    const isShortCode = national.length < 7;
    const key = `e:${parsed.number}`;
    return { key, indexKeys: isShortCode ? [key] : [key, `s:${national.slice(-7)}`], isShortCode, types };
  }
  const isShortCode = digits.length < 7;
  const key = `r:${digits}`;
  return { key, indexKeys: isShortCode ? [key] : [key, `s:${digits.slice(-7)}`], isShortCode, types };
}

/** Keys the matcher and the GCDS indexes work on, computed outside any transaction. */
export function sourceMatchKeys(contact: Contact, region: string): SourceMatchKeys {
  const given = fold(contact.given ?? '');
  const family = fold(contact.family ?? '');
  const formatted = fold(contact.formattedName ?? '');
  const tokens = (given || family ? `${given} ${family}` : formatted).split(' ').filter(Boolean);
  const nameKeys = tokens.length === 0 ? [] : [[...tokens].sort().join(' ')];
  const phones = (contact.tel ?? [])
    .map((tel) =>
      phoneOf(
        tel.value,
        (tel.type ?? []).map((t) => t.toLowerCase()),
        region,
      ),
    )
    .filter((phone): phone is SourcePhone => phone !== undefined);
  const emails = [
    ...new Set((contact.email ?? []).map((email) => email.value.trim().toLowerCase()).filter(Boolean)),
  ];
  return {
    nameKeys,
    nameSuffix: fold(contact.suffix ?? '').replace(/\s/g, ''),
    displayName: contact.formattedName ?? [contact.given, contact.family].filter(Boolean).join(' '),
    phones,
    phoneKeys: [...new Set(phones.flatMap((phone) => phone.indexKeys))],
    emails,
  };
}
