import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import { viewBar } from '../../ui/viewBar';

/**
 * "Add to an existing contact" from the Phone app: search the contact that the number belongs to, and
 * open it in the form with the number added (nothing is saved until the user saves the form).
 */
export class AddNumberPicker {
  readonly element: HTMLElement;
  readonly #results: HTMLElement;
  readonly #search: HTMLInputElement;
  readonly #title: HTMLElement;
  #number = '';
  #run = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
    private readonly chosen: (personId: string, number: string) => void,
  ) {
    this.#title = h('h2', { class: 'view-title' });
    this.#search = h('input', {
      class: 'search',
      attrs: {
        type: 'search',
        'aria-label': 'Search the contact to add the number to',
        placeholder: 'Search…',
        autocomplete: 'off',
      },
      on: { input: () => void this.#find() },
    });
    this.#results = h('ol', {
      class: 'search-results',
      attrs: { 'aria-label': 'Contacts to add the number to' },
    });
    this.element = h(
      'section',
      { class: 'merge-view', attrs: { 'aria-label': 'Add a number to a contact' } },
      viewBar('Cancel and go back to the list', back, this.#title),
      this.#search,
      this.#results,
    );
  }

  show(number: string): void {
    this.#number = number;
    this.#title.textContent = `Add ${number} to…`;
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
      ...results.map((r) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'contact-row',
              attrs: { type: 'button', 'data-person-id': r.row.personId },
              on: { click: () => this.chosen(r.row.personId, this.#number) },
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
}
