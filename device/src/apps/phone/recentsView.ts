import type { EngineRemote } from '../../protocol/appRpc';
import type { CallLogEntry, PhoneAppApi } from '../../protocol/phoneApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';
import { CALL_KIND_TEXT } from './callKindText';
import { type CallGroup, groupCallLog } from './recentsGroups';

/** Kinds shown per line: a group of more shows its newest three and the count. */
const KINDS_SHOWN = 3;

/**
 * The call log, newest first, under day headers ("Today", "Yesterday"), calls in a row with one number
 * grouped on one line with their count, each named from the contacts the Phone app may read. Tapping a
 * line opens its details.
 */
export class RecentsView {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  #run = 0;

  constructor(
    private readonly api: EngineRemote<PhoneAppApi>,
    /** Opens a number's details: the calls with it, newest first. */
    private readonly open: (calls: CallLogEntry[]) => void,
  ) {
    this.#list = h('div', {
      class: 'call-log',
      attrs: { role: 'region', 'aria-label': 'Recent calls', 'data-testid': 'call-log' },
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
      replaceChildren(this.#list, h('p', { class: 'empty' }, 'No calls yet.'));
      return;
    }
    const now = Date.now();
    const sameNumber = (number: string) => calls.filter((c) => c.caller.number === number);
    replaceChildren(
      this.#list,
      ...groupCallLog(calls, now).map((day) =>
        h(
          'section',
          { class: 'call-day', attrs: { 'aria-label': day.label } },
          h('h3', { class: 'section-header', attrs: { 'data-testid': 'call-day' } }, day.label),
          h(
            'ol',
            { class: 'call-day-list' },
            ...day.groups.map((group) =>
              this.#row(group, now, () => sameNumber(group.calls[0]!.caller.number)),
            ),
          ),
        ),
      ),
    );
  }

  #row(group: CallGroup, now: number, same: () => CallLogEntry[]): HTMLElement {
    const entry = group.calls[0]!;
    const { caller } = entry;
    const kind = CALL_KIND_TEXT[entry.kind];
    const who = caller.name ?? caller.displayNumber;
    const count = group.calls.length;
    const icons = group.calls
      .slice(0, KINDS_SHOWN)
      .map((call) =>
        h(
          'span',
          { class: `call-kind call-${call.kind}`, attrs: { title: CALL_KIND_TEXT[call.kind].words } },
          CALL_KIND_TEXT[call.kind].icon,
        ),
      );
    return h(
      'li',
      { class: `call-entry call-${entry.kind}`, attrs: { 'data-number': caller.number } },
      h(
        'button',
        {
          class: 'call-entry-button',
          attrs: {
            type: 'button',
            'aria-label': `${kind.words} call, ${who}${caller.label === undefined ? '' : ` ${caller.label}`}${count > 1 ? `, ${count} calls` : ''}, ${timeText(entry.at, now)}. Details`,
          },
          on: { click: () => this.open(same()) },
        },
        h('span', { class: 'avatar-slot' }, initialsAvatar(caller.name ?? '#')),
        h(
          'span',
          { class: 'row-text' },
          h(
            'span',
            { class: 'call-who' },
            h('span', { class: 'row-name', attrs: { 'data-testid': 'call-name' } }, who),
            count > 1
              ? h('span', { class: 'call-count', attrs: { 'data-testid': 'call-count' } }, `(${count})`)
              : null,
          ),
          h(
            'span',
            { class: 'row-sub call-line' },
            h('span', { class: 'call-icons', attrs: { 'aria-hidden': 'true' } }, ...icons),
            // Named: the kind of number and the whole number (it wraps, never cut); unnamed: the kind of call.
            caller.name === undefined ? kind.words : `${caller.label ?? 'Phone'} · ${caller.displayNumber}`,
          ),
        ),
        h('span', { class: 'call-time' }, timeText(entry.at, now)),
      ),
    );
  }
}
