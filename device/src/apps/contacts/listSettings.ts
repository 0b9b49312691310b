import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, ListOrder } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';

const ORDERS: ReadonlyArray<{ order: ListOrder; label: string; example: string }> = [
  { order: 'givenFirst', label: 'First name', example: 'Ada Lovelace under A' },
  { order: 'familyFirst', label: 'Last name', example: 'Ada Lovelace under L' },
];

/**
 * The Contacts app's settings (⚙ in the app bar): sort the list by first or last name. The engine keeps
 * the choice, so it holds after a reload; the list, its letter sections and the jump bar follow it.
 */
export class ListSettings {
  readonly element: HTMLElement;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly back: () => void,
    private readonly changed: (message: string) => void,
  ) {
    this.element = h('section', { class: 'settings-view', attrs: { 'aria-label': 'Contacts settings' } });
  }

  async show(): Promise<void> {
    const current = await this.api.listOrder();
    const choices = ORDERS.map(({ order, label, example }) =>
      h(
        'label',
        { class: 'choice' },
        h('input', {
          attrs: { type: 'radio', name: 'list-order', value: order, checked: order === current },
          on: { change: () => void this.#choose(order, label) },
        }),
        h('span', {}, label, h('span', { class: 'hint' }, ` (${example})`)),
      ),
    );
    replaceChildren(
      this.element,
      viewBar('Back to the list', () => this.back(), h('h2', { class: 'view-title' }, 'Settings')),
      h('fieldset', { class: 'form-group settings-group' }, h('legend', {}, 'Sort contacts by'), ...choices),
    );
    this.element.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  async #choose(order: ListOrder, label: string): Promise<void> {
    await this.api.setListOrder(order);
    this.changed(`Sorted by ${label.toLowerCase()}.`);
  }
}
