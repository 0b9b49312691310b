import { type Contact, exportableContact, type MergedContact, type StoredBlob } from '@gcds/shared';
import { exportVcards, type VcardExportVersion } from './vcardExport';

/**
 * Contacts as one .vcf with their photos inline, each photo's bytes read once (by its PhotoRef id) from
 * wherever `readPhoto` finds them: the provider's own store, or the store of a merged photo's source.
 */
export async function exportVcardsWithPhotos(
  contacts: readonly Contact[],
  readPhoto: (contact: Contact, index: number) => Promise<StoredBlob | undefined>,
  version: VcardExportVersion = '4.0',
): Promise<string> {
  const photos = new Map<string, StoredBlob>();
  for (const [index, contact] of contacts.entries()) {
    const id = contact.photo?.id;
    if (id === undefined || photos.has(id)) continue;
    const blob = await readPhoto(contact, index);
    if (blob !== undefined) photos.set(id, blob);
  }
  return exportVcards(contacts, { version, photos });
}

export interface MergedPeopleVcf {
  text: string;
  /** People written to the file. */
  count: number;
  /** People left out because everything they had came from a withheld source. */
  leftOut: number;
}

/**
 * Merged people as one vCard 4.0 file (the Contacts app's export and the CLI's): each person's values
 * minus those only a withheld source has (facebook-sim's may not leave the phone), and the merged photo
 * read from the store of the source that holds it.
 */
export async function mergedPeopleVcf(
  people: readonly MergedContact[],
  withheld: ReadonlySet<string>,
  readBlob: (provider: string, blobId: string) => Promise<StoredBlob | undefined>,
): Promise<MergedPeopleVcf> {
  const contacts: Contact[] = [];
  const photoProviders: Array<string | undefined> = [];
  for (const merged of people) {
    const contact = exportableContact(merged, withheld);
    if (contact === undefined) continue;
    contacts.push(contact);
    photoProviders.push(merged.photo?.source.provider);
  }
  const text = await exportVcardsWithPhotos(contacts, async (contact, index) => {
    const provider = photoProviders[index];
    return provider === undefined || contact.photo === undefined
      ? undefined
      : readBlob(provider, contact.photo.id);
  });
  return { text, count: contacts.length, leftOut: people.length - contacts.length };
}
