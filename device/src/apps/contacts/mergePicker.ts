import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { confirmDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import { viewBar } from '../../ui/viewBar';

/** Manual merge: search for the other contact, confirm, and the GCDS remembers the user's decision. */
export class MergePicker {
  readonly element: HTMLElement;
  readonly #results: HTMLElement;
  readonly #search: HTMLInputElement;
  readonly #title: HTMLElement;
  #personId = '';
  #name = '';
  #run = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
    private readonly merged: (personId: string, message: string) => void,
  ) {
    this.#title = h('h2', { class: 'view-title' });
    this.#search = h('input', {
      class: 'search',
      attrs: {
        type: 'search',
        'aria-label': 'Search the contact to merge with',
        placeholder: 'Search…',
        autocomplete: 'off',
      },
      on: { input: () => void this.#find() },
    });
    this.#results = h('ol', { class: 'search-results', attrs: { 'aria-label': 'Contacts to merge with' } });
    this.element = h(
      'section',
      { class: 'merge-view', attrs: { 'aria-label': 'Merge with another contact' } },
      viewBar('Back to the contact', back, this.#title),
      this.#search,
      this.#results,
    );
  }

  show(personId: string, name: string): void {
    this.#personId = personId;
    this.#name = name;
    this.#title.textContent = `Merge ${name} with…`;
    this.#search.value = '';
    replaceChildren(this.#results);
    this.#search.focus();
  }

  async #find(): Promise<void> {
    const run = ++this.#run;
    const query = this.#search.value.trim();
    const results = query === '' ? [] : await this.api.search(query, 20);
    if (run !== this.#run) return;
    replaceChildren(
      this.#results,
      ...results
        .filter((r) => r.row.personId !== this.#personId)
        .map((r) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                class: 'contact-row',
                attrs: { type: 'button', 'data-person-id': r.row.personId },
                on: { click: () => void this.#merge(r.row.personId, r.row.displayName) },
              },
              h(
                'span',
                { class: 'row-text' },
                h('span', { class: 'row-name' }, marked(r.row.displayName, query)),
                h('span', { class: 'row-sub' }, r.row.subtitle),
              ),
            ),
          ),
        ),
    );
  }

  async #merge(otherId: string, otherName: string): Promise<void> {
    if (
      !(await confirmDialog(document.body, `Merge ${this.#name} and ${otherName} into one contact?`, 'Merge'))
    )
      return;
    try {
      const personId = await this.api.merge([this.#personId, otherId]);
      this.merged(personId, `${this.#name} and ${otherName} are now one contact.`);
    } catch (error) {
      this.merged(
        this.#personId,
        `Could not merge: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
