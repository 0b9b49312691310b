import type { SourceRef } from '@gcds/shared';
import type { ContactsAppApi } from '../../protocol/contactsApi';
import { onActivity } from '../../ui/activities';
import { connectToEngine, storageIsolation } from '../../ui/appChannel';
import { announce, h } from '../../ui/dom';
import { handleEscape } from '../../ui/escapeKey';
import { AddNumberPicker } from './addNumberPicker';
import { ContactDetail } from './contactDetail';
import { ContactForm, type FormStart } from './contactForm';
import { ContactList } from './contactList';
import { HiddenContacts } from './hiddenContacts';
import { ImportView } from './importView';
import { ListSettings } from './listSettings';
import { MergeAndFix } from './mergeAndFix';
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
const toast = h('div', { class: 'toast', attrs: { 'data-testid': 'toast' } });
toast.hidden = true;
document.body.dataset.storage = storageIsolation();

const api = await connectToEngine<ContactsAppApi>();
const photos = new PhotoCache(api);

type View = 'list' | 'detail' | 'form' | 'import' | 'merge' | 'add-number' | 'fix' | 'settings' | 'hidden';
const views = new Map<View, HTMLElement>();

/** How long a toast with an action (Undo) stays: long enough to read it and reach the button. */
const ACTION_TOAST_MS = 8000;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function notify(message: string, action?: { label: string; run: () => void }): void {
  const text = h('span', { class: 'toast-text' }, message);
  const button =
    action === undefined
      ? null
      : h(
          'button',
          {
            class: 'toast-action',
            attrs: { type: 'button' },
            on: {
              click: () => {
                toast.hidden = true;
                action.run();
              },
            },
          },
          action.label,
        );
  toast.replaceChildren(text, ...(button === null ? [] : [button]));
  toast.hidden = false;
  announce(live, action === undefined ? message : `${message} ${action.label} is on the message.`);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(
    () => {
      toast.hidden = true;
    },
    action === undefined ? 4000 : ACTION_TOAST_MS,
  );
}

function show(view: View): void {
  for (const [name, element] of views) element.hidden = name !== view;
  document.body.dataset.view = view;
}

const list = new ContactList(api, photos, (personId) => void openPerson(personId));
const detail = new ContactDetail(api, photos, {
  back: () => backToList(),
  deleted: () => backToFreshList(),
  edit: (source) => void openForm(source),
  editCopy: (personId) => void openForm(undefined, { copyOf: personId }),
  openPerson: (personId) => void openPerson(personId),
  pickMergeTarget: (personId, name) => {
    show('merge');
    picker.show(personId, name);
  },
  notify,
});
const form = new ContactForm(
  api,
  photos,
  (personId, message) => {
    notify(message);
    // A saved contact is not what the old search was for: the list comes back whole.
    list.clearSearch();
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

const addNumber = new AddNumberPicker(
  api,
  () => backToList(),
  (personId, number) => void addNumberTo(personId, number),
);

/** The chosen contact in the form with the number added: its local record, or a linked copy of it. */
async function addNumberTo(personId: string, number: string): Promise<void> {
  // Into the record Edit would change (the phone's own, or a writable address book's card), else a
  // linked local copy of an import.
  const editable = (await api.detail(personId))?.editable;
  if (editable === undefined) await openForm(undefined, { copyOf: personId, addNumber: number }, personId);
  else await openForm(editable, { addNumber: number }, personId);
}

const fix = new MergeAndFix(api, () => backToList(), notify);
const settings = new ListSettings(
  api,
  () => backToList(),
  (message) => {
    notify(message);
    void list.reload();
  },
);
const hidden = new HiddenContacts(api, () => backToList(), notify);

let formFrom: string | undefined;

/** Leaving the form unsaved goes back where it was opened from: the contact edited, or the list. */
function cancelForm(): void {
  if (formFrom === undefined) backToList();
  else void openPerson(formFrom);
}

/** `from`: the person Cancel goes back to (by default the one on the detail, when editing). */
async function openForm(source?: SourceRef, start: FormStart = {}, from?: string): Promise<void> {
  formFrom = from ?? (source === undefined && start.copyOf === undefined ? undefined : detail.personId);
  show('form');
  await form.show(source, formFrom === undefined ? start : { personId: formFrom, ...start });
}

function backToList(): void {
  show('list');
  list.focusSearch();
}

function backToFreshList(): void {
  list.clearSearch();
  backToList();
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
        attrs: { type: 'button', 'aria-label': 'Merge and fix duplicates' },
        on: {
          click: () => {
            show('fix');
            void fix.show();
          },
        },
      },
      '⧉',
    ),
    h(
      'button',
      {
        attrs: { type: 'button', 'aria-label': 'Settings' },
        on: {
          click: () => {
            show('settings');
            void settings.show();
          },
        },
      },
      '⚙',
    ),
    h(
      'button',
      {
        attrs: { type: 'button', 'aria-label': 'Hidden contacts' },
        on: {
          click: () => {
            show('hidden');
            void hidden.show();
          },
        },
      },
      '◌',
    ),
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
views.set('add-number', h('div', { class: 'view' }, addNumber.element));
views.set('fix', h('div', { class: 'view' }, fix.element));
views.set('settings', h('div', { class: 'view' }, settings.element));
views.set('hidden', h('div', { class: 'view' }, hidden.element));
root.append(...views.values(), toast, live);
show('list');
list.mount();

// From the Phone app, for a number no contact has: a new contact with it, or an existing one.
onActivity((activity) => {
  if (activity.name === 'new-contact') {
    void openForm(undefined, { addNumber: activity.value });
  } else if (activity.name === 'add-to-contact') {
    show('add-number');
    addNumber.show(activity.value);
  }
});

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
  if (
    view === 'detail' ||
    view === 'import' ||
    view === 'add-number' ||
    view === 'fix' ||
    view === 'settings' ||
    view === 'hidden'
  )
    backToList();
  else if (view === 'form') cancelForm();
  else if (view === 'merge') void openPerson(detail.personId);
  else return list.clearSearch();
  return true;
});
list.focusSearch();
