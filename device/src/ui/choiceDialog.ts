import { h } from './dom';
import { cancelButton, modalDialog } from './modalDialog';

/** One answer a choice dialog offers. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  danger?: boolean;
}

/**
 * A modal question with several answers besides Cancel, a button each. Resolves with the chosen
 * answer's value, or undefined when cancelled.
 */
export function choiceDialog<V extends string>(
  host: HTMLElement,
  text: string,
  choices: readonly Choice<V>[],
): Promise<V | undefined> {
  return modalDialog<V>(host, 'alertdialog', text, (close) => {
    const cancel = cancelButton(close);
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
    return { buttons: [cancel, ...answers], initialFocus: cancel };
  });
}
