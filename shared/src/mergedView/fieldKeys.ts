import type { ContactAddress } from '../contact/contact';
import { emailKey as contactEmailKey } from '../contact/emailKey';

/**
 * Identity keys that decide when two sources hold "the same" entry of a multi-valued field.
 * Blank values have no key: they are dropped from the merged view.
 */

/** Case and width folded, whitespace collapsed: "  Ski  Club " and "ski club" are one category. */
export function textKey(value: string): string | undefined {
  const key = value.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return key === '' ? undefined : key;
}

/** Addresses compare by the contact model's email key (trimmed, `mailto:` dropped, case-folded). */
export function emailFieldKey(value: string): string | undefined {
  const key = contactEmailKey(value);
  return key === '' ? undefined : key;
}

/**
 * URLs compare by their parsed form (scheme and host are case-insensitive, `https://a.org` equals
 * `https://a.org/`); anything that does not parse as a URL compares as folded text.
 */
export function uriKey(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  try {
    const url = new URL(trimmed);
    const href = url.href;
    return url.pathname === '/' && url.search === '' && url.hash === '' && href.endsWith('/')
      ? href.slice(0, -1)
      : href;
  } catch {
    return textKey(trimmed);
  }
}

const ADDRESS_PARTS = [
  'poBox',
  'extended',
  'street',
  'locality',
  'region',
  'postalCode',
  'countryName',
] as const;

/** The postal parts, folded; type, label and pref do not make two addresses different. */
export function addressKey(address: ContactAddress): string | undefined {
  const parts = ADDRESS_PARTS.map((part) => textKey(address[part] ?? '') ?? '');
  return parts.every((part) => part === '') ? undefined : parts.join('\u001f');
}
