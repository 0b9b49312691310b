import type { ListSection } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';

export const HEADER_HEIGHT = 30;

type Item = { kind: 'header'; section: number } | { kind: 'row'; section: number; offset: number };

/** Maps list indexes to section headers and rows, from the sections' counts alone. */
export class Layout {
  readonly headerIndex: number[] = [];
  readonly count: number;

  constructor(readonly sections: readonly ListSection[]) {
    let index = 0;
    for (const section of sections) {
      this.headerIndex.push(index);
      index += 1 + section.count;
    }
    this.count = index;
  }

  item(index: number): Item {
    let lo = 0;
    let hi = this.headerIndex.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.headerIndex[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const start = this.headerIndex[lo]!;
    return index === start
      ? { kind: 'header', section: lo }
      : { kind: 'row', section: lo, offset: index - start - 1 };
  }
}

/** A letter section's header row in the list. */
export function sectionHeader(section: ListSection): HTMLElement {
  return h(
    'div',
    { class: 'section-header', attrs: { role: 'presentation', 'data-section': section.label } },
    section.label,
  );
}

/** Fills the jump-to-letter bar with a button per section; `jump` scrolls to the list index given. */
export function renderJumpBar(jumpBar: HTMLElement, layout: Layout, jump: (index: number) => void): void {
  replaceChildren(
    jumpBar,
    ...layout.sections.map((section, i) =>
      h(
        'button',
        {
          attrs: {
            type: 'button',
            'aria-label': `Jump to ${section.kind === 'favorites' ? 'favourites' : section.label} (${section.count})`,
          },
          on: {
            click: () => {
              jump(layout.headerIndex[i]!);
            },
          },
        },
        section.label,
      ),
    ),
  );
}
