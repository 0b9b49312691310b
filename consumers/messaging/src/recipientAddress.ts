import { entryDescriptionOf } from '@gcds/shared';
import type { RecipientEmail, RecipientPhone } from './recipientRows';

/** An address a message can go to, as the person's source wrote it, with what a chip shows beside it. */
export interface RecipientAddress {
  kind: 'phone' | 'email';
  value: string;
  /** For a number that parsed. */
  e164?: string;
  type?: string[];
  label?: string;
  pref?: boolean;
}

export function phoneAddress(phone: RecipientPhone): RecipientAddress {
  const address: RecipientAddress = { kind: 'phone', value: phone.value };
  if (phone.keys.e164 !== undefined) address.e164 = phone.keys.e164;
  return withDetails(address, phone);
}

export function emailAddress(email: RecipientEmail): RecipientAddress {
  return withDetails({ kind: 'email', value: email.value }, email);
}

function withDetails(address: RecipientAddress, entry: RecipientPhone | RecipientEmail): RecipientAddress {
  return { ...address, ...entryDescriptionOf(entry) };
}
