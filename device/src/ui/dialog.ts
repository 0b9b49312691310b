import { h } from './dom';

/**
 * A modal confirmation inside the app (sandboxed frames may not use window.confirm). Focus moves into
 * the dialog and back where it was; Escape cancels.
 */
export function confirmDialog(host: HTMLElement, text: string, confirmLabel: string): Promise<boolean> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const close = (answer: boolean) => {
      backdrop.remove();
      previous?.focus();
      resolve(answer);
    };
    const message = h('p', { attrs: { id: 'dialog-text' } }, text);
    const cancel = h('button', { attrs: { type: 'button' }, on: { click: () => close(false) } }, 'Cancel');
    const ok = h(
      'button',
      { class: 'danger', attrs: { type: 'button' }, on: { click: () => close(true) } },
      confirmLabel,
    );
    const dialog = h(
      'div',
      {
        class: 'dialog',
        attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-describedby': 'dialog-text' },
        on: {
          keydown: (event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(false);
            }
            if (event.key === 'Tab') {
              // Keep focus inside the dialog.
              event.preventDefault();
              (document.activeElement === ok ? cancel : ok).focus();
            }
          },
        },
      },
      message,
      h('div', { class: 'dialog-buttons' }, cancel, ok),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    host.append(backdrop);
    cancel.focus();
  });
}
