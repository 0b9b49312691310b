import type { MergedContact, PartialDate, Sourced, SourcedItem, SourceRef } from '@gcds/shared';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, MergeSuggestion, PersonDetail } from '../../protocol/contactsApi';
import { startActivity } from '../../ui/activities';
import { initialsAvatar } from '../../ui/avatar';
import { confirmDialog } from '../../ui/dialog';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';
import { deleteQuestion } from './deleteExplanation';
import type { PhotoCache } from './photoCache';
import { reasonText, sourceName } from './sourceNames';

export interface DetailActions {
  back(): void;
  /** Opens the form on the record its own provider holds (the phone's, or an address book's card). */
  edit(source: SourceRef): void;
  /** Edit a person with no editable record (an import, a read-only book): the form saves a linked local copy. */
  editCopy(personId: string): void;
  openPerson(personId: string): void;
  pickMergeTarget(personId: string, name: string): void;
  notify(message: string, undo?: { label: string; run: () => void }): void;
}

function dateText(date: PartialDate): string {
  const month = new Date(2000, date.month - 1, 1).toLocaleString('en', { month: 'long' });
  return date.year === undefined ? `${date.day} ${month}` : `${date.day} ${month} ${date.year}`;
}

export function personName(merged: MergedContact): string {
  const parts = [merged.prefix, merged.given, merged.additional, merged.family, merged.suffix]
    .map((part) => part?.value)
    .filter(Boolean);
  return (
    merged.formattedName?.value ??
    (parts.length > 0
      ? parts.join(' ')
      : (merged.org?.value ?? merged.tel[0]?.value.value ?? merged.email[0]?.value.value ?? 'No name'))
  );
}

