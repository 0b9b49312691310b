import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactRow, ContactsAppApi, LoadingProgress } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { CHUNK, contactRow, ROW_HEIGHT, type RowContext, rowPlaceholder } from './contactRows';
import { HEADER_HEIGHT, Layout, renderJumpBar, sectionHeader } from './listSections';
import type { PhotoCache } from './photoCache';
import { foundText, listStatusText } from './searchCountText';
import { SearchResults } from './searchResults';

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
  readonly #found: SearchResults;
  readonly #status: HTMLElement;
  readonly #search: HTMLInputElement;
  readonly #virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  #layout = new Layout([]);
  #chunks = new Map<string, ContactRow[] | 'loading'>();
  #generation = 0;
  #query = '';
  /** An import on its way, as the engine last told (null: none): the status line and search say so. */
  #loading: LoadingProgress | null = null;
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
    this.#found = new SearchResults(
      this.api,
      this.#rows,
      () => this.#query,
      (first, query) => {
        this.#status.textContent = foundText(first, query, this.#loading !== null);
      },
    );
    this.element = h(
      'section',
      { class: 'contact-list-view', attrs: { 'aria-label': 'All contacts' } },
      this.#search,
      this.#status,
      h('div', { class: 'list-area' }, this.#scroller, this.#sticky, this.#jumpBar, this.#found.element),
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
  }

  /** Call once the element is in the document. */
  mount(): void {
    this.#virtualizer._didMount();
    this.#virtualizer._willUpdate();
    this.#found.mount();
    void this.reload();
  }

  /** Fresh sections and rows (after a change), keeping the scroll position. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    const [sections, loading] = await Promise.all([this.api.sections(), this.api.loading()]);
    if (generation !== this.#generation) return;
    this.#loading = loading;
    this.#layout = new Layout(sections);
    this.#chunks = new Map();
    const total = sections
      .filter((s) => s.kind !== 'ice' && s.kind !== 'favorites')
      .reduce((n, s) => n + s.count, 0);
    this.#status.textContent = listStatusText(total, loading);
    this.#status.dataset.count = String(total);
    this.#status.dataset.importing = String(loading !== null);
    this.#virtualizer.setOptions({ ...this.#virtualizer.options, count: this.#layout.count });
    this.#virtualizer._willUpdate();
    this.#renderJumpBar();
    this.#render();
    if (this.#query !== '') void this.#found.search();
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
    this.#found.show(searching);
    this.#scroller.hidden = searching;
    this.#jumpBar.hidden = searching;
    this.#sticky.hidden = true;
    if (searching) void this.#found.search();
    else {
      this.#status.textContent = listStatusText(Number(this.#status.dataset.count ?? 0), this.#loading);
      this.#render();
    }
  }
}
