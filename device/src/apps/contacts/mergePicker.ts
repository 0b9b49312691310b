import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { confirmDialog } from '../../ui/dialog';
import { pickOneDialog } from '../../ui/pickOneDialog';
import { ContactPicker } from './contactPicker';

/**
 * Manual merge: search for the other contact, confirm (picking the name to keep when the two differ),
 * and the GCDS remembers the user's decision.
 */
export class MergePicker {
  readonly #picker: ContactPicker;
  #personId = '';
  #name = '';

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
    private readonly merged: (personId: string, message: string) => void,
  ) {
    this.#picker = new ContactPicker(
      api,
      {
        view: 'Merge with another contact',
        back: 'Back to the contact',
        search: 'Search the contact to merge with',
        results: 'Contacts to merge with',
      },
      back,
      (row) => void this.#merge(row.personId, row.displayName),
    );
  }

  get element(): HTMLElement {
    return this.#picker.element;
  }

  show(personId: string, name: string): void {
    this.#personId = personId;
    this.#name = name;
    this.#picker.open(`Merge ${name} with…`, personId);
  }

  async #merge(otherId: string, otherName: string): Promise<void> {
    const question = `Merge ${this.#name} and ${otherName} into one contact?`;
    let keepNameOf: string | undefined;
    if (otherName !== this.#name) {
      // Two names: the user says which one the merged contact keeps (the GCDS remembers it).
      keepNameOf = await pickOneDialog(
        document.body,
        question,
        'Name to keep',
        [
          { value: this.#personId, label: this.#name },
          { value: otherId, label: otherName },
        ],
        'Merge',
      );
      if (keepNameOf === undefined) return;
    } else if (!(await confirmDialog(document.body, question, 'Merge'))) return;
    try {
      const personId = await this.api.merge([this.#personId, otherId], keepNameOf);
      const kept = keepNameOf === otherId ? otherName : this.#name;
      this.merged(personId, `${this.#name} and ${otherName} are now one contact, named ${kept}.`);
    } catch (error) {
      this.merged(
        this.#personId,
        `Could not merge: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
