import type { ContactDraft, MergedContact, SourceRef } from '@gcds/shared';
import type { SaveResult, StarResult } from '../protocol/contactsApi';
import type { EditableProviderApi } from '../protocol/workerApis';

export const NOTHING_TO_COPY =
  'this contact’s only sources keep their data off your phone contacts, so the phone has nowhere to keep the star';

/** What starring needs of the engine: the record Edit would change, its providers, and the linked copy. */
export interface StarWriter {
  /** The phone's own record, else a writable address book's card (as the detail's Edit uses). */
  editableOf(merged: MergedContact): Promise<SourceRef | undefined>;
  /** Whether a source is a record this app may write (the phone's own, a writable address book's). */
  isWritable(source: SourceRef): Promise<boolean>;
  provider(provider: string): EditableProviderApi;
  copyDraft(merged: MergedContact): ContactDraft;
  createLinked(personId: string, draft: ContactDraft): Promise<SaveResult>;
}

/**
 * Stars or unstars a person, a user write as any other. A star goes to the record Edit would change (a
 * CardDAV card keeps it on this phone only: the server never sees favourites). A person with no such
 * record (a vCard import, a read-only book) is starred as Android stars a read-only account's contact:
 * the star is kept on the phone's side, here a linked local copy, the same copy its first edit makes,
 * so the star is the user's data in the user's store and survives a re-import (a friend only facebook-sim
 * knows has nothing that may be copied, and is refused with the reason). Unstarring clears the
 * star on every writable record of the person, so none keeps them in Favourites.
 */
export async function setFavorite(
  writer: StarWriter,
  merged: MergedContact,
  favorite: boolean,
): Promise<StarResult> {
  if (favorite) {
    const editable = await writer.editableOf(merged);
    if (editable === undefined) {
      const draft = writer.copyDraft(merged);
      // A friend only facebook-sim knows has nothing that may be copied: there is no record to star.
      if (Object.keys(draft).length === 0)
        return { ok: false, errors: [{ field: '', message: NOTHING_TO_COPY }] };
      const linked = await writer.createLinked(merged.personId, { ...draft, favorite: true });
      return linked.ok ? { ok: true, personId: linked.personId ?? merged.personId } : linked;
    }
    const result = await writer.provider(editable.provider).update(editable.contactId, { favorite: true });
    return result.ok ? { ok: true, personId: merged.personId } : result;
  }
  for (const source of merged.sources) {
    if (!(await writer.isWritable(source))) continue;
    const provider = writer.provider(source.provider);
    const record = await provider.get(source.contactId);
    if (record?.favorite !== true) continue;
    const result = await provider.update(source.contactId, { favorite: false });
    if (!result.ok) return result;
  }
  return { ok: true, personId: merged.personId };
}
