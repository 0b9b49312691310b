import type { SourceRef } from '@gcds/shared';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';

/** What the contact's detail view asks of the app: where to go next, and what to tell the user. */
export interface DetailActions {
  back(): void;
  /** After a delete: back to the whole list, the search that found the contact emptied. */
  deleted(): void;
  /** Opens the form on the record its own provider holds (the phone's, or an address book's card). */
  edit(source: SourceRef): void;
  /** Edit a person with no editable record (an import, a read-only book): the form saves a linked local copy. */
  editCopy(personId: string): void;
  openPerson(personId: string): void;
  pickMergeTarget(personId: string, name: string): void;
  notify(message: string, undo?: { label: string; run: () => void }): void;
}

/** What the parts of a person's detail act through: the engine, the app, and the person now shown. */
export interface DetailContext {
  readonly api: EngineRemote<ContactsAppApi>;
  readonly actions: DetailActions;
  /** The person on screen when a button is pressed. */
  currentPerson(): string;
}
