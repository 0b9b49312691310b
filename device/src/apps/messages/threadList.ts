import type { EngineRemote } from '../../protocol/appRpc';
import type { MessagesAppApi, ThreadSummary } from '../../protocol/messagesApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';

/** Every conversation, newest first, titled with the contact's name when the app may know it. */
export class ThreadList {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<MessagesAppApi>,
    private readonly open: (threadId: string) => void,
  ) {
    this.#list = h('ol', {
      class: 'thread-list',
      attrs: { 'aria-label': 'Conversations', 'data-testid': 'threads' },
    });
    this.element = h(
      'section',
      { class: 'threads-view', attrs: { 'aria-label': 'Conversations' } },
      this.#list,
    );
  }

  async refresh(): Promise<void> {
    const run = ++this.#run;
    const threads = await this.api.threads();
    if (run !== this.#run) return;
    if (threads.length === 0) {
      replaceChildren(this.#list, h('li', { class: 'empty' }, 'No messages yet.'));
      return;
    }
    const now = Date.now();
    replaceChildren(this.#list, ...threads.map((thread) => this.#row(thread, now)));
  }

  focusFirst(): void {
    this.#list.querySelector<HTMLElement>('button')?.focus();
  }

  #row(thread: ThreadSummary, now: number): HTMLElement {
    const title = thread.name ?? thread.displayAddress;
    return h(
      'li',
      { attrs: { 'data-thread': thread.id } },
      h(
        'button',
        {
          class: 'thread-row',
          attrs: {
            type: 'button',
            'aria-label': `${title}: ${thread.lastText}, ${timeText(thread.lastAt, now)}`,
          },
          on: { click: () => this.open(thread.id) },
        },
        h('span', { class: 'avatar-slot' }, initialsAvatar(thread.name ?? '#')),
        h(
          'span',
          { class: 'row-text' },
          h('span', { class: 'row-name', attrs: { 'data-testid': 'thread-name' } }, title),
          h('span', { class: 'row-sub' }, thread.lastText),
        ),
        h('span', { class: 'call-time' }, timeText(thread.lastAt, now)),
      ),
    );
  }
}
