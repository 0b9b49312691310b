import type { SourceRef } from '@gcds/shared';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { confirmDialog } from '../../ui/dialog';
import { deleteQuestion } from './deleteExplanation';
import type { DetailActions } from './detailActions';
import { sourceName } from './sourceNames';

/**
 * Deleting a person's editable record: asks (saying what stays in other sources), deletes, and offers
 * Undo when the record was the phone's own.
 */
export async function deleteRecord(
  api: EngineRemote<ContactsAppApi>,
  actions: DetailActions,
  source: SourceRef,
  name: string,
  sources: readonly SourceRef[],
  names: Readonly<Record<string, string>>,
): Promise<void> {
  const question = deleteQuestion(name, sources, source.provider, names);
  if (!(await confirmDialog(document.body, question, 'Delete'))) return;
  const where = source.provider === 'local' ? 'Phone contacts' : sourceName(source, names);
  const stays = sources.some((s) => s.provider !== source.provider);
  try {
    await api.remove(source.provider, source.contactId);
    const done = stays ? `${name} deleted from ${where}.` : `${name} deleted.`;
    // Undo puts the phone's own record back under its own id. A CardDAV card deleted is gone from its
    // server (a new card would not be the one the merges name): no Undo is offered rather than a false one.
    if (source.provider === 'local') {
      const localId = source.contactId;
      actions.notify(done, { label: 'Undo', run: () => void restore(api, actions, localId, name) });
    } else {
      actions.notify(done);
    }
    actions.deleted();
  } catch (error) {
    actions.notify(`Could not delete: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restore(
  api: EngineRemote<ContactsAppApi>,
  actions: DetailActions,
  localId: string,
  name: string,
): Promise<void> {
  try {
    const result = await api.restore(localId);
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
