import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactRow, ContactsAppApi } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import { viewBar } from '../../ui/viewBar';

/** What a picker's screen says: its landmark, its back button, its search box and its result list. */
export interface ContactPickerLabels {
  view: string;
  back: string;
  search: string;
  results: string;
}

/**
 * A screen to choose another contact by searching for it (manual merge, "Add to an existing contact"):
 * the title says what the choice is for; results of an earlier, slower search never replace newer ones.
 */
export class ContactPicker {
  readonly element: HTMLElement;
  readonly #results: HTMLElement;
  readonly #search: HTMLInputElement;
  readonly #title: HTMLElement;
  #excluded: string | undefined;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    labels: ContactPickerLabels,
    back: () => void,
    private readonly picked: (row: ContactRow) => void,
  ) {
    this.#title = h('h2', { class: 'view-title' });
    this.#search = h('input', {
      class: 'search',
      attrs: { type: 'search', 'aria-label': labels.search, placeholder: 'Search…', autocomplete: 'off' },
      on: { input: () => void this.#find() },
    });
    this.#results = h('ol', { class: 'search-results', attrs: { 'aria-label': labels.results } });
    this.element = h(
      'section',
      { class: 'merge-view', attrs: { 'aria-label': labels.view } },
      viewBar(labels.back, back, this.#title),
      this.#search,
      this.#results,
    );
  }

  /** Shows the picker empty, titled, leaving out one person (the one the choice is made for). */
  open(title: string, excludedPersonId?: string): void {
    this.#title.textContent = title;
    this.#excluded = excludedPersonId;
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
        .filter((r) => r.row.personId !== this.#excluded)
        .map((r) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                class: 'contact-row',
                attrs: { type: 'button', 'data-person-id': r.row.personId },
                on: { click: () => this.picked(r.row) },
              },
              h('span', { class: 'avatar-slot' }, initialsAvatar(r.row.displayName)),
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
