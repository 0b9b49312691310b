import type { EngineRemote } from '../../protocol/appRpc';
import type { CallLogEntry, PhoneAppApi } from '../../protocol/phoneApi';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';
import { CALL_KIND_TEXT } from './callKindText';

/** The call log, newest first, each number named from the contacts the Phone app may read. */
export class RecentsView {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<PhoneAppApi>,
    /** Opens a number's details: the calls with it, newest first. */
    private readonly open: (calls: CallLogEntry[]) => void,
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
    replaceChildren(
      this.#list,
      ...calls.map((entry) =>
        this.#row(entry, now, () => calls.filter((c) => c.caller.number === entry.caller.number)),
      ),
    );
  }

  #row(entry: CallLogEntry, now: number, same: () => CallLogEntry[]): HTMLElement {
    const { caller } = entry;
    const kind = CALL_KIND_TEXT[entry.kind];
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
            'aria-label': `${kind.words} call, ${who}${caller.label === undefined ? '' : ` ${caller.label}`}, ${timeText(entry.at, now)}. Details`,
          },
          on: { click: () => this.open(same()) },
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
