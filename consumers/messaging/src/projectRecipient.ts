import {
  type ContactEmail,
  type ContactTel,
  emailKey,
  emailProblem,
  entryDescriptionOf,
  foldName,
  type MergedContact,
  mergedDisplayName,
  mergedNameTexts,
  nameWords,
  type PersonRecord,
  type ProjectedRows,
  phoneKeys,
  phoneLookupKeys,
  storedPhoneKeys,
} from '@gcds/shared';
import { storedNameWords } from './recipientNameWords';
import {
  type MessagingDb,
  RECIPIENT_STORE,
  type RecipientEmail,
  type RecipientPhone,
  type RecipientRow,
} from './recipientRows';

function recipientPhone(tel: ContactTel, region: string): RecipientPhone | undefined {
  if (typeof tel?.value !== 'string') return undefined;
  const keys = phoneKeys(tel.value, region);
  if (keys.digits === '') return undefined;
  return { value: tel.value, keys: storedPhoneKeys(keys), ...entryDescriptionOf(tel) };
}

/** Only addresses a message can be sent to: `emailProblem` finds nothing wrong with them. */
function recipientEmail(email: ContactEmail): RecipientEmail | undefined {
  if (typeof email?.value !== 'string' || emailProblem(email.value) !== undefined) return undefined;
  return { value: email.value.trim(), ...entryDescriptionOf(email) };
}

/** The messaging record of a merged person; none for someone with no number or address. Pure. */
export function recipientRowOf(merged: MergedContact, region: string): RecipientRow | undefined {
  const phones = merged.tel.flatMap((item) => recipientPhone(item.value, region) ?? []);
  const emails = merged.email.flatMap((item) => recipientEmail(item.value) ?? []);
  if (phones.length === 0 && emails.length === 0) return undefined;
  // Empty for a person with no name at all, whose thread then shows its number or address rather
  // than some other address of theirs.
  const displayName = mergedDisplayName(merged);
  const names = mergedNameTexts(merged);
  // Someone known only by an organisation is found by it: it is the name the thread shows.
  const words = new Set((names.length > 0 ? names : [displayName]).flatMap((text) => nameWords(text)));
  const nameKey = foldName(displayName);
  const row: RecipientRow = {
    personId: merged.personId,
    displayName,
    nameKey,
    phones,
    emails,
    phoneLookupKeys: [...new Set(phones.flatMap((phone) => phoneLookupKeys(phone.keys)))],
    emailKeys: [...new Set(emails.map((email) => emailKey(email.value)))],
  };
  const stored = storedNameWords([...words], nameKey);
  if (stored !== undefined) row.nameWords = stored;
  return row;
}

export function projectRecipient(region: string) {
  return (merged: MergedContact, _person: PersonRecord): ProjectedRows<MessagingDb> => {
    const row = recipientRowOf(merged, region);
    return row === undefined ? {} : { [RECIPIENT_STORE]: [row] };
  };
}
