import { emailKey, emailProblem, formatPhoneForDisplay, phoneKeys } from '@gcds/shared';
import type { AddressKind } from '../protocol/messagesApi';

/** Where a message goes, normalised so every way of writing one number or email is one thread. */
export interface MessageAddress {
  /** `tel:+33612345678`, `tel:3665` (a short code), or `mailto:ana@example.com`. */
  id: string;
  /** As given, trimmed. */
  address: string;
  displayAddress: string;
  kind: AddressKind;
}

/**
 * Reads a typed address: an email when it has an `@`, else a phone number in the phone's region.
 * Throws a message a user can act on when it is neither.
 */
export function messageAddress(raw: string, region: string): MessageAddress {
  const address = raw.trim();
  if (address.includes('@')) {
    const problem = emailProblem(address);
    if (problem !== undefined) throw new Error(problem.message);
    return { id: `mailto:${emailKey(address)}`, address, displayAddress: address, kind: 'email' };
  }
  const keys = phoneKeys(address, region);
  if (keys.digits === '') throw new Error(`“${address}” is neither a phone number nor an email address`);
  const number = keys.e164 ?? keys.shortCode ?? keys.digits;
  return {
    id: `tel:${number}${keys.ext === undefined ? '' : `;ext=${keys.ext}`}`,
    address,
    displayAddress: formatPhoneForDisplay(keys),
    kind: 'phone',
  };
}
