import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, HiddenContact } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';

/**
 * Hidden contacts: the people the user hid (a GCDS decision, kept by source), each with where they come
 * from and Unhide, which brings them back to every app.
 */
export class HiddenContacts {
  readonly element: HTMLElement;
  readonly #status: HTMLElement;
  readonly #list: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
    private readonly notify: (message: string) => void,
  ) {
    this.#status = h('p', { class: 'hidden-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.#list = h('ul', { class: 'fix-list', attrs: { 'aria-label': 'Hidden contacts' } });
    this.element = h(
      'section',
      { class: 'fix-view', attrs: { 'aria-label': 'Hidden contacts' } },
      viewBar('Back to the list', back, h('h2', { class: 'view-title' }, 'Hidden contacts')),
      this.#status,
      this.#list,
    );
  }

  async show(): Promise<void> {
    const run = ++this.#run;
    replaceChildren(this.#list);
    this.#status.textContent = 'Loading…';
    let people: HiddenContact[];
    try {
      people = await this.api.hiddenContacts();
    } catch (error) {
      if (run === this.#run) this.#status.textContent = `Could not read hidden contacts: ${message(error)}`;
      return;
    }
    if (run !== this.#run) return;
    this.#status.textContent =
      people.length === 0
        ? 'No hidden contacts. Hide a contact from its Delete, and it shows here.'
        : people.length === 1
          ? '1 hidden contact: no app lists, finds or names them.'
          : `${people.length} hidden contacts: no app lists, finds or names them.`;
    replaceChildren(this.#list, ...people.map((person) => this.#row(person)));
  }

  #row(person: HiddenContact): HTMLElement {
    const name = person.displayName === '' ? '(no name)' : person.displayName;
    return h(
      'li',
      { class: 'fix-pair' },
      h(
        'p',
        { class: 'fix-people' },
        h('span', { class: 'fix-person' }, h('span', { class: 'avatar-slot' }, initialsAvatar(name)), name),
      ),
      h('p', { class: 'fix-score' }, `From ${person.sourceNames.join(' and ')}`),
      h(
        'div',
        { class: 'suggestion-buttons' },
        h(
          'button',
          {
            attrs: { type: 'button', 'aria-label': `Unhide ${name}` },
            on: { click: () => void this.#unhide(person.personId, name) },
          },
          'Unhide',
        ),
      ),
    );
  }

  async #unhide(personId: string, name: string): Promise<void> {
    try {
      await this.api.unhide(personId);
      this.notify(`${name} is shown again.`);
    } catch (error) {
      this.notify(`Could not show ${name}: ${message(error)}`);
    }
    await this.show();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
