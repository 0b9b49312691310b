import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, PersonDetail } from '../../protocol/contactsApi';
import { initialsAvatar } from '../../ui/avatar';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';
import type { DetailActions, DetailContext } from './detailActions';
import { detailButtons, readOnlyHint } from './detailButtons';
import { detailFields } from './detailFields';
import { detailSources } from './detailSources';
import { detailStar } from './detailStar';
import { loadSuggestions, suggestionsSection } from './mergeSuggestions';
import { personName } from './personName';
import type { PhotoCache } from './photoCache';

/** One contact: every field with where it came from, why its sources are one person, and what to do. */
export class ContactDetail {
  readonly element: HTMLElement;
  #personId = '';
  /** What is on screen, to re-render only when it changed. */
  #shown: string | undefined;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly photos: PhotoCache,
    private readonly actions: DetailActions,
  ) {
    this.element = h('section', { class: 'detail-view', attrs: { 'aria-label': 'Contact details' } });
  }

  get personId(): string {
    return this.#personId;
  }

  async show(personId: string): Promise<void> {
    this.#personId = personId;
    this.#shown = undefined;
    replaceChildren(this.element, h('p', { attrs: { role: 'status' } }, 'Loading…'));
    await this.#load(personId);
  }

  /**
   * The contacts changed: shows the person again if what the app knows of them changed (an edit
   * synced, a source added or gone), keeping keyboard focus on the same control.
   */
  async refresh(): Promise<void> {
    if (this.#personId === '') return;
    try {
      await this.#load(this.#personId);
    } catch {
      // The detail is composed from the providers when asked, and one may be going away under it (an
      // uninstall closes its store first): what is shown stays until the change that follows redraws it.
    }
  }

  async #load(personId: string): Promise<void> {
    const detail = await this.api.detail(personId);
    if (personId !== this.#personId) return;
    const key = JSON.stringify(detail ?? null);
    if (key === this.#shown) return;
    const focused = document.activeElement;
    const focusText = this.element.contains(focused) ? focused?.textContent : undefined;
    this.#shown = key;
    this.#show(detail);
    if (focusText !== undefined) {
      [...this.element.querySelectorAll<HTMLElement>('button')]
        .find((b) => b.textContent === focusText)
        ?.focus();
    }
  }

  #show(detail: PersonDetail | undefined): void {
    if (detail === undefined) {
      replaceChildren(
        this.element,
        this.#bar('Contact'),
        h(
          'p',
          { class: 'empty', attrs: { role: 'status' } },
          'This contact is no longer here (deleted, merged or unmerged).',
        ),
      );
      return;
    }
    this.#render(detail);
  }

  #bar(title: string): HTMLElement {
    return viewBar('Back to the list', () => this.actions.back(), h('h2', { class: 'view-title' }, title));
  }

  #render(detail: PersonDetail): void {
    const m = detail.merged;
    const name = personName(m);
    const avatar = h('span', { class: 'avatar-slot large' }, initialsAvatar(name));
    if (m.photo !== undefined) {
      void this.photos.get(m.personId, m.photo.value.thumbnailId ?? m.photo.value.id).then((url) => {
        if (url !== undefined)
          replaceChildren(
            avatar,
            h('img', { class: 'avatar photo', attrs: { src: url, alt: `Photo of ${name}` } }),
          );
      });
    }
    const context: DetailContext = {
      api: this.api,
      actions: this.actions,
      currentPerson: () => this.#personId,
    };
    const suggestions = suggestionsSection();
    replaceChildren(
      this.element,
      this.#bar(name),
      h(
        'div',
        { class: 'detail-head' },
        avatar,
        h('p', { class: 'detail-name', attrs: { 'data-testid': 'detail-name' } }, name),
        detailStar(context, detail, name),
      ),
      h('div', { class: 'actions' }, ...detailButtons(context, detail, name)),
      readOnlyHint(detail),
      detailFields(detail, name),
      ...detailSources(detail),
      suggestions,
    );
    void loadSuggestions(context, m.personId, suggestions, (personId) => this.show(personId));
  }
}
