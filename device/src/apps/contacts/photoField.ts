import type { EngineRemote } from '../../protocol/appRpc';
import type { ContactsAppApi, SaveResult } from '../../protocol/contactsApi';
import { h, replaceChildren } from '../../ui/dom';
import { shrinkPhoto } from './photoShrink';

type PhotoChange =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'new'; bytes: Uint8Array; mediaType: string; url: string };

/**
 * The form's photo: a file picker (images only), the picture shrunk once to a square thumbnail in the
 * app (see `shrinkPhoto`) and shown before saving, and Remove. Photos are kept for the phone's own
 * contacts: the form hides the field for an account's.
 */
export class PhotoField {
  readonly element: HTMLElement;
  readonly #preview: HTMLElement;
  readonly #remove: HTMLButtonElement;
  readonly #error: HTMLElement;
  readonly #input: HTMLInputElement;
  #change: PhotoChange = { kind: 'keep' };
  #hadPhoto: boolean;

  constructor(current: Promise<string | undefined> | undefined) {
    this.#hadPhoto = current !== undefined;
    this.#preview = h('span', { class: 'avatar-slot large', attrs: { 'data-testid': 'form-photo' } });
    this.#error = h('span', { class: 'field-error', attrs: { role: 'alert' } });
    this.#input = h('input', {
      class: 'photo-input',
      attrs: { type: 'file', accept: 'image/*', 'aria-label': 'Choose a photo', name: 'photo' },
      on: { change: () => void this.#picked() },
    });
    this.#remove = h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => this.#removePhoto() } },
      'Remove photo',
    );
    this.#remove.hidden = !this.#hadPhoto;
    void current?.then((url) => {
      if (url !== undefined && this.#change.kind === 'keep') this.#show(url);
    });
    this.element = h(
      'div',
      { class: 'form-field photo-field' },
      h('span', { class: 'label' }, 'Photo'),
      h('div', { class: 'inline' }, this.#preview, this.#input, this.#remove),
      this.#error,
    );
  }

  /** Whether the user picked or removed a photo. */
  get changed(): boolean {
    return this.#change.kind !== 'keep';
  }

  /** Applies the change to the saved phone contact: the photo stored (with its thumbnail), or removed. */
  async apply(api: EngineRemote<ContactsAppApi>, localId: string): Promise<SaveResult | undefined> {
    const change = this.#change;
    if (change.kind === 'new') return api.setPhoto(localId, change.bytes, change.mediaType);
    if (change.kind === 'remove') return api.removePhoto(localId);
    return undefined;
  }

  async #picked(): Promise<void> {
    const file = this.#input.files?.[0];
    this.#error.textContent = '';
    if (file === undefined) return;
    try {
      const shrunk = await shrinkPhoto(file);
      const url = URL.createObjectURL(new Blob([shrunk.bytes as BlobPart], { type: shrunk.mediaType }));
      this.#change = { kind: 'new', ...shrunk, url };
      this.#show(url);
      this.#remove.hidden = false;
    } catch (error) {
      this.#error.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  #removePhoto(): void {
    this.#change = this.#hadPhoto ? { kind: 'remove' } : { kind: 'keep' };
    this.#input.value = '';
    replaceChildren(this.#preview);
    this.#remove.hidden = true;
  }

  #show(url: string): void {
    replaceChildren(
      this.#preview,
      h('img', { class: 'avatar photo', attrs: { src: url, alt: 'Chosen photo' } }),
    );
  }
}
