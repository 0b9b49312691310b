import type { MergedContact, PersonRecord } from '@gcds/shared';
import type { PersonDetail } from '../protocol/contactsApi';
import { isBuiltinProvider, PROVIDER_NAMES } from '../protocol/deviceConfig';
import type { EditableProviderInfo } from '../protocol/workerApis';
import { displayNumber } from './callerIdView';

/** A provider by the name the user knows it by (an address book by its account's name). */
export function providerName(provider: string, accounts: ReadonlyMap<string, EditableProviderInfo>): string {
  return isBuiltinProvider(provider) ? PROVIDER_NAMES[provider] : (accounts.get(provider)?.name ?? provider);
}

/**
 * A person's detail screen as the Contacts app shows it: numbers as the phone shows numbers, each
 * source by its name, which record an edit goes to, and why there is none when only read-only
 * address books hold the person.
 */
export function contactDetailView(
  merged: MergedContact,
  record: PersonRecord | undefined,
  region: string,
  accounts: ReadonlyMap<string, EditableProviderInfo>,
): PersonDetail {
  const phonesShown = Object.fromEntries(
    merged.tel.map((t) => [t.value.value, displayNumber(t.value.value, region)]),
  );
  const sourceNames: Record<string, string> = {};
  for (const source of merged.sources) sourceNames[source.provider] = providerName(source.provider, accounts);
  // The phone's own record first (as before accounts), else a card of a writable address book.
  const editable =
    merged.sources.find((source) => source.provider === 'local') ??
    merged.sources.find((source) => accounts.get(source.provider)?.writable === true);
  const readOnlyBook = merged.sources
    .map((source) => accounts.get(source.provider))
    .find((info) => info !== undefined && !info.writable);
  const readOnlyReason =
    editable === undefined && readOnlyBook !== undefined
      ? `${readOnlyBook.name}: ${readOnlyBook.readOnlyReason ?? 'a read-only address book'}`
      : undefined;
  // An import-only contact's card can go: the vCard provider deletes its own record when asked.
  const deletable = editable ?? merged.sources.find((source) => source.provider === 'vcard');
  const writable = (provider: string) => provider === 'local' || accounts.get(provider)?.writable === true;
  const others = merged.sources.filter(
    (source) => source.provider !== deletable?.provider || source.contactId !== deletable.contactId,
  );
  return {
    merged,
    reasons: record?.reasons ?? [],
    phonesShown,
    sourceNames,
    ...(editable === undefined ? {} : { editable }),
    ...(readOnlyReason === undefined ? {} : { readOnlyReason }),
    ...(deletable === undefined ? {} : { deletable }),
    othersReadOnly: others.length > 0 && others.every((source) => !writable(source.provider)),
  };
}
