import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { ContactPicker } from './contactPicker';

/**
 * "Add to an existing contact" from the Phone app: search the contact that the number belongs to, and
 * open it in the form with the number added (nothing is saved until the user saves the form).
 */
export class AddNumberPicker {
  readonly #picker: ContactPicker;
  #number = '';

  constructor(
    api: EngineRemote<ContactsAppApi>,
    back: () => void,
    chosen: (personId: string, number: string) => void,
  ) {
    this.#picker = new ContactPicker(
      api,
      {
        view: 'Add a number to a contact',
        back: 'Cancel and go back to the list',
        search: 'Search the contact to add the number to',
        results: 'Contacts to add the number to',
      },
      back,
      (row) => chosen(row.personId, this.#number),
    );
  }

  get element(): HTMLElement {
    return this.#picker.element;
  }

  show(number: string): void {
    this.#number = number;
    this.#picker.open(`Add ${number} to…`);
  }
}
