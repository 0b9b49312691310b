import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactRow, ContactsAppApi, SearchResult } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import {
  CHUNK,
  contactRow,
  ROW_HEIGHT,
  type RowContext,
  resultPlaceholder,
  resultRow,
  rowPlaceholder,
} from './contactRows';
import { HEADER_HEIGHT, Layout, renderJumpBar, sectionHeader } from './listSections';
import type { PhotoCache } from './photoCache';
import { foundText } from './searchCountText';

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
  /** What the rows are built with: the photos, and what opening a person does. */
  readonly #rows: RowContext;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly photos: PhotoCache,
    private readonly open: (personId: string) => void,
  ) {
    this.#rows = { photos: this.photos, open: (personId) => this.open(personId) };
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
    renderJumpBar(this.#jumpBar, this.#layout, (index) => {
      this.#virtualizer.scrollToIndex(index, { align: 'start' });
    });
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
        node = sectionHeader(section);
      } else {
        const row = this.#row(item.section, item.offset);
        node =
          row === undefined
            ? rowPlaceholder()
            : contactRow(this.#rows, row, section, item.offset, this.#virtualizer.isScrolling);
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
      const node = result === undefined ? resultPlaceholder() : resultRow(this.#rows, result, this.#query);
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
}
