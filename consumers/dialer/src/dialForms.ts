import { formatPhoneForDisplay, type PhoneKeys, storedPhoneKeys } from '@gcds/shared';
import type { DialerPhoneKeys } from './dialerRows';

/**
 * The digit strings a user may key a number in by: as written (`00442079460958`), international
 * (`442079460958`), national significant (`2079460958`) and national with its trunk prefix
 * (`02079460958`, the way people at home dial it). Extensions are not part of any form.
 */
export function dialForms(keys: DialerPhoneKeys): string[] {
  const forms = new Set<string>();
  if (keys.digits !== '') forms.add(keys.digits);
  if (keys.e164 !== undefined) forms.add(keys.e164.slice(1));
  if (keys.national !== undefined) forms.add(keys.national);
  if (keys.trunk !== undefined) forms.add(keys.trunk);
  return [...forms];
}

/** The keys a caller-ID row keeps of a number: the stored subset, and its trunk form when it adds one. */
export function dialerPhoneKeys(keys: PhoneKeys): DialerPhoneKeys {
  const stored: DialerPhoneKeys = storedPhoneKeys(keys);
  const trunk = trunkForm(keys);
  if (trunk !== undefined && trunk !== '' && !dialForms(stored).includes(trunk)) stored.trunk = trunk;
  return stored;
}

/** The national format of the line in its own country, digits only: where the trunk `0` shows. */
function trunkForm(keys: PhoneKeys): string | undefined {
  if (keys.e164 === undefined || keys.country === undefined) return undefined;
  const { ext: _ext, ...line } = keys;
  return formatPhoneForDisplay(line, keys.country).replace(/\D/g, '');
}
