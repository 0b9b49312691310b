import type { EngineRemote } from '../../protocol/appRpc';
import type { ChatMessage, MessagesAppApi } from '../../protocol/messagesApi';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';
import { viewBar } from '../../ui/viewBar';

/** One conversation: its messages oldest first, and a reply box. */
export class ThreadView {
  readonly element: HTMLElement;
  readonly #title: HTMLElement;
  readonly #subtitle: HTMLElement;
  readonly #messages: HTMLElement;
  readonly #reply: HTMLTextAreaElement;
  readonly #error: HTMLElement;
  #threadId = '';
  #address = '';
  #run = 0;

  constructor(
    private readonly api: EngineRemote<MessagesAppApi>,
    back: () => void,
  ) {
    this.#title = h('h2', { class: 'view-title', attrs: { 'data-testid': 'thread-title' } });
    this.#subtitle = h('p', { class: 'thread-address', attrs: { 'data-testid': 'thread-address' } });
    this.#messages = h('ol', {
      class: 'bubbles',
      attrs: { 'aria-label': 'Messages', 'aria-live': 'polite' },
    });
    this.#reply = h('textarea', {
      class: 'reply-input',
      attrs: { rows: 1, 'aria-label': 'Reply', placeholder: 'Message', maxlength: 5000 },
      on: {
        keydown: (event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void this.#send();
          }
        },
      },
    });
    this.#error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    this.element = h(
      'section',
      { class: 'thread-view', attrs: { 'aria-label': 'Conversation' } },
      viewBar('Back to conversations', back, h('div', { class: 'thread-head' }, this.#title, this.#subtitle)),
      this.#messages,
      this.#error,
      h(
        'form',
        {
          class: 'reply-bar',
          on: {
            submit: (event) => {
              event.preventDefault();
              void this.#send();
            },
          },
        },
        this.#reply,
        h('button', { class: 'primary send', attrs: { type: 'submit' } }, 'Send'),
      ),
    );
  }

  get threadId(): string {
    return this.#threadId;
  }

  async show(threadId: string): Promise<void> {
    if (threadId !== this.#threadId) {
      this.#reply.value = '';
      this.#error.textContent = '';
    }
    this.#threadId = threadId;
    const run = ++this.#run;
    const found = await this.api.thread(threadId);
    if (run !== this.#run || threadId !== this.#threadId) return;
    if (found === undefined) {
      this.#title.textContent = 'Conversation';
      this.#subtitle.textContent = '';
      replaceChildren(this.#messages, h('li', { class: 'empty' }, 'This conversation is gone.'));
      return;
    }
    const { summary, messages } = found;
    this.#address = summary.address;
    this.#title.textContent = summary.name ?? summary.displayAddress;
    this.#subtitle.textContent = summary.name === undefined ? 'Not in your contacts' : summary.displayAddress;
    const now = Date.now();
    replaceChildren(this.#messages, ...messages.map((m) => this.#bubble(m, now)));
    this.#messages.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  focusReply(): void {
    this.#reply.focus();
  }

  #bubble(message: ChatMessage, now: number): HTMLElement {
    return h(
      'li',
      { class: `bubble ${message.direction}`, attrs: { 'data-direction': message.direction } },
      h('span', { class: 'sr-only' }, message.direction === 'in' ? 'Received: ' : 'Sent: '),
      h('span', { class: 'bubble-text' }, message.text),
      h('span', { class: 'bubble-time' }, timeText(message.at, now)),
    );
  }

  async #send(): Promise<void> {
    const text = this.#reply.value;
    this.#error.textContent = '';
    try {
      await this.api.send([this.#address], text);
      this.#reply.value = '';
      await this.show(this.#threadId);
    } catch (error) {
      this.#error.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}
