import type { MergedContact, PersonRecord } from '@gcds/shared';
import type { PersonDetail } from '../protocol/contactsApi';
import { isBuiltinProvider, PROVIDER_NAMES } from '../protocol/deviceConfig';
import type { EditableProviderInfo } from '../protocol/workerApis';
import { displayNumber } from './callerIdView';

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
  for (const source of merged.sources) {
    const provider = source.provider;
    sourceNames[provider] = isBuiltinProvider(provider)
      ? PROVIDER_NAMES[provider]
      : (accounts.get(provider)?.name ?? provider);
  }
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
  return {
    merged,
    reasons: record?.reasons ?? [],
    phonesShown,
    sourceNames,
    ...(editable === undefined ? {} : { editable }),
    ...(readOnlyReason === undefined ? {} : { readOnlyReason }),
  };
}
