import type { SourceRef } from '@gcds/shared';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, PersonDetail } from '../../protocol/contactsApi';
import { choiceDialog } from '../../ui/choiceDialog';
import { deleteQuestion, withHideOffer } from './deleteExplanation';
import type { DetailActions } from './detailActions';
import { sourceName } from './sourceNames';

/** Providers whose records an Undo puts back: the phone's own, and an import's (the same card again). */
const RESTORABLE = new Set(['local', 'vcard']);

/**
 * Deleting a person's record (the phone's own, an address book's card, an imported card): asks (saying
 * what stays in other sources, and offering Hide when all of that is read-only), deletes or hides, and
 * offers Undo where the record can honestly be put back.
 */
export async function deleteRecord(
  api: EngineRemote<ContactsAppApi>,
  actions: DetailActions,
  detail: PersonDetail,
  source: SourceRef,
  name: string,
): Promise<void> {
  const { sources } = detail.merged;
  const names = detail.sourceNames;
  const question = deleteQuestion(name, sources, source.provider, names);
  const answer = detail.othersReadOnly
    ? await choiceDialog(document.body, withHideOffer(question, name), [
        { value: 'hide', label: 'Hide this person' },
        { value: 'delete', label: 'Delete', danger: true },
      ])
    : await choiceDialog(document.body, question, [{ value: 'delete', label: 'Delete', danger: true }]);
  if (answer === 'hide') return hidePerson(api, actions, detail.merged.personId, name);
  if (answer !== 'delete') return;
  const where = source.provider === 'local' ? 'Phone contacts' : sourceName(source, names);
  const stays = sources.some((s) => s.provider !== source.provider || s.contactId !== source.contactId);
  try {
    await api.remove(source.provider, source.contactId);
    const done = stays ? `${name} deleted from ${where}.` : `${name} deleted.`;
    // Undo puts the phone's own record, or the imported card, back under its own id. A CardDAV card
    // deleted is gone from its server (a new card would not be the one the merges name): no Undo is
    // offered rather than a false one.
    if (RESTORABLE.has(source.provider)) {
      actions.notify(done, { label: 'Undo', run: () => void restore(api, actions, source, name) });
    } else {
      actions.notify(done);
    }
    actions.deleted();
  } catch (error) {
    actions.notify(`Could not delete: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Hides the whole person from every app; Undo shows them again. */
export async function hidePerson(
  api: EngineRemote<ContactsAppApi>,
  actions: DetailActions,
  personId: string,
  name: string,
): Promise<void> {
  try {
    await api.hide(personId);
    actions.notify(`${name} is hidden.`, {
      label: 'Undo',
      run: () =>
        void api.unhide(personId).then(
          () => actions.notify(`${name} is shown again.`),
          (error: unknown) =>
            actions.notify(
              `Could not show ${name}: ${error instanceof Error ? error.message : String(error)}`,
            ),
        ),
    });
    actions.back();
  } catch (error) {
    actions.notify(`Could not hide: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restore(
  api: EngineRemote<ContactsAppApi>,
  actions: DetailActions,
  source: SourceRef,
  name: string,
): Promise<void> {
  try {
    const result = await api.restore(source.provider, source.contactId);
    if (!result.ok) {
      actions.notify(`Could not restore ${name}: ${result.errors.map((e) => e.message).join('; ')}`);
      return;
    }
    actions.notify(`${name} restored.`);
    if (result.personId !== undefined) actions.openPerson(result.personId);
  } catch (error) {
    actions.notify(`Could not restore: ${error instanceof Error ? error.message : String(error)}`);
  }
}
