import type { EngineRemote } from '../../protocol/appRpc';
import type { DialSuggestion, PhoneAppApi } from '../../protocol/phoneApi';
import { startActivity } from '../../ui/activities';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

export interface KeypadActions {
  call(number: string): void;
  ring(number: string): void;
  notify(message: string): void;
}

/**
 * The keypad: a number field (type on the keyboard or tap the keys), suggestions from the contacts while
 * typing (the typed digits marked), Call, and a simulated incoming call from the typed number.
 */
export class KeypadView {
  readonly element: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #suggestions: HTMLElement;
  readonly #status: HTMLElement;
  /** "Create contact" and "Add to an existing contact", shown while the typed number is no one's. */
  readonly #unknown: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<PhoneAppApi>,
    private readonly actions: KeypadActions,
  ) {
    this.#input = h('input', {
      class: 'dial-display',
      attrs: {
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'off',
        'aria-label': 'Number to call',
        placeholder: 'Enter a number',
        'data-testid': 'dial-input',
      },
      on: {
        input: () => void this.refresh(),
        keydown: (event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            this.#call();
          }
        },
      },
    });
    this.#status = h('p', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.#unknown = h(
      'div',
      { class: 'unknown-number', attrs: { role: 'group', 'aria-label': 'Not in your contacts' } },
      h(
        'button',
        {
          class: 'link',
          attrs: { type: 'button' },
          on: { click: () => this.#toContacts('new-contact') },
        },
        'Create contact',
      ),
      h(
        'button',
        {
          class: 'link',
          attrs: { type: 'button' },
          on: { click: () => this.#toContacts('add-to-contact') },
        },
        'Add to an existing contact',
      ),
    );
    this.#unknown.hidden = true;
    this.#suggestions = h('ul', {
      class: 'dial-suggestions',
      attrs: { 'aria-label': 'Suggestions', 'data-testid': 'dial-suggestions' },
    });
    const keys = h(
      'div',
      { class: 'keypad', attrs: { role: 'group', 'aria-label': 'Keypad' } },
      ...KEYS.map(([digit, letters]) =>
        h(
          'button',
          {
            class: 'key',
            attrs: {
              type: 'button',
              'aria-label': letters === '' ? digit : `${digit} ${letters}`,
              'data-key': digit,
            },
            on: { click: () => this.#press(digit) },
          },
          h('span', { class: 'key-digit' }, digit),
          h('span', { class: 'key-letters', attrs: { 'aria-hidden': 'true' } }, letters),
        ),
      ),
    );
    const buttons = h(
      'div',
      { class: 'dial-actions' },
      h(
        'button',
        {
          class: 'dial-side',
          attrs: { type: 'button', 'aria-label': 'Simulate an incoming call from this number' },
          on: { click: () => this.#ring() },
        },
        '↘ Ring me',
      ),
      h(
        'button',
        {
          class: 'call-button answer',
          attrs: { type: 'button', 'aria-label': 'Call' },
          on: { click: () => this.#call() },
        },
        'Call',
      ),
      h(
        'button',
        {
          class: 'dial-side',
          attrs: { type: 'button', 'aria-label': 'Delete last digit' },
          on: {
            click: () => {
              this.#input.value = this.#input.value.slice(0, -1);
              void this.refresh();
            },
          },
        },
        '⌫',
      ),
    );
    this.element = h(
      'section',
      { class: 'keypad-view', attrs: { 'aria-label': 'Keypad' } },
      this.#input,
      this.#unknown,
      this.#suggestions,
      this.#status,
      keys,
      buttons,
    );
  }

  focus(): void {
    this.#input.focus();
  }

  /** Puts a number on the display (a contact's Call button), as if typed. */
  dial(number: string): void {
    this.#input.value = number;
    void this.refresh();
  }

  /** Suggestions for what is typed now (again after a contacts change). */
  async refresh(): Promise<void> {
    const run = ++this.#run;
    const typed = this.#input.value;
    let found: DialSuggestion[] = [];
    let known = true;
    try {
      found = typed.trim() === '' ? [] : await this.api.suggest(typed, 6);
      // A number long enough to be someone's (3 digits: not a half-typed key) that names no one.
      if (typed.replace(/\D/g, '').length >= 3)
        known = (await this.api.callerId(typed)).personId !== undefined;
    } catch {
      found = [];
    }
    if (run !== this.#run) return;
    this.#unknown.hidden = known;
    this.#status.textContent = typed.trim() === '' ? '' : `${found.length} suggestions`;
    replaceChildren(
      this.#suggestions,
      ...found.map((s) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'suggestion-row',
              attrs: {
                type: 'button',
                'data-person-id': s.personId,
                'aria-label': `${s.name}, ${s.label ?? 'number'} ${s.displayNumber}`,
              },
              on: {
                click: () => {
                  this.#input.value = s.number;
                  void this.refresh();
                  this.#input.focus();
                },
              },
            },
            // Found by letters: the spelled part of the name is marked; by digits: the digits in the number.
            h('span', { class: 'row-name' }, s.spelled === undefined ? s.name : marked(s.name, s.spelled)),
            h(
              'span',
              { class: 'row-sub' },
              s.label === undefined ? '' : `${s.label} · `,
              s.spelled === undefined ? marked(s.displayNumber, typed) : s.displayNumber,
            ),
          ),
        ),
      ),
    );
  }

  #press(key: string): void {
    this.#input.value += key;
    void this.refresh();
  }

  #number(): string | undefined {
    const number = this.#input.value.trim();
    if (!/\d/.test(number)) {
      this.actions.notify('Type a number first.');
      this.#input.focus();
      return undefined;
    }
    return number;
  }

  #toContacts(activity: 'new-contact' | 'add-to-contact'): void {
    const number = this.#number();
    if (number !== undefined) startActivity(activity, number);
  }

  #call(): void {
    const number = this.#number();
    if (number !== undefined) this.actions.call(number);
  }

  #ring(): void {
    const number = this.#number();
    if (number !== undefined) this.actions.ring(number);
  }
}
