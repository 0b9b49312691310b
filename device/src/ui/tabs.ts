import { h } from './dom';

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/**
 * Tabs as the ARIA pattern has them: a tablist of buttons, one panel shown; Left/Right/Home/End move
 * between tabs. `select` is called after the shown panel changes.
 */
export function tabs(label: string, items: readonly Tab[], select: (id: string) => void) {
  const buttons = items.map((tab) =>
    h(
      'button',
      {
        class: 'tab',
        attrs: {
          type: 'button',
          role: 'tab',
          id: `tab-${tab.id}`,
          'aria-controls': `panel-${tab.id}`,
          'data-tab': tab.id,
        },
        on: { click: () => show(tab.id) },
      },
      tab.label,
    ),
  );
  for (const tab of items) {
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', `tab-${tab.id}`);
  }
  const list = h(
    'div',
    {
      class: 'tabs',
      attrs: { role: 'tablist', 'aria-label': label },
      on: {
        keydown: (event) => {
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          if (at < 0) return;
          const next =
            event.key === 'ArrowRight'
              ? (at + 1) % buttons.length
              : event.key === 'ArrowLeft'
                ? (at - 1 + buttons.length) % buttons.length
                : event.key === 'Home'
                  ? 0
                  : event.key === 'End'
                    ? buttons.length - 1
                    : undefined;
          if (next === undefined) return;
          event.preventDefault();
          show(items[next]!.id);
          buttons[next]!.focus();
        },
      },
    },
    ...buttons,
  );
  function show(id: string): void {
    items.forEach((tab, i) => {
      const selected = tab.id === id;
      buttons[i]!.setAttribute('aria-selected', String(selected));
      buttons[i]!.tabIndex = selected ? 0 : -1;
      tab.panel.hidden = !selected;
    });
    select(id);
  }
  return { element: list, show };
}
