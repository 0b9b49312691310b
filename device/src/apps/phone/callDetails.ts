import type { CallLogEntry } from '../../protocol/phoneApi';
import { startActivity } from '../../ui/activities';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { timeText } from '../../ui/timeText';
import { viewBar } from '../../ui/viewBar';
import { CALL_KIND_TEXT } from './callKindText';

/**
 * One number of the call log: who it is, every call with it, and what to do (call back, message, and
 * for a number no contact has, create a contact or add it to one). Tapping a Recents row opens this,
 * not a call, as on Android and iOS.
 */
export class CallDetails {
  readonly element: HTMLElement;

  constructor(
    private readonly back: () => void,
    private readonly call: (number: string) => void,
  ) {
    this.element = h('section', { class: 'call-details', attrs: { 'aria-label': 'Call details' } });
    this.element.hidden = true;
  }

  /** Shows the calls of `calls[0]`'s number (the caller as read now), newest first. */
  show(calls: readonly CallLogEntry[], now: number = Date.now()): void {
    const { caller } = calls[0]!;
    const who = caller.name ?? caller.displayNumber;
    const action = (label: string, onClick: () => void, kind = '') =>
      h('button', { class: kind, attrs: { type: 'button' }, on: { click: onClick } }, label);
    const actions = [
      action('Call back', () => this.call(caller.number), 'primary'),
      action('Message', () => startActivity('message', caller.number)),
      ...(caller.personId === undefined
        ? [
            action('Create contact', () => startActivity('new-contact', caller.number)),
            action('Add to an existing contact', () => startActivity('add-to-contact', caller.number)),
          ]
        : []),
    ];
    replaceChildren(
      this.element,
      viewBar('Back to recent calls', () => this.back(), h('h2', { class: 'view-title' }, who)),
      h(
        'div',
        { class: 'detail-head' },
        h('span', { class: 'avatar-slot large' }, initialsAvatar(caller.name ?? '#')),
        h('p', { class: 'detail-name', attrs: { 'data-testid': 'call-details-name' } }, who),
        h(
          'p',
          { class: 'call-number', attrs: { 'data-testid': 'call-details-number' } },
          caller.name === undefined
            ? `${caller.displayNumber} · not in your contacts`
            : `${caller.label ?? 'Phone'} · ${caller.displayNumber}`,
        ),
      ),
      h('div', { class: 'actions' }, ...actions),
      h('h3', {}, calls.length === 1 ? '1 call' : `${calls.length} calls`),
      h(
        'ul',
        { class: 'call-history', attrs: { 'aria-label': 'Calls with this number' } },
        ...calls.map((entry) =>
          h(
            'li',
            { class: `call-${entry.kind}` },
            h(
              'span',
              { class: 'call-kind', attrs: { 'aria-hidden': 'true' } },
              CALL_KIND_TEXT[entry.kind].icon,
            ),
            ` ${CALL_KIND_TEXT[entry.kind].words} · ${timeText(entry.at, now)}`,
          ),
        ),
      ),
    );
    this.element.hidden = false;
    this.element.querySelector<HTMLElement>('button')?.focus();
  }

  hide(): void {
    this.element.hidden = true;
  }
}
