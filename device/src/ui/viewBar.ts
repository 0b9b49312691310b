import { type Child, h } from './dom';

/**
 * The bar at the top of a view below a list: a back button (its label says where back goes, for
 * screen readers) and the view's heading.
 */
export function viewBar(backLabel: string, back: () => void, ...heading: Child[]): HTMLDivElement {
  return h(
    'div',
    { class: 'view-bar' },
    h(
      'button',
      { class: 'back', attrs: { type: 'button', 'aria-label': backLabel }, on: { click: back } },
      '‹ Back',
    ),
    ...heading,
  );
}
