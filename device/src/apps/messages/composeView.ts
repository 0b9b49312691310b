import type { EngineRemote } from '../../protocol/appRpc';
import type { MessagesAppApi, Recipient } from '../../protocol/messagesApi';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import { viewBar } from '../../ui/viewBar';

interface Chosen {
  address: string;
  label: string;
}

/**
 * A new message: recipients picked from a search of the contacts (an ARIA combobox: arrows move
 * through the suggestions, Enter takes one, or takes what was typed as a number or email), the text,
 * and Send. The engine checks every address before sending anything, and says which one is wrong.
 */
export class ComposeView {
  readonly element: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #options: HTMLElement;
  readonly #chips: HTMLElement;
  readonly #text: HTMLTextAreaElement;
  readonly #error: HTMLElement;
  readonly #status: HTMLElement;
  #chosen: Chosen[] = [];
  #found: Recipient[] = [];
  #active = -1;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<MessagesAppApi>,
    back: () => void,
    private readonly sent: (threadIds: string[]) => void,
  ) {
    this.#chips = h('ul', {
      class: 'chips',
      attrs: { 'aria-label': 'Recipients', 'data-testid': 'recipients' },
    });
    this.#input = h('input', {
      class: 'to-input',
      attrs: {
        id: 'to-input',
        type: 'text',
        role: 'combobox',
        autocomplete: 'off',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': 'recipient-options',
        'aria-describedby': 'to-hint',
        placeholder: 'Name, number or email',
      },
      on: {
        input: () => void this.#search(),
        keydown: (event) => this.#key(event),
      },
    });
    this.#options = h('ul', {
      class: 'recipient-options',
      attrs: { id: 'recipient-options', role: 'listbox', 'aria-label': 'Suggested recipients' },
    });
    this.#options.hidden = true;
    this.#status = h('p', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.#text = h('textarea', {
      attrs: { id: 'compose-text', rows: 4, maxlength: 5000, placeholder: 'Message' },
    });
    this.#error = h('p', { class: 'form-error', attrs: { role: 'alert', 'data-testid': 'compose-error' } });
    this.element = h(
      'section',
      { class: 'compose-view', attrs: { 'aria-label': 'New message' } },
      viewBar('Back to conversations', back, h('h2', { class: 'view-title' }, 'New message')),
      h(
        'div',
        { class: 'to-field' },
        h('label', { attrs: { for: 'to-input' } }, 'To'),
        this.#chips,
        this.#input,
      ),
      h('p', { class: 'hint', attrs: { id: 'to-hint' } }, 'Type a name, number or email; Enter adds it.'),
      this.#options,
      this.#status,
      h(
        'form',
        {
          on: {
            submit: (event) => {
              event.preventDefault();
              void this.#send();
            },
          },
        },
        h(
          'div',
          { class: 'form-field' },
          h('label', { attrs: { for: 'compose-text' } }, 'Message'),
          this.#text,
        ),
        this.#error,
        h(
          'div',
          { class: 'form-buttons' },
          h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Send'),
        ),
      ),
    );
  }

  /** A fresh message, focus in the To field. */
  start(): void {
    this.#chosen = [];
    this.#input.value = '';
    this.#text.value = '';
    this.#error.textContent = '';
    this.#close();
    this.#renderChips();
    this.#input.focus();
  }

  /** A fresh message to one address (from a contact's Message button), focus in the text. */
  async startTo(address: string): Promise<void> {
    this.start();
    // The same number however it is written: its last 8 digits, as caller ID compares them.
    const tail = (text: string) => text.replace(/\D/g, '').slice(-8);
    const known = (await this.api.searchRecipients(address, 8)).find(
      (r) => r.address === address || (tail(address).length === 8 && tail(r.address) === tail(address)),
    );
    this.#add(
      known === undefined
        ? { address, label: address }
        : { address: known.address, label: `${known.name} (${known.displayAddress})` },
    );
    this.#text.focus();
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const query = this.#input.value;
    const found = query.trim() === '' ? [] : await this.api.searchRecipients(query, 8);
    if (run !== this.#run) return;
    this.#found = found;
    this.#active = -1;
    this.#renderOptions(query);
    this.#status.textContent = query.trim() === '' ? '' : `${found.length} suggestions`;
  }

  #renderOptions(query: string): void {
    replaceChildren(
      this.#options,
      ...this.#found.map((r, i) =>
        h(
          'li',
          {
            class: 'recipient-option',
            attrs: {
              role: 'option',
              id: `recipient-option-${i}`,
              'aria-selected': String(i === this.#active),
              'data-person-id': r.personId,
            },
            on: {
              // mousedown, not click: the input keeps focus.
              mousedown: (event) => {
                event.preventDefault();
                this.#choose(r);
              },
            },
          },
          h('span', { class: 'row-name' }, marked(r.name, query)),
          h(
            'span',
            { class: 'row-sub' },
            r.label === undefined ? '' : `${r.label} · `,
            marked(r.displayAddress, query),
          ),
        ),
      ),
    );
    const open = this.#found.length > 0;
    this.#options.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
    if (this.#active >= 0)
      this.#input.setAttribute('aria-activedescendant', `recipient-option-${this.#active}`);
    else this.#input.removeAttribute('aria-activedescendant');
  }

  #key(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.#found.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#active = (this.#active + step + this.#found.length) % this.#found.length;
      this.#renderOptions(this.#input.value);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const active = this.#found[this.#active];
      if (active !== undefined) this.#choose(active);
      else if (this.#input.value.trim() !== '')
        this.#add({ address: this.#input.value.trim(), label: this.#input.value.trim() });
    } else if (event.key === 'Escape' && !this.#options.hidden) {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
    } else if (event.key === 'Backspace' && this.#input.value === '' && this.#chosen.length > 0) {
      this.#chosen.pop();
      this.#renderChips();
    }
  }

  #choose(recipient: Recipient): void {
    this.#add({ address: recipient.address, label: `${recipient.name} (${recipient.displayAddress})` });
  }

  #add(chosen: Chosen): void {
    if (!this.#chosen.some((c) => c.address === chosen.address)) this.#chosen.push(chosen);
    this.#input.value = '';
    this.#close();
    this.#renderChips();
    this.#input.focus();
  }

  #close(): void {
    this.#run += 1;
    this.#found = [];
    this.#active = -1;
    this.#renderOptions('');
  }

  #renderChips(): void {
    replaceChildren(
      this.#chips,
      ...this.#chosen.map((chosen) =>
        h(
          'li',
          { class: 'chip', attrs: { 'data-address': chosen.address } },
          h('span', {}, chosen.label),
          h(
            'button',
            {
              class: 'chip-remove',
              attrs: { type: 'button', 'aria-label': `Remove ${chosen.label}` },
              on: {
                click: () => {
                  this.#chosen = this.#chosen.filter((c) => c !== chosen);
                  this.#renderChips();
                  this.#input.focus();
                },
              },
            },
            '×',
          ),
        ),
      ),
    );
  }

  async #send(): Promise<void> {
    this.#error.textContent = '';
    const typed = this.#input.value.trim();
    const addresses = [...this.#chosen.map((c) => c.address), ...(typed === '' ? [] : [typed])];
    try {
      const threadIds = await this.api.send(addresses, this.#text.value);
      this.sent(threadIds);
    } catch (error) {
      this.#error.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}
