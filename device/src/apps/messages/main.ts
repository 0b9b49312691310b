import type { MessagesAppApi } from '../../protocol/messagesApi';
import { onActivity } from '../../ui/activities';
import { connectToEngine, storageIsolation } from '../../ui/appChannel';
import { announce, h } from '../../ui/dom';
import { handleEscape } from '../../ui/escapeKey';
import { ComposeView } from './composeView';
import { ThreadList } from './threadList';
import { ThreadView } from './threadView';

/**
 * The Messages app: conversations titled with the names of their numbers and addresses, a new message
 * with a recipient search, and a conversation view. It runs in a sandboxed frame and reads contacts
 * only through its engine, at the level the shell gave it (privileged): no facebook-sim data.
 */
const root = document.getElementById('app')!;
document.body.dataset.storage = storageIsolation();
const live = h('div', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });

const api = await connectToEngine<MessagesAppApi>();

type View = 'list' | 'compose' | 'thread';
const views = new Map<View, HTMLElement>();

function show(view: View): void {
  for (const [name, element] of views) element.hidden = name !== view;
  document.body.dataset.view = view;
}

const list = new ThreadList(api, (threadId) => void openThread(threadId));
const thread = new ThreadView(api, () => backToList());
const compose = new ComposeView(
  api,
  () => backToList(),
  (threadIds) => {
    announce(live, threadIds.length === 1 ? 'Message sent.' : `Message sent to ${threadIds.length} people.`);
    if (threadIds.length === 1) void openThread(threadIds[0]!);
    else backToList();
  },
);

async function openThread(threadId: string): Promise<void> {
  show('thread');
  await thread.show(threadId);
  thread.focusReply();
}

function backToList(): void {
  show('list');
  void list.refresh().then(() => list.focusFirst());
}

const header = h(
  'header',
  { class: 'app-bar' },
  h('h1', {}, 'Messages'),
  h(
    'div',
    { class: 'app-bar-buttons' },
    h(
      'button',
      {
        class: 'primary',
        attrs: { type: 'button', 'aria-label': 'New message' },
        on: {
          click: () => {
            show('compose');
            compose.start();
          },
        },
      },
      '✎',
    ),
  ),
);
views.set('list', h('div', { class: 'view' }, header, list.element));
views.set('compose', h('div', { class: 'view' }, compose.element));
views.set('thread', h('div', { class: 'view' }, thread.element));
root.append(...views.values(), live);
show('list');
void list.refresh();
root.querySelector<HTMLButtonElement>('button[aria-label="New message"]')?.focus();
handleEscape(() => {
  if (document.body.dataset.view === 'list') return false;
  backToList();
  return true;
});

// "Message" on a contact's number: a new message to it.
onActivity((activity) => {
  if (activity.name !== 'message') return;
  show('compose');
  void compose.startTo(activity.value);
});

api.subscribe(() => {
  void list.refresh();
  if (document.body.dataset.view === 'thread') void thread.show(thread.threadId);
});
