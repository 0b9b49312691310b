import type { ContactAddress, ContactDraft, SourceRef } from '@gcds/shared';
import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, FieldError, SaveResult, SaveTarget } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { viewBar } from '../../ui/viewBar';
import { dateInputValue, partialDateOf } from './formDates';
import { type PhoneTypeField, phoneTypeField } from './phoneTypeField';
import type { PhotoCache } from './photoCache';
import { PhotoField } from './photoField';

const PHONE_ROWS = 3;
const EMAIL_ROWS = 2;

interface Input {
  field: string;
  input: HTMLInputElement | HTMLTextAreaElement;
  error: HTMLElement;
}

let nextId = 0;

/** How the form opens besides a local record to edit. */
export interface FormStart {
  /** A number to add (the Phone app's "Create contact" or "Add to an existing contact"). */
  addNumber?: string;
  /** A person with no local record (an import): the first save copies it into the phone's contacts, linked. */
  copyOf?: string;
  /** The person being edited, whose photo the form shows. */
  personId?: string;
}

/** The address fields the form edits (the first address; any others stay as they were). */
type AddressLine = 'street' | 'locality' | 'region' | 'postalCode' | 'countryName';
const ADDRESS_FIELDS: ReadonlyArray<[AddressLine, string]> = [
  ['street', 'Street'],
  ['locality', 'City'],
  ['region', 'Region'],
  ['postalCode', 'Postcode'],
  ['countryName', 'Country'],
];

/**
 * Create or edit a contact. A new one goes where the "Save to" picker says (shown when a writable
 * CardDAV account exists: the account by default, or the phone); an edit goes to the provider that
 * holds the contact. The provider validates; its messages are shown next to the field they name
 * (`tel[1].value`), and a message about the whole contact above the form.
 */
export class ContactForm {
  readonly element: HTMLElement;
  #inputs: Input[] = [];
  #telRows: Array<{ value: Input; type: PhoneTypeField }> = [];
  #photo: PhotoField | undefined;
  #emailRows: Input[] = [];
  #formError!: HTMLElement;
  #editing: SourceRef | undefined;
  #copyOf: string | undefined;
  #targets: SaveTarget[] = [];
  #target: HTMLSelectElement | undefined;

  constructor(
    private readonly api: EngineRemote<ContactsAppApi>,
    private readonly photos: PhotoCache,
    private readonly done: (personId: string | undefined, message: string) => void,
    private readonly cancel: () => void,
  ) {
    this.element = h('section', { class: 'form-view', attrs: { 'aria-label': 'Contact form' } });
  }

