import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactRow, ContactsAppApi, ListSection, SearchResult } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { marked } from '../../ui/marked';
import type { PhotoCache } from './photoCache';
import { foundText } from './searchCountText';

const HEADER_HEIGHT = 30;
const ROW_HEIGHT = 58;
const CHUNK = 50;

type Item = { kind: 'header'; section: number } | { kind: 'row'; section: number; offset: number };

/** Maps list indexes to section headers and rows, from the sections' counts alone. */
class Layout {
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

/**
 * The contacts list: a virtualised list (@tanstack/virtual-core) of letter sections with a sticky letter
 * header and a jump-to-letter bar, or search results with the matches marked. Rows are read in chunks
 * as they come into view, so the first screen shows after one page; photos load when scrolling stops.
 */
export class ContactList {
  readonly element: HTMLElement;
  readonly #scroller: HTMLElement;
  readonly #inner: HTMLElement;
  readonly #sticky: HTMLElement;
  readonly #jumpBar: HTMLElement;
  readonly #results: HTMLElement;
  readonly #resultsScroller: HTMLElement;
  readonly #resultsVirtualizer: Virtualizer<HTMLElement, HTMLElement>;
  /** The current search's results by chunk, read as they scroll into view. */
  #resultChunks = new Map<number, SearchResult[] | 'loading'>();
  #resultsTotal = 0;
  readonly #status: HTMLElement;
  readonly #search: HTMLInputElement;
  readonly #virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  #layout = new Layout([]);
  #chunks = new Map<string, ContactRow[] | 'loading'>();
  #generation = 0;
  #query = '';
  #searchRun = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly photos: PhotoCache,
    private readonly open: (personId: string) => void,
  ) {
    this.#search = h('input', {
      class: 'search',
      attrs: {
        type: 'search',
        placeholder: 'Search name, number, email…',
        'aria-label': 'Search contacts',
        autocomplete: 'off',
      },
      on: { input: () => this.#onQuery() },
    });
    this.#status = h(
      'p',
      { class: 'list-status', attrs: { role: 'status', 'aria-live': 'polite' } },
      'Loading contacts…',
    );
    this.#inner = h('div', { class: 'virtual-inner', attrs: { role: 'list', 'aria-label': 'Contacts' } });
    this.#sticky = h('div', { class: 'sticky-header', attrs: { 'aria-hidden': 'true' } });
    this.#scroller = h(
      'div',
      { class: 'virtual-scroller', attrs: { 'data-testid': 'contact-scroller' } },
      this.#inner,
    );
    this.#jumpBar = h('nav', { class: 'jump-bar', attrs: { 'aria-label': 'Jump to letter' } });
    this.#results = h('ol', {
      class: 'search-results virtual-inner',
      attrs: { 'aria-label': 'Search results' },
    });
    this.#resultsScroller = h(
      'div',
      { class: 'virtual-scroller results-scroller', attrs: { 'data-testid': 'results-scroller' } },
      this.#results,
    );
    this.#showResults(false);
    this.element = h(
      'section',
      { class: 'contact-list-view', attrs: { 'aria-label': 'All contacts' } },
      this.#search,
      this.#status,
      h('div', { class: 'list-area' }, this.#scroller, this.#sticky, this.#jumpBar, this.#resultsScroller),
    );

    this.#virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.#scroller,
      estimateSize: (index) => (this.#layout.item(index).kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      overscan: 6,
      onChange: () => this.#render(),
    });
    // Search results scroll through every match, virtualised as the list is (a row per result).
    this.#resultsVirtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.#resultsScroller,
      estimateSize: () => ROW_HEIGHT,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      overscan: 6,
      onChange: () => this.#renderResults(),
    });
  }

  /** Call once the element is in the document. */
  mount(): void {
    this.#virtualizer._didMount();
    this.#virtualizer._willUpdate();
    this.#resultsVirtualizer._didMount();
    this.#resultsVirtualizer._willUpdate();
    void this.reload();
  }

  /** Fresh sections and rows (after a change), keeping the scroll position. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    const sections = await this.api.sections();
    if (generation !== this.#generation) return;
    this.#layout = new Layout(sections);
    this.#chunks = new Map();
    const total = sections
      .filter((s) => s.kind !== 'ice' && s.kind !== 'favorites')
      .reduce((n, s) => n + s.count, 0);
    this.#status.textContent = total === 0 ? 'No contacts yet.' : `${total.toLocaleString('en')} contacts`;
    this.#status.dataset.count = String(total);
    this.#virtualizer.setOptions({ ...this.#virtualizer.options, count: this.#layout.count });
    this.#virtualizer._willUpdate();
    this.#renderJumpBar();
    this.#render();
    if (this.#query !== '') void this.#runSearch();
  }

  /**
   * Results are shown or put away without `hidden`: a scroller out of the layout measures 0 high, and
   * its virtualiser would render no row until a resize arrived, a frame after the count is shown.
   */
  #showResults(shown: boolean): void {
    this.#resultsScroller.classList.toggle('idle', !shown);
    if (shown) this.#resultsScroller.removeAttribute('aria-hidden');
    else this.#resultsScroller.setAttribute('aria-hidden', 'true');
  }

  focusSearch(): void {
    this.#search.focus();
  }

  /** Empties the search, if there is one; says whether there was. */
  clearSearch(): boolean {
    if (this.#search.value === '') return false;
    this.#search.value = '';
    this.#onQuery();
    this.#search.focus();
    return true;
  }

  #renderJumpBar(): void {
    replaceChildren(
      this.#jumpBar,
      ...this.#layout.sections.map((section, i) =>
        h(
          'button',
          {
            attrs: {
              type: 'button',
              'aria-label': `Jump to ${section.kind === 'favorites' ? 'favourites' : section.label} (${section.count})`,
            },
            on: {
              click: () => {
                this.#virtualizer.scrollToIndex(this.#layout.headerIndex[i]!, { align: 'start' });
              },
            },
          },
          section.label,
        ),
      ),
    );
  }

  #row(section: number, offset: number): ContactRow | undefined {
    const chunk = Math.floor(offset / CHUNK);
    const key = `${section}:${chunk}`;
    const cached = this.#chunks.get(key);
    if (cached === 'loading') return undefined;
    if (cached !== undefined) return cached[offset - chunk * CHUNK];
    this.#chunks.set(key, 'loading');
    const generation = this.#generation;
    void this.api.rows(section, chunk * CHUNK, CHUNK).then(
      (rows) => {
        if (generation !== this.#generation) return;
        this.#chunks.set(key, rows);
        this.#render();
      },
      () => this.#chunks.delete(key),
    );
    return undefined;
  }

  #render(): void {
    if (this.#query !== '') return;
    const items = this.#virtualizer.getVirtualItems();
    this.#inner.style.height = `${this.#virtualizer.getTotalSize()}px`;
    const nodes: HTMLElement[] = [];
    for (const virtual of items) {
      const item = this.#layout.item(virtual.index);
      const section = this.#layout.sections[item.section];
      if (section === undefined) continue;
      let node: HTMLElement;
      if (item.kind === 'header') {
        node = h(
          'div',
          { class: 'section-header', attrs: { role: 'presentation', 'data-section': section.label } },
          section.label,
        );
      } else {
        const row = this.#row(item.section, item.offset);
        node = row === undefined ? this.#placeholder() : this.#rowElement(row, section, item.offset);
      }
      node.style.transform = `translateY(${virtual.start}px)`;
      node.style.height = `${virtual.size}px`;
      nodes.push(node);
    }
    const focusedPerson = (document.activeElement as HTMLElement | null)?.dataset.personId;
    replaceChildren(this.#inner, ...nodes);
    if (focusedPerson !== undefined)
      this.#inner.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(focusedPerson)}"]`)?.focus();
    const first = items.find((v) => v.end > (this.#virtualizer.scrollOffset ?? 0));
    const current =
      first === undefined ? undefined : this.#layout.sections[this.#layout.item(first.index).section];
    this.#sticky.textContent = current?.label ?? '';
    this.#sticky.hidden = current === undefined || (this.#virtualizer.scrollOffset ?? 0) < 1;
  }

  #placeholder(): HTMLElement {
    return h(
      'div',
      { class: 'contact-row placeholder', attrs: { role: 'listitem', 'aria-busy': 'true' } },
      h('span', { class: 'avatar' }),
      h('span', { class: 'skeleton' }),
    );
  }

  #rowElement(row: ContactRow, section: ListSection, offset: number): HTMLElement {
    const ready = row.hasPhoto ? this.photos.peek(row.personId) : undefined;
    const avatar = h(
      'span',
      { class: 'avatar-slot' },
      ready === undefined ? initialsAvatar(row.displayName) : this.#photo(row.personId, ready),
    );
    if (row.hasPhoto && ready === undefined && !this.#virtualizer.isScrolling)
      void this.#loadPhoto(row, avatar);
    return h(
      'div',
      {
        class: 'virtual-row',
        attrs: { role: 'listitem', 'aria-setsize': section.count, 'aria-posinset': offset + 1 },
      },
      h(
        'button',
        {
          class: 'contact-row',
          attrs: { type: 'button', 'data-person-id': row.personId },
          on: { click: () => this.open(row.personId) },
        },
        avatar,
        h(
          'span',
          { class: 'row-text' },
          h('span', { class: 'row-name' }, row.displayName),
          h('span', { class: 'row-sub' }, row.subtitle),
        ),
        row.favorite ? h('span', { class: 'favorite', attrs: { 'aria-label': 'favourite' } }, '★') : null,
      ),
    );
  }

  async #loadPhoto(row: { personId: string; displayName: string }, slot: HTMLElement): Promise<void> {
    const url = await this.photos.get(row.personId);
    if (url === undefined) return;
    replaceChildren(slot, this.#photo(row.personId, url));
  }

  #photo(personId: string, url: string): HTMLElement {
    return h('img', { class: 'avatar photo', attrs: { src: url, alt: '', 'data-photo-of': personId } });
  }

  #onQuery(): void {
    this.#query = this.#search.value.trim();
    const searching = this.#query !== '';
    this.#showResults(searching);
    this.#scroller.hidden = searching;
    this.#jumpBar.hidden = searching;
    this.#sticky.hidden = true;
    if (searching) void this.#runSearch();
    else {
      this.#status.textContent = `${Number(this.#status.dataset.count ?? 0).toLocaleString('en')} contacts`;
      this.#render();
    }
  }

  async #runSearch(): Promise<void> {
    const run = ++this.#searchRun;
    const query = this.#query;
    const first = await this.api.searchPage(query, 0, CHUNK);
    if (run !== this.#searchRun) return;
    this.#status.textContent = foundText(first, query);
    this.#resultChunks = new Map([[0, first.results]]);
    this.#resultsTotal = first.total;
    this.#resultsScroller.scrollTop = 0;
    this.#resultsVirtualizer.setOptions({ ...this.#resultsVirtualizer.options, count: first.total });
    this.#resultsVirtualizer._willUpdate();
    this.#renderResults();
  }

  #result(index: number): SearchResult | undefined {
    const chunk = Math.floor(index / CHUNK);
    const cached = this.#resultChunks.get(chunk);
    if (cached === 'loading') return undefined;
    if (cached !== undefined) return cached[index - chunk * CHUNK];
    this.#resultChunks.set(chunk, 'loading');
    const run = this.#searchRun;
    void this.api.searchPage(this.#query, chunk * CHUNK, CHUNK).then(
      (page) => {
        if (run !== this.#searchRun) return;
        this.#resultChunks.set(chunk, page.results);
        this.#renderResults();
      },
      () => this.#resultChunks.delete(chunk),
    );
    return undefined;
  }

  #renderResults(): void {
    if (this.#query === '') return;
    this.#results.style.height = `${this.#resultsVirtualizer.getTotalSize()}px`;
    const nodes: HTMLElement[] = [];
    for (const virtual of this.#resultsVirtualizer.getVirtualItems()) {
      const result = this.#result(virtual.index);
      const node =
        result === undefined
          ? h(
              'li',
              { class: 'contact-row placeholder', attrs: { 'aria-busy': 'true' } },
              h('span', { class: 'avatar' }),
              h('span', { class: 'skeleton' }),
            )
          : this.#resultElement(result, this.#query);
      node.setAttribute('aria-setsize', String(this.#resultsTotal));
      node.setAttribute('aria-posinset', String(virtual.index + 1));
      node.style.transform = `translateY(${virtual.start}px)`;
      node.style.height = `${virtual.size}px`;
      nodes.push(node);
    }
    const focusedPerson = (document.activeElement as HTMLElement | null)?.dataset.personId;
    replaceChildren(this.#results, ...nodes);
    if (focusedPerson !== undefined)
      this.#results.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(focusedPerson)}"]`)?.focus();
  }

  #resultElement(result: SearchResult, query: string): HTMLElement {
    const { row } = result;
    const avatar = h('span', { class: 'avatar-slot' }, initialsAvatar(row.displayName));
    if (row.hasPhoto) void this.#loadPhoto(row, avatar);
    const name = result.field === 'name' ? marked(row.displayName, query) : h('span', {}, row.displayName);
    const sub = result.field === 'name' ? h('span', {}, row.subtitle) : marked(result.matched, query);
    return h(
      'li',
      {},
      h(
        'button',
        {
          class: 'contact-row',
          attrs: { type: 'button', 'data-person-id': row.personId, 'data-field': result.field },
          on: { click: () => this.open(row.personId) },
        },
        avatar,
        h(
          'span',
          { class: 'row-text' },
          h('span', { class: 'row-name' }, name),
          h('span', { class: 'row-sub' }, sub),
        ),
      ),
    );
  }
}
