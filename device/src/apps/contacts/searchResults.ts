import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, SearchPage, SearchResult } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { CHUNK, ROW_HEIGHT, type RowContext, resultPlaceholder, resultRow } from './contactRows';

/**
 * The results of a search: every match, virtualised as the list is (a row per result), read a chunk
 * at a time as they scroll into view; the newest search wins.
 */
export class SearchResults {
  readonly element: HTMLElement;
  readonly #results: HTMLElement;
  readonly #resultsVirtualizer: Virtualizer<HTMLElement, HTMLElement>;
  /** The current search's results by chunk, read as they scroll into view. */
  #resultChunks = new Map<number, SearchResult[] | 'loading'>();
  #resultsTotal = 0;
  #searchRun = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly rows: RowContext,
    /** The query typed, '' when not searching. */
    private readonly query: () => string,
    /** Told of a search's first page, before its results are shown. */
    private readonly found: (first: SearchPage, query: string) => void,
  ) {
    this.#results = h('ol', {
      class: 'search-results virtual-inner',
      attrs: { 'aria-label': 'Search results' },
    });
    this.element = h(
      'div',
      { class: 'virtual-scroller results-scroller', attrs: { 'data-testid': 'results-scroller' } },
      this.#results,
    );
    this.show(false);
    this.#resultsVirtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.element,
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
    this.#resultsVirtualizer._didMount();
    this.#resultsVirtualizer._willUpdate();
  }

  /**
   * Results are shown or put away without `hidden`: a scroller out of the layout measures 0 high, and
   * its virtualiser would render no row until a resize arrived, a frame after the count is shown.
   */
  show(shown: boolean): void {
    this.element.classList.toggle('idle', !shown);
    if (shown) this.element.removeAttribute('aria-hidden');
    else this.element.setAttribute('aria-hidden', 'true');
  }

  /** Searches for the query now typed, from its first result. */
  async search(): Promise<void> {
    const run = ++this.#searchRun;
    const query = this.query();
    const first = await this.api.searchPage(query, 0, CHUNK);
    if (run !== this.#searchRun) return;
    this.found(first, query);
    this.#resultChunks = new Map([[0, first.results]]);
    this.#resultsTotal = first.total;
    this.element.scrollTop = 0;
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
    void this.api.searchPage(this.query(), chunk * CHUNK, CHUNK).then(
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
    if (this.query() === '') return;
    this.#results.style.height = `${this.#resultsVirtualizer.getTotalSize()}px`;
    const nodes: HTMLElement[] = [];
    for (const virtual of this.#resultsVirtualizer.getVirtualItems()) {
      const result = this.#result(virtual.index);
      const node = result === undefined ? resultPlaceholder() : resultRow(this.rows, result, this.query());
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
