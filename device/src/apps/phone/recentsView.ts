import type { EngineRemote } from '../../protocol/appRpc';
import type { CallKind, CallLogEntry, PhoneAppApi } from '../../protocol/phoneApi';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';

const KIND_TEXT: Record<CallKind, { icon: string; words: string }> = {
  incoming: { icon: '↙', words: 'Incoming' },
  outgoing: { icon: '↗', words: 'Outgoing' },
  missed: { icon: '↙', words: 'Missed' },
};

/** The call log, newest first, each number named from the contacts the Phone app may read. */
export class RecentsView {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<PhoneAppApi>,
    private readonly call: (number: string) => void,
  ) {
    this.#list = h('ol', {
      class: 'call-log',
      attrs: { 'aria-label': 'Recent calls', 'data-testid': 'call-log' },
    });
    this.element = h(
      'section',
      { class: 'recents-view', attrs: { 'aria-label': 'Recent calls' } },
      this.#list,
    );
  }

  async refresh(): Promise<void> {
    const run = ++this.#run;
    const calls = await this.api.callLog(100);
    if (run !== this.#run) return;
    if (calls.length === 0) {
      replaceChildren(this.#list, h('li', { class: 'empty' }, 'No calls yet.'));
      return;
    }
    const now = Date.now();
    replaceChildren(this.#list, ...calls.map((entry) => this.#row(entry, now)));
  }

  #row(entry: CallLogEntry, now: number): HTMLElement {
    const { caller } = entry;
    const kind = KIND_TEXT[entry.kind];
    const who = caller.name ?? caller.displayNumber;
    return h(
      'li',
      { class: `call-entry call-${entry.kind}`, attrs: { 'data-number': caller.number } },
      h(
        'button',
        {
          class: 'call-entry-button',
          attrs: {
            type: 'button',
            'aria-label': `${kind.words} call, ${who}${caller.label === undefined ? '' : ` ${caller.label}`}, ${timeText(entry.at, now)}. Call back`,
          },
          on: { click: () => this.call(caller.number) },
        },
        h('span', { class: 'call-kind', attrs: { 'aria-hidden': 'true', title: kind.words } }, kind.icon),
        h(
          'span',
          { class: 'row-text' },
          h('span', { class: 'row-name', attrs: { 'data-testid': 'call-name' } }, who),
          h(
            'span',
            { class: 'row-sub' },
            caller.name === undefined
              ? kind.words
              : `${kind.words} · ${caller.label ?? 'phone'} · ${caller.displayNumber}`,
          ),
        ),
        h('span', { class: 'call-time' }, timeText(entry.at, now)),
      ),
    );
  }
}
