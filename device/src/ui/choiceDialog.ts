import { h } from './dom';

/** One answer a choice dialog offers. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  danger?: boolean;
}

/**
 * A modal question with several answers besides Cancel (sandboxed frames may not use window.confirm).
 * Focus moves into the dialog (on Cancel) and back where it was; Tab stays inside; Escape cancels.
 * Resolves with the chosen answer's value, or undefined when cancelled.
 */
export function choiceDialog<V extends string>(
  host: HTMLElement,
  text: string,
  choices: readonly Choice<V>[],
): Promise<V | undefined> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const close = (answer: V | undefined) => {
      backdrop.remove();
      previous?.focus();
      resolve(answer);
    };
    const cancel = h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => close(undefined) } },
      'Cancel',
    );
    const answers = choices.map((choice) =>
      h(
        'button',
        {
          ...(choice.danger === true ? { class: 'danger' } : {}),
          attrs: { type: 'button' },
          on: { click: () => close(choice.value) },
        },
        choice.label,
      ),
    );
    const buttons = [cancel, ...answers];
    const dialog = h(
      'div',
      {
        class: 'dialog',
        attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-describedby': 'dialog-text' },
        on: {
          keydown: (event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(undefined);
            }
            if (event.key === 'Tab') {
              event.preventDefault();
              const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
              const step = event.shiftKey ? buttons.length - 1 : 1;
              buttons[(at + step) % buttons.length]!.focus();
            }
          },
        },
      },
      h('p', { attrs: { id: 'dialog-text' } }, text),
      h('div', { class: 'dialog-buttons' }, ...buttons),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    host.append(backdrop);
    cancel.focus();
  });
}
