import { CONTACT_LIMITS, type ContactFieldWarning } from './contactProblems';
import { isObject } from './fieldChecker';
import { phoneKeys } from './phoneMatchKeys';

/**
 * What is unusual about a contact that may still be stored: a phone number that is not a complete
 * number of the region it is read in, nor a short code, kept as typed and matched on its digits only.
 * Values `validateContact` refuses are not repeated here.
 */
export function contactWarnings(draft: unknown, defaultRegion = 'US'): ContactFieldWarning[] {
  if (!isObject(draft) || !Array.isArray(draft.tel)) return [];
  const warnings: ContactFieldWarning[] = [];
  draft.tel.forEach((tel: unknown, i) => {
    if (!isObject(tel) || typeof tel.value !== 'string' || tel.value.length > CONTACT_LIMITS.tel) return;
    const keys = phoneKeys(tel.value, defaultRegion);
    if (keys.digits === '' || keys.isShortCode || keys.e164 !== undefined) return;
    warnings.push({
      field: `tel[${i}].value`,
      code: 'tel-not-recognised',
      message: `"${tel.value.trim()}" is not a complete phone number for ${keys.defaultRegion}: it is kept as typed, and matched on its digits only. Add the country code (+…) if it belongs elsewhere.`,
    });
  });
  return warnings;
}
