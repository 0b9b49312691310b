import { h } from './dom';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A modal question with one answer to pick from a radio list (the first is picked to begin with),
 * inside the app as `confirmDialog` is. Resolves with the picked value, or undefined on Cancel or Escape.
 */
export function choiceDialog(
  host: HTMLElement,
  text: string,
  question: string,
  choices: readonly Choice[],
  confirmLabel: string,
): Promise<string | undefined> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const close = (answer: string | undefined) => {
      backdrop.remove();
      previous?.focus();
      resolve(answer);
    };
    const radios = choices.map((choice, index) =>
      h('input', {
        attrs: { type: 'radio', name: 'choice', value: choice.value, checked: index === 0 },
      }),
    );
    const picked = () => radios.find((radio) => radio.checked)?.value;
    const cancel = h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => close(undefined) } },
      'Cancel',
    );
    const ok = h(
      'button',
      { class: 'primary', attrs: { type: 'button' }, on: { click: () => close(picked()) } },
      confirmLabel,
    );
    const dialog = h(
      'div',
      {
        class: 'dialog',
        attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-describedby': 'dialog-text' },
        on: {
          keydown: (event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(undefined);
            }
            if (event.key === 'Tab') {
              // Keep focus inside the dialog: the picked radio (the group's stop), Cancel, the answer.
              event.preventDefault();
              const stops = [radios.find((radio) => radio.checked) ?? radios[0]!, cancel, ok];
              const at = stops.indexOf(document.activeElement as HTMLInputElement);
              const step = event.shiftKey ? stops.length - 1 : 1;
              stops[(at + step) % stops.length]!.focus();
            }
          },
        },
      },
      h('p', { attrs: { id: 'dialog-text' } }, text),
      h(
        'fieldset',
        { class: 'dialog-choices' },
        h('legend', {}, question),
        ...choices.map((choice, index) =>
          h('label', { class: 'dialog-choice' }, radios[index]!, choice.label),
        ),
      ),
      h('div', { class: 'dialog-buttons' }, cancel, ok),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    host.append(backdrop);
    radios[0]?.focus();
  });
}
