import type { PhoneAppApi } from '../../protocol/phoneApi';
import { onActivity } from '../../ui/activities';
import { connectToEngine, storageIsolation } from '../../ui/appChannel';
import { announce, h } from '../../ui/dom';
import { handleEscape } from '../../ui/escapeKey';
import { tabs } from '../../ui/tabs';
import { CallDetails } from './callDetails';
import { CallScreen } from './callScreen';
import { KeypadView } from './keypadView';
import { RecentsView } from './recentsView';

/**
 * The Phone app: keypad with suggestions, caller ID on a simulated incoming call, and the call log with
 * names. It runs in a sandboxed frame and reads contacts only through its engine, at the level the
 * shell gave it (privileged): numbers known only from facebook-sim stay unnamed here.
 */
const root = document.getElementById('app')!;
document.body.dataset.storage = storageIsolation();
const live = h('div', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
const toast = h('p', { class: 'toast', attrs: { 'data-testid': 'toast' } });
toast.hidden = true;

const api = await connectToEngine<PhoneAppApi>();

function notify(message: string): void {
  toast.textContent = message;
  toast.hidden = false;
  announce(live, message);
  setTimeout(() => {
    if (toast.textContent === message) toast.hidden = true;
  }, 4000);
}

const failed = (what: string) => (error: unknown) =>
  notify(`${what}: ${error instanceof Error ? error.message : String(error)}`);

const callScreen = new CallScreen(api, (message) => {
  notify(message);
  void recents.refresh();
});
const keypad = new KeypadView(api, {
  call: (number) => void callScreen.outgoing(number).catch(failed('Could not call')),
  ring: (number) => void callScreen.incoming(number).catch(failed('Could not ring')),
  notify,
});
const details = new CallDetails(
  () => closeDetails(),
  (number) => void callScreen.outgoing(number).catch(failed('Could not call')),
);
const recents = new RecentsView(api, (calls) => {
  main.hidden = true;
  detailsView.hidden = false;
  document.body.dataset.view = 'call-details';
  details.show(calls);
});

function closeDetails(): void {
  details.hide();
  detailsView.hidden = true;
  main.hidden = false;
  document.body.dataset.view = 'recents';
  recents.element.querySelector<HTMLElement>('button')?.focus();
}

const tabBar = tabs(
  'Phone',
  [
    { id: 'keypad', label: 'Keypad', panel: keypad.element },
    { id: 'recents', label: 'Recents', panel: recents.element },
  ],
  (id) => {
    document.body.dataset.view = id;
    if (id === 'recents') void recents.refresh();
  },
);

const main = h(
  'div',
  { class: 'view' },
  h('header', { class: 'app-bar' }, h('h1', {}, 'Phone')),
  tabBar.element,
  keypad.element,
  recents.element,
);
// Hidden with the details: an empty view would still take its share of the screen from the keypad.
const detailsView = h('div', { class: 'view' }, details.element);
detailsView.hidden = true;
root.append(main, detailsView, callScreen.element, toast, live);
tabBar.show('keypad');
keypad.focus();
// During a call Escape does nothing (a call ends with its own buttons); in details it goes back.
handleEscape(() => {
  if (callScreen.active) return true;
  if (!details.element.hidden) {
    closeDetails();
    return true;
  }
  return false;
});

// A contact's Call button (or a tapped number): the number on the keypad, and the call placed.
onActivity((activity) => {
  if (activity.name !== 'dial' || callScreen.active) return;
  if (!details.element.hidden) closeDetails();
  tabBar.show('keypad');
  keypad.dial(activity.value);
  void callScreen.outgoing(activity.value).catch(failed('Could not call'));
});

api.subscribe(() => {
  void keypad.refresh();
  void recents.refresh();
  void callScreen.refresh();
});
