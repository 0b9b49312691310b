import { formatPhoneForDisplay, type PhoneKeys } from '@gcds/shared';

/**
 * The digit strings a user may key a number in by: as written (`00442079460958`), international
 * (`442079460958`), national significant (`2079460958`) and national with its trunk prefix
 * (`02079460958`, the way people at home dial it). Extensions are not part of any form.
 */
export function dialForms(keys: PhoneKeys): string[] {
  const forms = new Set<string>();
  if (keys.digits !== '') forms.add(keys.digits);
  if (keys.e164 !== undefined) forms.add(keys.e164.slice(1));
  if (keys.national !== undefined) forms.add(keys.national);
  const trunk = trunkForm(keys);
  if (trunk !== undefined && trunk !== '') forms.add(trunk);
  return [...forms];
}

/** The national format of the line in its own country, digits only: where the trunk `0` shows. */
function trunkForm(keys: PhoneKeys): string | undefined {
  if (keys.e164 === undefined || keys.country === undefined) return undefined;
  const { ext: _ext, ...line } = keys;
  return formatPhoneForDisplay(line, keys.country).replace(/\D/g, '');
}

/** Longer than any dialable number with its prefixes (E.164 has at most 15 digits): junk, not indexed. */
export const MAX_DIAL_FORM = 24;

/**
 * Every suffix of every form. IndexedDB answers prefixes of keys, not substrings; a prefix of some
 * suffix is exactly a substring, so a key range over these finds typed digits anywhere in a number
 * with no verify step (about a dozen index entries per number). A form longer than MAX_DIAL_FORM is
 * left out, so a pasted wall of digits cannot cost quadratic space.
 */
export function digitSuffixes(forms: readonly string[]): string[] {
  const suffixes = new Set<string>();
  for (const form of forms) {
    if (form.length > MAX_DIAL_FORM) continue;
    for (let start = 0; start < form.length; start += 1) suffixes.add(form.slice(start));
  }
  return [...suffixes];
}
