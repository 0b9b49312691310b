import { exportVcards } from '@gcds/provider-vcard';
import { type Contact, exportableContact, PROVIDER_STORE_NAME, type StoredBlob } from '@gcds/shared';
import type { FileAddressBook, MergedPerson } from './fileAddressBook';

/** The merged people as one vCard 4.0 file, photos inline (read from the store of the source that has it). */
export async function mergedAddressBookVcf(
  book: FileAddressBook,
  people: readonly MergedPerson[],
): Promise<string> {
  const reader = book.registerReader(`gcds-cli-export-${Date.now()}`, 'certified');
  const contacts: Contact[] = [];
  const photos = new Map<string, StoredBlob>();
  for (const { merged } of people) {
    const contact = exportableContact(merged, new Set());
    if (contact === undefined) continue;
    contacts.push(contact);
    const photo = merged.photo;
    if (photo !== undefined && !photos.has(photo.value.id)) {
      const store = await book.pipeline.platform.openStore<Contact>(
        reader,
        PROVIDER_STORE_NAME,
        photo.source.provider,
      );
      const blob = await store.getBlob(photo.value.id);
      if (blob !== undefined) photos.set(photo.value.id, blob);
    }
  }
  return exportVcards(contacts, { version: '4.0', photos });
}
