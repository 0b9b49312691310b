import { h } from './dom';

/** What a question puts inside the shared frame. */
export interface ModalContent {
  /** Between the question's text and its buttons (a radio list, say). */
  body?: readonly Node[];
  buttons: readonly HTMLElement[];
  /** Where Tab moves, in order (the buttons unless said otherwise). */
  stops?: () => readonly HTMLElement[];
  /** Focused when the dialog opens. */
  initialFocus: HTMLElement;
}

/**
 * The frame every in-app question shares (sandboxed frames may not use window.confirm): a modal over
 * the app, focus moved in and back where it was when it closes, Tab kept inside, Escape cancels.
 * `build` gets `close` to answer with; Cancel and Escape answer undefined.
 */
export function modalDialog<A>(
  host: HTMLElement,
  role: 'dialog' | 'alertdialog',
  text: string,
  build: (close: (answer: A | undefined) => void) => ModalContent,
): Promise<A | undefined> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const close = (answer: A | undefined) => {
      backdrop.remove();
      previous?.focus();
      resolve(answer);
    };
    const content = build(close);
    const stops = content.stops ?? (() => content.buttons);
    const dialog = h(
      'div',
      {
        class: 'dialog',
        attrs: { role, 'aria-modal': 'true', 'aria-describedby': 'dialog-text' },
        on: {
          keydown: (event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(undefined);
            }
            if (event.key === 'Tab') {
              event.preventDefault();
              const order = stops();
              const at = order.indexOf(document.activeElement as HTMLElement);
              const step = event.shiftKey ? order.length - 1 : 1;
              order[(at + step) % order.length]!.focus();
            }
          },
        },
      },
      h('p', { attrs: { id: 'dialog-text' } }, text),
      ...(content.body ?? []),
      h('div', { class: 'dialog-buttons' }, ...content.buttons),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    host.append(backdrop);
    content.initialFocus.focus();
  });
}

/** The Cancel button of a question. */
export function cancelButton(close: (answer: undefined) => void): HTMLButtonElement {
  return h('button', { attrs: { type: 'button' }, on: { click: () => close(undefined) } }, 'Cancel');
}
