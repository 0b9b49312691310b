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