  async show(editing?: SourceRef, start: FormStart = {}): Promise<void> {
    this.#editing = editing;
    this.#copyOf = editing === undefined ? start.copyOf : undefined;
    const copyOf = this.#copyOf;
    // The previous form must not stay on screen while this one loads: typing into it would be lost.
    replaceChildren(this.element, h('p', { attrs: { role: 'status' } }, 'Loading…'));
    const [found, targets] = await Promise.all([
      editing !== undefined
        ? this.api.editableContact(editing.provider, editing.contactId)
        : copyOf !== undefined
          ? this.api.copyDraft(copyOf)
          : Promise.resolve({}),
      // A linked copy goes to the phone's own contacts: the picker is for a new contact only.
      editing === undefined && copyOf === undefined ? this.api.saveTargets() : Promise.resolve([]),
    ]);
    const draft: ContactDraft = found ?? {};
    if (start.addNumber !== undefined) {
      // The new number in the first empty row, typed as a mobile (what a call log's numbers mostly are).
      draft.tel = [...(draft.tel ?? []), { value: start.addNumber, type: ['cell'] }];
    }
    this.#targets = targets;
    const photo = draft.photo;
    this.#photo = new PhotoField(
      photo === undefined || start.personId === undefined
        ? undefined
        : this.photos.get(start.personId, photo.thumbnailId ?? photo.id),
    );
    this.#build(draft, editing === undefined && copyOf === undefined ? 'New contact' : 'Edit contact');
  }

  /** Where this form saves to: the record edited, a linked phone copy, or the picked target. */
  #savesToPhone(): boolean {
    if (this.#editing !== undefined) return this.#editing.provider === 'local';
    if (this.#copyOf !== undefined) return true;
    return (this.#target?.value ?? this.#targets[0]?.provider ?? 'local') === 'local';
  }

  /** "Save to: <account> / Phone", only when there is a choice to make. */
  #targetPicker(): HTMLElement | null {
    this.#target = undefined;
    if (this.#targets.length < 2) return null;
    const id = `f${++nextId}`;
    this.#target = h(
      'select',
      {
        attrs: { id, name: 'saveTo', 'data-testid': 'save-to' },
        on: {
          change: () => {
            if (this.#photo !== undefined) this.#photo.element.hidden = !this.#savesToPhone();
          },
        },
      },
      ...this.#targets.map((target, i) =>
        h('option', { attrs: { value: target.provider, selected: i === 0 } }, target.name),
      ),
    );
    return h('div', { class: 'form-field' }, h('label', { attrs: { for: id } }, 'Save to'), this.#target);
  }

  #field(field: string, value: string, options: { type?: string; multiline?: boolean } = {}): Input {
    const id = `f${++nextId}`;
    const error = h('span', { class: 'field-error', attrs: { id: `${id}-error`, role: 'alert' } });
    const input = options.multiline
      ? h('textarea', { attrs: { id, rows: 2, 'aria-describedby': `${id}-error`, name: field }, value })
      : h('input', {
          attrs: {
            id,
            type: options.type ?? 'text',
            'aria-describedby': `${id}-error`,
            name: field,
            autocomplete: 'off',
          },
          value,
        });
    const entry = { field, input, error };
    this.#inputs.push(entry);
    return entry;
  }

  #labelled(entry: Input, label: string): HTMLElement {
    return h(
      'div',
      { class: 'form-field' },
      h('label', { attrs: { for: entry.input.id } }, label),
      entry.input,
      entry.error,
    );
  }

  #build(draft: ContactDraft, title: string): void {
    this.#inputs = [];
    this.#formError = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    const given = this.#field('given', draft.given ?? '');
    const family = this.#field('family', draft.family ?? '');
    const org = this.#field('org', draft.org ?? '');
    const job = this.#field('jobTitle', draft.jobTitle ?? '');
    const note = this.#field('note', draft.note ?? '', { multiline: true });
    const bday = this.#field('bday', dateInputValue(draft.bday), { type: 'date' });
    const address = draft.adr?.[0];
    const addressInputs = ADDRESS_FIELDS.map(([key, label]) => ({
      input: this.#field(`adr.${key}`, address?.[key] ?? ''),
      label,
    }));
    this.#telRows = Array.from({ length: Math.max(PHONE_ROWS, draft.tel?.length ?? 0) }, (_, i) => {
      const tel = draft.tel?.[i];
      const value = this.#field(`tel.${i}`, tel?.value ?? '', { type: 'tel' });
      return { value, type: phoneTypeField(tel, i) };
    });
    this.#emailRows = Array.from({ length: Math.max(EMAIL_ROWS, draft.email?.length ?? 0) }, (_, i) =>
      this.#field(`email.${i}`, draft.email?.[i]?.value ?? '', { type: 'email' }),
    );
    const form = h(
      'form',
      {
        attrs: { novalidate: true, 'aria-label': title },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.#save(draft);
          },
        },
      },
      this.#formError,
      this.#targetPicker(),
      this.#copyOf === undefined
        ? null
        : h(
            'p',
            { class: 'hint', attrs: { 'data-testid': 'copy-hint' } },
            'Saving keeps your changes in your phone contacts, linked to the imported contact, which stays as it was.',
          ),
      this.#labelled(given, 'First name'),
      this.#labelled(family, 'Last name'),
      ...this.#telRows.map((row, i) =>
        h(
          'div',
          { class: 'form-field phone-row' },
          h('label', { attrs: { for: row.value.input.id } }, `Phone ${i + 1}`),
          h('div', { class: 'inline' }, row.value.input, row.type.select, row.type.custom),
          row.value.error,
        ),
      ),
      ...this.#emailRows.map((row, i) => this.#labelled(row, `Email ${i + 1}`)),
      this.#labelled(org, 'Organisation'),
      this.#labelled(job, 'Job title'),
      this.#labelled(bday, 'Birthday'),
      h(
        'fieldset',
        { class: 'form-group' },
        h('legend', {}, 'Address'),
        ...addressInputs.map(({ input, label }) => this.#labelled(input, label)),
      ),
      this.#photo?.element ?? null,
      this.#labelled(note, 'Note'),
      h(
        'div',
        { class: 'form-buttons' },
        h('button', { attrs: { type: 'button' }, on: { click: () => this.cancel() } }, 'Cancel'),
        h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Save'),
      ),
    );
    replaceChildren(
      this.element,
      viewBar('Cancel and go back', () => this.cancel(), h('h2', { class: 'view-title' }, title)),
      form,
    );
    if (this.#photo !== undefined) this.#photo.element.hidden = !this.#savesToPhone();
    given.input.focus();
  }

  #value(field: string): string {
    return this.#inputs.find((i) => i.field === field)?.input.value.trim() ?? '';
  }

  async #save(before: ContactDraft): Promise<void> {
    for (const input of this.#inputs) {
      input.error.textContent = '';
      input.input.removeAttribute('aria-invalid');
    }
    this.#formError.textContent = '';
    // Empty rows are left out; remember which row each entry came from to place its error.
    const telRows = this.#telRows.filter((row) => row.value.input.value.trim() !== '');
    const emailRows = this.#emailRows.filter((row) => row.input.value.trim() !== '');
    const text = (field: string) => this.#value(field) || undefined;
    const draft: ContactDraft = {
      given: text('given'),
      family: text('family'),
      org: text('org'),
      jobTitle: text('jobTitle'),
      note: text('note'),
      tel: telRows.map((row) => {
        const previous = before.tel?.find((t) => t.value === row.value.input.value.trim());
        const { type: _type, label: _label, ...kept } = previous ?? { value: '' };
        return { ...kept, value: row.value.input.value.trim(), ...row.type.value(previous) };
      }),
      email: emailRows.map((row) => ({ value: row.input.value.trim() })),
      bday: this.#birthday(before),
      adr: this.#addresses(before),
    };
    const editing = this.#editing;
    const target = this.#target?.value ?? this.#targets[0]?.provider;
    const result =
      editing !== undefined
        ? await this.api.update(editing.provider, editing.contactId, draft)
        : this.#copyOf !== undefined
          ? await this.api.createLinked(this.#copyOf, draft)
          : await this.api.create(draft, target);
    if (result.ok) {
      const name = [draft.given, draft.family].filter(Boolean).join(' ') || draft.org || 'Contact';
      const photo = await this.#savePhoto(result);
      if (photo !== undefined && !photo.ok) {
        this.#formError.textContent = `Saved, but the photo was not: ${photo.errors.map((e) => e.message).join('; ')}`;
        this.#formError.setAttribute('tabindex', '-1');
        this.#formError.focus();
        return;
      }
      this.done(photo?.personId ?? result.personId, `${name} saved.`);
      return;
    }
    this.#showErrors(
      result.errors,
      telRows.map((r) => r.value),
      emailRows,
    );
  }

  /** The photo picked or removed, on the phone contact just saved (photos are the phone's only). */
  async #savePhoto(saved: SaveResult & { ok: true }): Promise<SaveResult | undefined> {
    if (this.#photo?.changed !== true || saved.source.provider !== 'local') return undefined;
    return this.#photo.apply(this.api, saved.source.contactId);
  }

  /** The birthday typed, or the one the contact had when the input was left as it was shown. */
  #birthday(before: ContactDraft): ContactDraft['bday'] {
    const typed = this.#value('bday');
    if (typed === dateInputValue(before.bday)) return before.bday;
    return partialDateOf(typed);
  }

  /** The first address as typed (its type kept), then any others the contact had, as they were. */
  #addresses(before: ContactDraft): ContactDraft['adr'] {
    const previous = before.adr?.[0];
    const edited: ContactAddress = { ...previous };
    for (const [key] of ADDRESS_FIELDS) {
      const value = this.#value(`adr.${key}`);
      if (value === '') delete edited[key];
      else edited[key] = value;
    }
    const hasText = ADDRESS_FIELDS.some(([key]) => edited[key] !== undefined);
    const rest = before.adr?.slice(1) ?? [];
    const all = hasText ? [edited, ...rest] : rest;
    return all.length === 0 ? undefined : all;
  }

  #showErrors(errors: readonly FieldError[], telInputs: Input[], emailInputs: Input[]): void {
    let first: HTMLElement | undefined;
    const general: string[] = [];
    for (const error of errors) {
      const list = /^(tel|email)\[(\d+)\]/.exec(error.field);
      const target = list
        ? (list[1] === 'tel' ? telInputs : emailInputs)[Number(list[2])]
        : this.#inputs.find((i) => i.field === error.field);
      if (target === undefined) {
        general.push(error.message);
        continue;
      }
      target.error.textContent = error.message;
      target.input.setAttribute('aria-invalid', 'true');
      first ??= target.input;
    }
    if (general.length > 0) {
      this.#formError.textContent = general.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join('. ');
      first ??= this.#formError;
    }
    if (first === this.#formError) this.#formError.setAttribute('tabindex', '-1');
    first?.focus();
  }
}
