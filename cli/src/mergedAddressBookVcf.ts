import { mergedPeopleVcf } from '@gcds/provider-vcard';
import { type Contact, PROVIDER_STORE_NAME } from '@gcds/shared';
import type { FileAddressBook, MergedPerson } from './fileAddressBook';

/** The merged people as one vCard 4.0 file, photos inline (read from the store of the source that has it). */
export async function mergedAddressBookVcf(
  book: FileAddressBook,
  people: readonly MergedPerson[],
): Promise<string> {
  const reader = book.registerReader(`gcds-cli-export-${Date.now()}`, 'certified');
  // The CLI exports the files the user gave it: nothing in them is withheld.
  const { text } = await mergedPeopleVcf(
    people.map((person) => person.merged),
    new Set(),
    async (provider, blobId) =>
      (await book.pipeline.platform.openStore<Contact>(reader, PROVIDER_STORE_NAME, provider)).getBlob(
        blobId,
      ),
  );
  return text;
}
