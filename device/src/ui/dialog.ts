import { h } from './dom';
import { cancelButton, modalDialog } from './modalDialog';

/** A modal confirmation inside the app: resolves true when confirmed, false on Cancel or Escape. */
export async function confirmDialog(host: HTMLElement, text: string, confirmLabel: string): Promise<boolean> {
  const answer = await modalDialog<true>(host, 'alertdialog', text, (close) => {
    const cancel = cancelButton(close);
    const ok = h(
      'button',
      { class: 'danger', attrs: { type: 'button' }, on: { click: () => close(true) } },
      confirmLabel,
    );
    return { buttons: [cancel, ok], initialFocus: cancel };
  });
  return answer === true;
}