function sourceBadge(
  names: Readonly<Record<string, string>>,
  source: SourceRef,
  alsoIn: readonly SourceRef[] = [],
): HTMLElement {
  const shown = [source, ...alsoIn].map((s) => sourceName(s, names));
  const unique = [...new Set(shown)];
  return h(
    'span',
    { class: `source-badge source-${source.provider}`, attrs: { 'data-source': source.provider } },
    `from ${unique.join(' + ')}`,
  );
}

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
    await this.#load(this.#personId);
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
    const names = detail.sourceNames;
    const name = personName(m);
    const avatar = h('span', { class: 'avatar-slot large' }, initialsAvatar(name));
    if (m.photo !== undefined) {
      void this.photos.get(m.personId).then((url) => {
        if (url !== undefined)
          replaceChildren(
            avatar,
            h('img', { class: 'avatar photo', attrs: { src: url, alt: `Photo of ${name}` } }),
          );
      });
    }
    const fields = h('dl', { class: 'fields' });
    const single = (label: string, field: Sourced<string> | undefined) => {
      if (field === undefined || field.value === '') return;
      fields.append(
        h(
          'div',
          { class: 'field' },
          h('dt', {}, label),
          h('dd', {}, h('span', { class: 'value' }, field.value), sourceBadge(names, field.source)),
        ),
      );
    };
    const many = <T>(
      label: string,
      items: readonly SourcedItem<T>[],
      text: (value: T) => string,
      kind: (value: T) => string | undefined,
      act: (value: T, shown: string) => { value: HTMLElement; buttons: HTMLElement[] } = (_, shown) => ({
        value: h('span', { class: 'value' }, shown),
        buttons: [],
      }),
    ) => {
      for (const item of items) {
        const type = kind(item.value);
        const acted = act(item.value, text(item.value));
        fields.append(
          h(
            'div',
            { class: 'field' },
            h('dt', {}, type === undefined ? label : `${label} (${type})`),
            h(
              'dd',
              {},
              acted.value,
              sourceBadge(names, item.source, item.alsoIn),
              acted.buttons.length === 0 ? null : h('span', { class: 'field-actions' }, ...acted.buttons),
            ),
          ),
        );
      }
    };
    const typeOf = (value: { type?: string[]; label?: string }) => value.label ?? value.type?.join(', ');
    many(
      'Phone',
      m.tel,
      (t) => detail.phonesShown[t.value] ?? t.value,
      typeOf,
      (t, shown) => ({
        // Tapping a number calls it, as on any phone; Message writes to it.
        value: h(
          'button',
          {
            class: 'value link',
            attrs: { type: 'button', 'aria-label': `Call ${shown}` },
            on: { click: () => startActivity('dial', t.value) },
          },
          shown,
        ),
        buttons: [
          h(
            'button',
            {
              class: 'field-action',
              attrs: { type: 'button', 'aria-label': `Call ${name} on ${shown}` },
              on: { click: () => startActivity('dial', t.value) },
            },
            'Call',
          ),
          h(
            'button',
            {
              class: 'field-action',
              attrs: { type: 'button', 'aria-label': `Message ${name} on ${shown}` },
              on: { click: () => startActivity('message', t.value) },
            },
            'Message',
          ),
        ],
      }),
    );
    many(
      'Email',
      m.email,
      (e) => e.value,
      typeOf,
      (e, shown) => ({
        value: h(
          'a',
          {
            class: 'value',
            attrs: { href: `mailto:${e.value}`, 'aria-label': `Email ${shown}` },
            on: {
              click: (event) => {
                // A sandboxed frame cannot leave for a mail app: the shell opens it (or says it would).
                event.preventDefault();
                startActivity('mail', e.value);
              },
            },
          },
          shown,
        ),
        buttons: [],
      }),
    );
    single('Organisation', m.org);
    single('Department', m.department);
    single('Job title', m.jobTitle);
    many(
      'Nickname',
      m.nickname,
      (n) => n,
      () => undefined,
    );
    if (m.bday !== undefined) {
      fields.append(
        h(
          'div',
          { class: 'field' },
          h('dt', {}, 'Birthday'),
          h(
            'dd',
            {},
            h('span', { class: 'value' }, dateText(m.bday.value)),
            sourceBadge(names, m.bday.source),
          ),
        ),
      );
    }
    many(
      'Address',
      m.adr,
      (a) => [a.street, a.locality, a.region, a.postalCode, a.countryName].filter(Boolean).join(', '),
      typeOf,
    );
    many('Web', m.url, (u) => u.value, typeOf);
    single('Note', m.note);

    const sources = h(
      'ul',
      { class: 'source-list', attrs: { 'aria-label': 'Sources of this contact' } },
      ...m.sources.map((source, i) =>
        h('li', {}, sourceBadge(names, source), i === 0 && m.sources.length > 1 ? ' (primary)' : ''),
      ),
    );
    const reasons =
      detail.reasons.length === 0
        ? null
        : h(
            'section',
            { class: 'merge-reasons', attrs: { 'aria-label': 'Why these are one contact' } },
            h('h3', {}, 'Why these are one contact'),
            h(
              'ul',
              {},
              ...detail.reasons.map((reason) =>
                h(
                  'li',
                  {},
                  `${sourceName(reason.a, names)} and ${sourceName(reason.b, names)}: `,
                  reason.kind === 'user'
                    ? 'merged by you'
                    : `merged automatically, ${reason.keys.map(reasonText).join(', ')}`,
                ),
              ),
            ),
          );

    const buttons: HTMLButtonElement[] = [];
    if (detail.editable !== undefined) {
      const editable = detail.editable;
      buttons.push(
        h('button', { attrs: { type: 'button' }, on: { click: () => this.actions.edit(editable) } }, 'Edit'),
      );
      buttons.push(
        h(
          'button',
          {
            class: 'danger',
            attrs: { type: 'button' },
            on: { click: () => void this.#delete(editable, name, m.sources, names) },
          },
          'Delete',
        ),
      );
    }
    if (detail.editable === undefined) {
      buttons.push(
        h(
          'button',
          { attrs: { type: 'button' }, on: { click: () => this.actions.editCopy(m.personId) } },
          'Edit',
        ),
      );
    }
    if (m.sources.length > 1) {
      buttons.push(
        h('button', { attrs: { type: 'button' }, on: { click: () => void this.#unmerge(name) } }, 'Unmerge'),
      );
    }
    buttons.push(
      h(
        'button',
        { attrs: { type: 'button' }, on: { click: () => this.actions.pickMergeTarget(m.personId, name) } },
        'Merge with…',
      ),
    );
    const readOnly =
      detail.editable !== undefined
        ? null
        : h(
            'p',
            { class: 'hint', attrs: { 'data-testid': 'read-only' } },
            detail.readOnlyReason !== undefined
              ? `Read-only: ${detail.readOnlyReason}.`
              : `This contact comes from ${m.sources.map((source) => sourceName(source, names)).join(' and ')}.`,
            ' Editing it keeps your changes in your phone contacts, linked to it.',
          );

    const suggestions = h(
      'section',
      { class: 'suggestions', attrs: { 'aria-label': 'Possible duplicates', 'aria-busy': 'true' } },
      h('h3', {}, 'Possible duplicates'),
      h('p', { class: 'hint' }, 'Looking…'),
    );
    replaceChildren(
      this.element,
      this.#bar(name),
      h(
        'div',
        { class: 'detail-head' },
        avatar,
        h('p', { class: 'detail-name', attrs: { 'data-testid': 'detail-name' } }, name),
      ),
      h('div', { class: 'actions' }, ...buttons),
      readOnly,
      fields,
      h('h3', {}, 'Sources'),
      sources,
      reasons,
      suggestions,
    );
    void this.#loadSuggestions(m.personId, suggestions);
  }

  async #loadSuggestions(personId: string, host: HTMLElement): Promise<void> {
    let found: MergeSuggestion[];
    try {
      found = await this.api.suggestions(personId);
    } catch (error) {
      replaceChildren(
        host,
        h('h3', {}, 'Possible duplicates'),
        h('p', { class: 'hint' }, error instanceof Error ? error.message : String(error)),
      );
      host.removeAttribute('aria-busy');
      return;
    }
    if (personId !== this.#personId) return;
    host.removeAttribute('aria-busy');
    if (found.length === 0) {
      replaceChildren(host, h('h3', {}, 'Possible duplicates'), h('p', { class: 'hint' }, 'None found.'));
      return;
    }
    replaceChildren(
      host,
      h('h3', {}, 'Possible duplicates'),
      h(
        'ul',
        {},
        ...found.map((s) =>
          h(
            'li',
            { class: 'suggestion', attrs: { 'data-person-id': s.personId } },
            h(
              'button',
              {
                class: 'link',
                attrs: { type: 'button' },
                on: { click: () => this.actions.openPerson(s.personId) },
              },
              s.displayName,
            ),
            h(
              'span',
              { class: 'reasons' },
              `${s.reasons.length === 0 ? 'similar name' : s.reasons.map(reasonText).join(', ')} (score ${s.score})`,
            ),
            h(
              'span',
              { class: 'suggestion-buttons' },
              h(
                'button',
                {
                  attrs: { type: 'button', 'aria-label': `Merge with ${s.displayName}` },
                  on: { click: () => void this.#merge(s) },
                },
                'Merge',
              ),
              h(
                'button',
                {
                  attrs: { type: 'button', 'aria-label': `${s.displayName} is someone else` },
                  on: { click: () => void this.#dismiss(s) },
                },
                'Not the same',
              ),
            ),
          ),
        ),
      ),
    );
  }

  async #merge(s: MergeSuggestion): Promise<void> {
    try {
      const merged = await this.api.merge([this.#personId, s.personId]);
      this.actions.notify(`Merged with ${s.displayName}.`);
      this.actions.openPerson(merged);
    } catch (error) {
      this.actions.notify(`Could not merge: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #dismiss(s: MergeSuggestion): Promise<void> {
    try {
      await this.api.dismissSuggestion(this.#personId, s.personId);
      this.actions.notify(`${s.displayName} will not be suggested again.`);
      await this.show(this.#personId);
    } catch (error) {
      this.actions.notify(`Could not dismiss: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #restore(localId: string, name: string): Promise<void> {
    try {
      const result = await this.api.restore(localId);
      if (!result.ok) {
        this.actions.notify(`Could not restore ${name}: ${result.errors.map((e) => e.message).join('; ')}`);
        return;
      }
      this.actions.notify(`${name} restored.`);
      if (result.personId !== undefined) this.actions.openPerson(result.personId);
    } catch (error) {
      this.actions.notify(`Could not restore: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #unmerge(name: string): Promise<void> {
    if (!(await confirmDialog(document.body, `Split ${name} back into its sources?`, 'Unmerge'))) return;
    try {
      const people = await this.api.unmerge(this.#personId);
      this.actions.notify(`${name} is now ${people.length} separate contacts.`);
      this.actions.back();
    } catch (error) {
      this.actions.notify(`Could not unmerge: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #delete(
    source: SourceRef,
    name: string,
    sources: readonly SourceRef[],
    names: Readonly<Record<string, string>>,
  ): Promise<void> {
    const question = deleteQuestion(name, sources, source.provider, names);
    if (!(await confirmDialog(document.body, question, 'Delete'))) return;
    const where = source.provider === 'local' ? 'Phone contacts' : sourceName(source, names);
    const stays = sources.some((s) => s.provider !== source.provider);
    try {
      await this.api.remove(source.provider, source.contactId);
      const done = stays ? `${name} deleted from ${where}.` : `${name} deleted.`;
      // Undo puts the phone's own record back under its own id. A CardDAV card deleted is gone from its
      // server (a new card would not be the one the merges name): no Undo is offered rather than a false one.
      if (source.provider === 'local') {
        const localId = source.contactId;
        this.actions.notify(done, { label: 'Undo', run: () => void this.#restore(localId, name) });
      } else {
        this.actions.notify(done);
      }
      this.actions.back();
    } catch (error) {
      this.actions.notify(`Could not delete: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
