import { h } from './dom';
import { cancelButton, modalDialog } from './modalDialog';

export interface PickOption {
  value: string;
  label: string;
}

/**
 * A modal question with one answer to pick from a radio list (the first is picked to begin with).
 * Resolves with the picked value, or undefined on Cancel or Escape.
 */
export function pickOneDialog(
  host: HTMLElement,
  text: string,
  question: string,
  options: readonly PickOption[],
  confirmLabel: string,
): Promise<string | undefined> {
  return modalDialog<string>(host, 'dialog', text, (close) => {
    const radios = options.map((option, index) =>
      h('input', {
        attrs: { type: 'radio', name: 'choice', value: option.value, checked: index === 0 },
      }),
    );
    const picked = () => radios.find((radio) => radio.checked) ?? radios[0]!;
    const cancel = cancelButton(close);
    const ok = h(
      'button',
      { class: 'primary', attrs: { type: 'button' }, on: { click: () => close(picked().value) } },
      confirmLabel,
    );
    const list = h(
      'fieldset',
      { class: 'dialog-choices' },
      h('legend', {}, question),
      ...options.map((option, index) => h('label', { class: 'dialog-choice' }, radios[index]!, option.label)),
    );
    // The radio group is one Tab stop, at its picked radio.
    return {
      body: [list],
      buttons: [cancel, ok],
      stops: () => [picked(), cancel, ok],
      initialFocus: picked(),
    };
  });
}
