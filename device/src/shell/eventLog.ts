import { h } from '../ui/dom';

export type LogLevel = 'info' | 'warn' | 'error';

const MAX_ENTRIES = 300;

/** The system panel's event log: newest first, plain text, bounded. */
export class EventLog {
  readonly element: HTMLOListElement;
  #count = 0;

  constructor() {
    this.element = h('ol', {
      class: 'event-log',
      attrs: { role: 'log', 'aria-label': 'Event log', tabindex: 0 },
    });
  }

  add(source: string, message: string, level: LogLevel = 'info'): void {
    this.#count += 1;
    const time = new Date().toLocaleTimeString('en-GB', { hour12: false });
    const entry = h(
      'li',
      { class: `log-${level}`, attrs: { 'data-source': source } },
      h('time', {}, time),
      ' ',
      h('strong', {}, source),
      ' ',
      message,
    );
    this.element.prepend(entry);
    while (this.element.childElementCount > MAX_ENTRIES) this.element.lastElementChild?.remove();
  }

  get count(): number {
    return this.#count;
  }
}
