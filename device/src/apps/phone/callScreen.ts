import type { EngineRemote } from '../../protocol/appRpc';
import type { CallerId, PhoneAppApi } from '../../protocol/phoneApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';

type CallState = 'incoming' | 'outgoing' | 'connected';

/**
 * The full-screen call: an incoming call (caller ID, Answer, Decline) or an outgoing one (Hang up).
 * The call is logged when it ends: answered or placed calls as themselves, a declined one as missed.
 * It lives over the app (role="dialog"); focus goes to its first button and comes back after.
 */
export class CallScreen {
  readonly element: HTMLElement;
  #caller: CallerId | undefined;
  #state: CallState = 'incoming';
  #answered = false;
  #returnFocus: HTMLElement | null = null;

  constructor(
    private readonly api: EngineRemote<PhoneAppApi>,
    private readonly onEnd: (message: string) => void,
  ) {
    this.element = h('section', {
      class: 'call-screen',
      attrs: {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'call-name',
        'data-testid': 'call-screen',
      },
    });
    this.element.hidden = true;
  }

  get active(): boolean {
    return !this.element.hidden;
  }

  async incoming(number: string): Promise<void> {
    this.#open(await this.api.callerId(number), 'incoming');
  }

  async outgoing(number: string): Promise<void> {
    this.#open(await this.api.callerId(number), 'outgoing');
  }

  /** Contacts changed while the call screen is up: the caller ID may now have a name (or lose it). */
  async refresh(): Promise<void> {
    if (!this.active || this.#caller === undefined) return;
    const caller = await this.api.callerId(this.#caller.number);
    if (this.active && caller.number === this.#caller.number) {
      this.#caller = caller;
      this.#render();
    }
  }

  #open(caller: CallerId, state: CallState): void {
    this.#returnFocus = document.activeElement as HTMLElement | null;
    this.#caller = caller;
    this.#state = state;
    this.#answered = false;
    this.element.hidden = false;
    this.#render();
    this.element.querySelector<HTMLButtonElement>('button')?.focus();
  }

  #render(): void {
    const caller = this.#caller;
    if (caller === undefined) return;
    const title = caller.name ?? caller.displayNumber;
    const status =
      this.#state === 'incoming' ? 'Incoming call' : this.#state === 'outgoing' ? 'Calling…' : 'On call';
    const button = (label: string, kind: string, onClick: () => void) =>
      h('button', { class: `call-button ${kind}`, attrs: { type: 'button' }, on: { click: onClick } }, label);
    const buttons =
      this.#state === 'incoming'
        ? [
            button('Decline', 'decline', () => void this.#end('declined')),
            button('Answer', 'answer', () => {
              this.#answered = true;
              this.#state = 'connected';
              this.#render();
              this.element.querySelector<HTMLButtonElement>('button')?.focus();
            }),
          ]
        : [button('Hang up', 'decline', () => void this.#end(this.#answered ? 'incoming' : 'outgoing'))];
    replaceChildren(
      this.element,
      h('p', { class: 'call-status', attrs: { 'data-testid': 'call-status' } }, status),
      h('span', { class: 'avatar-slot large' }, initialsAvatar(caller.name ?? '#')),
      h('h2', { class: 'call-name', attrs: { id: 'call-name', 'data-testid': 'caller-name' } }, title),
      h(
        'p',
        { class: 'call-number', attrs: { 'data-testid': 'caller-number' } },
        caller.name === undefined
          ? 'Not in your contacts'
          : `${caller.label === undefined ? '' : `${caller.label} · `}${caller.displayNumber}`,
      ),
      h('div', { class: 'call-buttons' }, ...buttons),
    );
  }

  async #end(kind: 'incoming' | 'outgoing' | 'declined'): Promise<void> {
    const caller = this.#caller;
    this.element.hidden = true;
    this.#caller = undefined;
    this.#returnFocus?.focus();
    if (caller === undefined) return;
    try {
      await this.api.logCall(caller.number, kind);
      const who = caller.name ?? caller.displayNumber;
      this.onEnd(kind === 'declined' ? `Declined the call from ${who}.` : `Call with ${who} ended.`);
    } catch (error) {
      this.onEnd(`The call could not be logged: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
