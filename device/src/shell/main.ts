import { APPS, BUILTIN_PROVIDER_IDS } from '../protocol/deviceConfig';
import { h } from '../ui/dom';
import { AppFrames } from './appFrames';
import { deleteDeviceDatabases } from './deleteDeviceDatabases';
import { Device } from './device';
import {
  DEFAULT_DEVICE_ID,
  deviceConfig,
  hasSavedSettings,
  loadSettings,
  requestedDevice,
  requestedPeople,
  saveSettings,
} from './deviceSettings';
import { EventLog } from './eventLog';
import { icon } from './icons';
import { SystemPanel } from './systemPanel';

/**
 * The shell: the phone's frame with its home screen and app frames, and the system panel beside it.
 * It owns every worker (GCDS, providers, app engines) and decides which ports each app gets.
 */
const log = new EventLog();
let deviceId = DEFAULT_DEVICE_ID;
try {
  // `?device=B` opens a second phone: its own databases, change channel, locks and settings.
  deviceId = requestedDevice(location.search);
} catch (error) {
  log.add('shell', error instanceof Error ? error.message : String(error), 'error');
}
let settings = loadSettings(deviceId);
const config = deviceConfig(deviceId, settings);
try {
  // `?people=N` opens the phone on N demo people: a device that holds another set is wiped first.
  const requested = requestedPeople(location.search);
  if (requested !== undefined && (requested !== settings.people || !hasSavedSettings(deviceId))) {
    if (hasSavedSettings(deviceId)) await deleteDeviceDatabases(config.namespace);
    settings = { people: requested, installed: [...BUILTIN_PROVIDER_IDS], accounts: settings.accounts };
    config.demo.people = requested;
    saveSettings(deviceId, settings);
  }
} catch (error) {
  log.add('shell', error instanceof Error ? error.message : String(error), 'error');
}
const device = new Device(config, settings, log);

const clock = h('span', { class: 'clock', attrs: { 'aria-label': 'Time' } });
const gcdsDot = h('span', { class: 'gcds-dot', attrs: { role: 'status', 'aria-label': 'GCDS starting' } });
const phoneName = deviceId === DEFAULT_DEVICE_ID ? 'GCDS phone' : `GCDS phone ${deviceId}`;
const title = h('span', { class: 'status-title' }, phoneName);
const statusBar = h('div', { class: 'status-bar' }, clock, title, gcdsDot);

const home = h(
  'nav',
  { class: 'home-screen', attrs: { 'aria-label': 'Home screen' } },
  h(
    'ul',
    { class: 'app-grid' },
    ...APPS.map((app) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            class: `app-icon app-${app.appId}`,
            attrs: { type: 'button', 'data-app': app.appId, 'aria-label': `Open ${app.name}` },
            on: { click: () => frames.open(app.appId) },
          },
          h('span', { class: 'icon-tile' }, icon(app.appId)),
          h('span', { class: 'icon-label', attrs: { 'aria-hidden': 'true' } }, app.name),
        ),
      ),
    ),
  ),
  h(
    'p',
    { class: 'home-hint' },
    'Contacts from your phone, a vCard file and a simulated social network, merged by the GCDS.',
  ),
);

const screen = h('div', { class: 'screen' }, home);
const homeButton = h(
  'button',
  {
    class: 'home-button',
    attrs: { type: 'button', 'aria-label': 'Home', 'data-testid': 'home-button' },
    on: { click: () => frames.goHome() },
  },
  icon('home'),
);
const phone = h(
  'section',
  { class: 'phone', attrs: { 'aria-label': 'Simulated phone', 'data-device': deviceId } },
  h('div', { class: 'phone-body' }, statusBar, screen, h('div', { class: 'nav-bar' }, homeButton)),
);

const frames = new AppFrames(screen, home, device.engines, (app, left) => {
  title.textContent = app === undefined ? phoneName : app.name;
  // Back home, focus is on the icon of the app just left, as a keyboard user expects.
  if (app === undefined) {
    (
      home.querySelector<HTMLButtonElement>(`button[data-app="${left ?? ''}"]`) ??
      home.querySelector<HTMLButtonElement>('button')
    )?.focus();
  }
});

const panel = new SystemPanel(device);
document.getElementById('device')!.append(h('div', { class: 'device-layout' }, phone, panel.element));

function tick(): void {
  clock.textContent = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
tick();
setInterval(tick, 10_000);

device.onChange(() => {
  const state = device.snapshot().gcdsState;
  gcdsDot.dataset.state = state;
  gcdsDot.setAttribute('aria-label', `GCDS ${state}`);
});

// Keyboard: Escape anywhere in the shell goes back to the home screen.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && frames.active !== undefined) frames.goHome();
});

void device.boot();
