import type { SourceRef } from '@gcds/shared';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { connectToEngine, storageIsolation } from '../../ui/appChannel';
import { announce, h } from '../../ui/dom';
import { handleEscape } from '../../ui/escapeKey';
import { ContactDetail } from './contactDetail';
import { ContactForm } from './contactForm';
import { ContactList } from './contactList';
import { ImportView } from './importView';
import { MergePicker } from './mergePicker';
import { PhotoCache } from './photoCache';

/**
 * The Contacts app. It runs in a sandboxed frame with an opaque origin and reaches data only through
 * the port the shell handed it: its engine's API, at the level the shell gave it.
 */
const root = document.getElementById('app')!;
const live = h('div', {
  class: 'sr-only',
  attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' },
});
const toast = h('p', { class: 'toast', attrs: { 'data-testid': 'toast' } });
toast.hidden = true;
document.body.dataset.storage = storageIsolation();

const api = await connectToEngine<ContactsAppApi>();
const photos = new PhotoCache(api);

type View = 'list' | 'detail' | 'form' | 'import' | 'merge';
const views = new Map<View, HTMLElement>();

function notify(message: string): void {
  toast.textContent = message;
  toast.hidden = false;
  announce(live, message);
  setTimeout(() => {
    if (toast.textContent === message) toast.hidden = true;
  }, 4000);
}

function show(view: View): void {
  for (const [name, element] of views) element.hidden = name !== view;
  document.body.dataset.view = view;
}

const list = new ContactList(api, photos, (personId) => void openPerson(personId));
const detail = new ContactDetail(api, photos, {
  back: () => backToList(),
  edit: (source) => void openForm(source),
  openPerson: (personId) => void openPerson(personId),
  pickMergeTarget: (personId, name) => {
    show('merge');
    picker.show(personId, name);
  },
  notify,
});
const form = new ContactForm(
  api,
  (personId, message) => {
    notify(message);
    if (personId === undefined) backToList();
    else void openPerson(personId);
  },
  () => cancelForm(),
);
const importView = new ImportView(api, () => backToList());
const picker = new MergePicker(
  api,
  () => void openPerson(detail.personId),
  (personId, message) => {
    notify(message);
    void openPerson(personId);
  },
);

async function openPerson(personId: string): Promise<void> {
  show('detail');
  await detail.show(personId);
  detail.element.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
  detail.element.querySelector<HTMLElement>('h2')?.focus();
}

let formFrom: string | undefined;

/** Leaving the form unsaved goes back where it was opened from: the contact edited, or the list. */
function cancelForm(): void {
  if (formFrom === undefined) backToList();
  else void openPerson(formFrom);
}

async function openForm(source?: SourceRef): Promise<void> {
  formFrom = source === undefined ? undefined : detail.personId;
  show('form');
  await form.show(source);
}

function backToList(): void {
  show('list');
  list.focusSearch();
}

const header = h(
  'header',
  { class: 'app-bar' },
  h('h1', {}, 'Contacts'),
  h(
    'div',
    { class: 'app-bar-buttons' },
    h(
      'button',
      {
        attrs: { type: 'button', 'aria-label': 'Import or export vCard' },
        on: { click: () => show('import') },
      },
      '⇅',
    ),
    h(
      'button',
      {
        class: 'primary',
        attrs: { type: 'button', 'aria-label': 'Add contact' },
        on: { click: () => void openForm() },
      },
      '+',
    ),
  ),
);
const listView = h('div', { class: 'view' }, header, list.element);
views.set('list', listView);
views.set('detail', h('div', { class: 'view' }, detail.element));
views.set('form', h('div', { class: 'view' }, form.element));
views.set('import', h('div', { class: 'view' }, importView.element));
views.set('merge', h('div', { class: 'view' }, picker.element));
root.append(...views.values(), toast, live);
show('list');
list.mount();

api.subscribe(() => {
  void list.reload();
  if (document.body.dataset.view === 'detail') void detail.refresh();
});

document.addEventListener('keydown', (event) => {
  if (
    event.key === '/' &&
    document.activeElement?.tagName !== 'INPUT' &&
    document.activeElement?.tagName !== 'TEXTAREA'
  ) {
    event.preventDefault();
    backToList();
  }
});

handleEscape(() => {
  const view = document.body.dataset.view;
  if (view === 'detail' || view === 'import') backToList();
  else if (view === 'form') cancelForm();
  else if (view === 'merge') void openPerson(detail.personId);
  else return list.clearSearch();
  return true;
});
list.focusSearch();
