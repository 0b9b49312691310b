import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, DuplicatePair } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';

const SCORE_STEPS = [50, 60, 70, 80, 90];

/**
 * "Merge & fix" (Android's name): every duplicate the GCDS suggests, each with its reasons, to merge or
 * dismiss one by one, or all of those at or above a score at once. Merges and dismissals are the
 * GCDS's user decisions, remembered by source.
 */
export class MergeAndFix {
  readonly element: HTMLElement;
  readonly #status: HTMLElement;
  readonly #list: HTMLElement;
  readonly #threshold: HTMLSelectElement;
  readonly #acceptAll: HTMLButtonElement;
  #pairs: DuplicatePair[] = [];
  #run = 0;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    back: () => void,
    private readonly notify: (message: string) => void,
  ) {
    this.#status = h('p', { class: 'fix-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.#list = h('ol', { class: 'fix-list', attrs: { 'aria-label': 'Suggested merges' } });
    this.#threshold = h(
      'select',
      {
        attrs: { 'aria-label': 'Lowest score to merge' },
        on: { change: () => this.#renderAcceptAll() },
      },
      ...SCORE_STEPS.map((score) =>
        h('option', { attrs: { value: String(score), selected: score === 80 } }, `${score}`),
      ),
    );
    this.#acceptAll = h(
      'button',
      { class: 'primary', attrs: { type: 'button' }, on: { click: () => void this.#mergeAll() } },
      'Merge all',
    );
    this.element = h(
      'section',
      { class: 'fix-view', attrs: { 'aria-label': 'Merge and fix' } },
      viewBar('Back to the list', back, h('h2', { class: 'view-title' }, 'Merge & fix')),
      this.#status,
      h('div', { class: 'fix-all' }, h('label', {}, 'Score at least ', this.#threshold), this.#acceptAll),
      this.#list,
    );
  }

  async show(): Promise<void> {
    const run = ++this.#run;
    this.#pairs = [];
    replaceChildren(this.#list);
    this.#status.textContent = 'Looking for duplicates…';
    this.#renderAcceptAll();
    const pairs = await this.api.duplicates((progress) => {
      if (run === this.#run)
        this.#status.textContent = `Looking for duplicates: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} contacts checked…`;
    });
    if (run !== this.#run) return;
    this.#pairs = pairs;
    this.#render();
  }

  #render(): void {
    const count = this.#pairs.length;
    this.#status.textContent =
      count === 0 ? 'No duplicates to fix.' : count === 1 ? '1 suggested merge' : `${count} suggested merges`;
    replaceChildren(this.#list, ...this.#pairs.map((pair) => this.#row(pair)));
    this.#renderAcceptAll();
  }

  #eligible(): DuplicatePair[] {
    const least = Number(this.#threshold.value);
    return this.#pairs.filter((pair) => pair.score >= least);
  }

  #renderAcceptAll(): void {
    const eligible = this.#eligible().length;
    this.#acceptAll.textContent = `Merge all ${eligible}`;
    this.#acceptAll.disabled = eligible === 0;
  }

  #row(pair: DuplicatePair): HTMLElement {
    const person = (side: DuplicatePair['a']) =>
      h(
        'span',
        { class: 'fix-person' },
        h('span', { class: 'avatar-slot' }, initialsAvatar(side.name)),
        side.name,
      );
    return h(
      'li',
      { class: 'fix-pair', attrs: { 'data-score': String(pair.score) } },
      h('p', { class: 'fix-people' }, person(pair.a), h('span', { class: 'fix-and' }, 'and'), person(pair.b)),
      h('p', { class: 'fix-score' }, `Score ${pair.score}`),
      h(
        'ul',
        { class: 'fix-reasons', attrs: { 'aria-label': 'Why' } },
        ...pair.reasons.map((line) => h('li', {}, line)),
      ),
      h(
        'div',
        { class: 'suggestion-buttons' },
        h(
          'button',
          {
            attrs: { type: 'button', 'aria-label': `Merge ${pair.a.name} and ${pair.b.name}` },
            on: { click: () => void this.#merge(pair) },
          },
          'Merge',
        ),
        h(
          'button',
          {
            attrs: { type: 'button', 'aria-label': `${pair.a.name} and ${pair.b.name} are different people` },
            on: { click: () => void this.#dismiss(pair) },
          },
          'Not the same',
        ),
      ),
    );
  }

  #drop(pair: DuplicatePair): void {
    this.#pairs = this.#pairs.filter((p) => p !== pair);
    this.#render();
  }

  async #merge(pair: DuplicatePair): Promise<void> {
    try {
      await this.api.merge([pair.a.personId, pair.b.personId]);
      this.notify(`${pair.a.name} and ${pair.b.name} are now one contact.`);
      this.#drop(pair);
    } catch (error) {
      this.notify(`Could not merge: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #dismiss(pair: DuplicatePair): Promise<void> {
    try {
      await this.api.dismissSuggestion(pair.a.personId, pair.b.personId);
      this.notify(`${pair.a.name} and ${pair.b.name} will not be suggested again.`);
      this.#drop(pair);
    } catch (error) {
      this.notify(`Could not dismiss: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #mergeAll(): Promise<void> {
    const pairs = this.#eligible();
    // One GCDS operation for the lot: one transaction, one regroup, one change for the apps to follow.
    this.#acceptAll.disabled = true;
    this.#status.textContent = `Merging ${pairsText(pairs.length)}…`;
    try {
      const merged = await this.api.mergeMany(pairs.map((pair) => [pair.a.personId, pair.b.personId]));
      this.#pairs = this.#pairs.filter((pair) => !pairs.includes(pair));
      this.#render();
      const skipped = pairs.length - merged;
      const result = `Merged ${pairsText(merged)}${skipped > 0 ? ` (${skipped} no longer there)` : ''}.`;
      this.#status.textContent = `${result} ${this.#status.textContent}`;
      this.notify(result);
    } catch (error) {
      this.#render();
      this.notify(`Could not merge: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function pairsText(count: number): string {
  return count === 1 ? '1 pair' : `${count.toLocaleString('en')} pairs`;
}
