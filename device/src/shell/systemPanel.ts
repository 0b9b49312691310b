import { DEFAULT_DEMO_PEOPLE, LARGE_DEMO_PEOPLE } from '../demo/demoBook';
import { APPS, BUILTIN_PROVIDER_IDS, type BuiltinProviderId, PROVIDER_NAMES } from '../protocol/deviceConfig';
import { h, replaceChildren } from '../ui/dom';
import { AccountsSection } from './accountsSection';
import type { Device } from './device';
import type { DeviceSnapshot } from './deviceSnapshot';
import { message } from './errorMessage';
import { uninstallQuestion } from './uninstallQuestion';

/** The shortest time between two renders of the panel. */
const PANEL_RENDER_MS = 200;

type ReaderRow = {
  reader: string;
  reads: string;
  at: number | undefined;
  of: number | undefined;
  state: string;
};

/** The panel's two tables. */
type PanelTable = 'stores' | 'readers';

/**
 * The system panel beside the phone (trusted shell code, not an app): providers, CardDAV accounts and
 * the network, the simulated social network, the GCDS worker, every store's revision, every reader's
 * sync status and the event log. It reads the device's read-only snapshot and acts through its methods.
 * Built once; updates change text and states in place, so keyboard focus stays where it is.
 */
export class SystemPanel {
  readonly element: HTMLElement;
  readonly #providerRows = new Map<
    BuiltinProviderId,
    { state: HTMLElement; button: HTMLButtonElement; progress: HTMLProgressElement }
  >();
  readonly #gcdsState: HTMLElement;
  readonly #killButton: HTMLButtonElement;
  readonly #restartButton: HTMLButtonElement;
  readonly #fbState: HTMLElement;
  readonly #fbButtons: HTMLButtonElement[] = [];
  readonly #storesBody: HTMLTableSectionElement;
  readonly #readersBody: HTMLTableSectionElement;
  readonly #people: HTMLElement;
  readonly #accounts: AccountsSection;
  #scheduled = false;
  #renderedAt = Number.NEGATIVE_INFINITY;
  /** What the two tables show now, so a render that changes nothing in them leaves them alone. */
  #tables: Record<PanelTable, string> = { stores: '', readers: '' };

  constructor(private readonly device: Device) {
    const section = (title: string, ...children: Array<Node | string>) =>
      h(
        'section',
        { class: 'panel-section', attrs: { 'aria-label': title } },
        h('h2', {}, title),
        ...children,
      );

    this.#people = h('p', { attrs: { 'data-testid': 'demo-size' } });
    const wipe = (people: number, label: string) =>
      h(
        'button',
        {
          attrs: { type: 'button' },
          on: {
            click: () => {
              if (window.confirm(`${label}? Every contact on the phone is replaced by the demo data.`))
                void device.wipe(people);
            },
          },
        },
        label,
      );
    const demo = section(
      'Demo data',
      this.#people,
      h(
        'div',
        { class: 'button-row' },
        wipe(LARGE_DEMO_PEOPLE, `Load ${LARGE_DEMO_PEOPLE.toLocaleString('en')} people`),
        wipe(DEFAULT_DEMO_PEOPLE, `Reset to ${DEFAULT_DEMO_PEOPLE.toLocaleString('en')} people`),
      ),
    );

    const providerList = h('ul', { class: 'provider-list' });
    for (const id of BUILTIN_PROVIDER_IDS) {
      const state = h('span', { class: 'state', attrs: { 'data-testid': `provider-state-${id}` } });
      const progress = h('progress', {
        attrs: { max: 1, value: 0, 'aria-label': `${PROVIDER_NAMES[id]} progress` },
      });
      progress.hidden = true;
      const button = h('button', {
        attrs: { type: 'button', 'data-testid': `provider-toggle-${id}` },
        on: { click: () => void this.#toggle(id) },
      });
      providerList.append(
        h('li', {}, h('span', { class: 'name' }, PROVIDER_NAMES[id]), ' ', state, ' ', button, progress),
      );
      this.#providerRows.set(id, { state, button, progress });
    }
    const providers = section('Providers', providerList);
    this.#accounts = new AccountsSection(device);

    this.#fbState = h('p', { attrs: { 'data-testid': 'facebook-server', 'aria-live': 'polite' } });
    const fbButton = (label: string, action: Parameters<Device['facebookAction']>[0], count?: number) => {
      const button = h(
        'button',
        {
          attrs: { type: 'button' },
          on: {
            click: () =>
              void device.facebookAction(action, count).catch((error: unknown) => {
                device.log.add('facebook-sim', message(error), 'error');
              }),
          },
        },
        label,
      );
      this.#fbButtons.push(button);
      return button;
    };
    const facebook = section(
      'facebook-sim server',
      this.#fbState,
      h(
        'div',
        { class: 'button-row' },
        fbButton('Add a friend', 'add'),
        fbButton('Edit a friend', 'edit'),
        fbButton('Delete a friend', 'delete'),
        fbButton('Fail next 3 requests', 'fail', 3),
        fbButton('Make it flaky', 'flaky'),
        fbButton('Make it steady', 'steady'),
        fbButton('Sync now', 'sync'),
      ),
    );

    this.#gcdsState = h('p', { attrs: { 'data-testid': 'gcds-state', 'aria-live': 'polite' } });
    this.#killButton = h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => device.killGcds() } },
      'Kill GCDS worker',
    );
    this.#restartButton = h(
      'button',
      { attrs: { type: 'button' }, on: { click: () => void device.startGcds() } },
      'Restart GCDS worker',
    );
    const gcds = section(
      'GCDS (headless worker)',
      this.#gcdsState,
      h('div', { class: 'button-row' }, this.#killButton, this.#restartButton),
    );

    this.#storesBody = h('tbody');
    const stores = section(
      'Stores',
      h(
        'table',
        { attrs: { 'aria-label': 'Store revisions' } },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' } }, 'Store'),
            h('th', { attrs: { scope: 'col' } }, 'Level'),
            h('th', { attrs: { scope: 'col' } }, 'Records'),
            h('th', { attrs: { scope: 'col' } }, 'Revision'),
          ),
        ),
        this.#storesBody,
      ),
    );

    this.#readersBody = h('tbody');
    const readers = section(
      'Readers',
      h(
        'table',
        { attrs: { 'aria-label': 'Reader sync status' } },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' } }, 'Reader'),
            h('th', { attrs: { scope: 'col' } }, 'Reads'),
            h('th', { attrs: { scope: 'col' } }, 'At'),
            h('th', { attrs: { scope: 'col' } }, 'Of'),
            h('th', { attrs: { scope: 'col' } }, 'Status'),
          ),
        ),
        this.#readersBody,
      ),
    );

    const log = section('Event log', device.log.element);
    this.element = h(
      'aside',
      { class: 'system-panel', attrs: { 'aria-label': 'System panel' } },
      h('h1', {}, 'System panel'),
      demo,
      providers,
      this.#accounts.element,
      facebook,
      gcds,
      stores,
      readers,
      log,
    );
    device.onChange(() => this.#schedule());
    this.#render();
  }

  async #toggle(id: BuiltinProviderId): Promise<void> {
    const snapshot = this.device.snapshot();
    const state = snapshot.providers.find((p) => p.id === id)?.state;
    if (state === 'installed' || state === 'failed') {
      const store = snapshot.stores.find((s) => s.info.owner === id && s.info.name === 'contacts');
      if (window.confirm(uninstallQuestion(PROVIDER_NAMES[id] ?? id, store?.length)))
        await this.device.uninstall(id);
    } else if (state === 'not installed') await this.device.install(id);
  }

  /**
   * The next frame, but at most one render every PANEL_RENDER_MS: during a load the device changes
   * hundreds of times a second, and each render's style, layout and paint ran on the thread the
   * shell's own reads share.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const wait = Math.max(0, this.#renderedAt + PANEL_RENDER_MS - performance.now());
    setTimeout(() => {
      requestAnimationFrame(() => {
        this.#scheduled = false;
        this.#render();
      });
    }, wait);
  }

  #render(): void {
    this.#renderedAt = performance.now();
    const d = this.device.snapshot();
    this.#people.textContent = `${d.people.toLocaleString('en')} people in the demo world, spread over three providers with duplicates to merge.`;
    this.#accounts.render(d);
    for (const [id, row] of this.#providerRows) {
      const provider = d.providers.find((p) => p.id === id);
      const state = provider?.state ?? 'not installed';
      row.state.textContent = state;
      row.state.dataset.state = state;
      row.button.textContent = state === 'installed' || state === 'failed' ? 'Uninstall' : 'Install';
      row.button.disabled = state === 'installing' || state === 'uninstalling';
      row.button.setAttribute('aria-label', `${row.button.textContent} ${PROVIDER_NAMES[id]}`);
      const progress = provider?.progress;
      row.progress.hidden = progress === undefined || state !== 'installing';
      if (progress !== undefined) {
        row.progress.max = Math.max(progress.total, 1);
        row.progress.value = progress.done;
      }
    }
    const fb = d.facebookServer;
    const fbInstalled = d.providers.find((p) => p.id === 'facebook-sim')?.state === 'installed';
    this.#fbState.textContent = !fbInstalled
      ? 'facebook-sim is not installed.'
      : fb === undefined
        ? 'connecting…'
        : `${fb.friends} friends on the server, server counter ${fb.counter}; sync ${fb.sync.state}${fb.sync.retry === undefined ? '' : ` (attempt ${fb.sync.retry.attempt} failed)`} at ${fb.sync.lastServerCounter}` +
          (fb.failureRate > 0 ? `; ${Math.round(fb.failureRate * 100)}% of requests fail` : '') +
          (fb.sync.lastError === undefined ? '' : `; last error: ${fb.sync.lastError.message}`);
    for (const button of this.#fbButtons) button.disabled = !fbInstalled;

    const status = d.gcdsStatus;
    this.#gcdsState.dataset.state = d.gcdsState;
    this.#gcdsState.textContent =
      d.gcdsState === 'killed'
        ? 'Killed: not running. Providers keep writing; apps show what they have.'
        : d.gcdsState === 'starting'
          ? 'Starting: resuming from its cursors…'
          : `Running (${status?.state ?? 'idle'}), revision ${status?.revision ?? 0}, ${status?.transactions ?? 0} transactions`;
    this.#killButton.disabled = d.gcdsState !== 'running';
    this.#restartButton.disabled = d.gcdsState !== 'killed';

    const stores = d.stores.map((s) => ({
      key: `${s.info.owner}/${s.info.name}`,
      accessLevel: s.info.accessLevel,
      length: s.length.toLocaleString('en'),
      revision: s.revision,
    }));
    this.#fillTable('stores', this.#storesBody, stores, (s) =>
      h(
        'tr',
        { attrs: { 'data-store': s.key } },
        h('th', { attrs: { scope: 'row' } }, s.key),
        h('td', {}, s.accessLevel),
        h('td', {}, s.length),
        h('td', { attrs: { 'data-revision': s.revision } }, String(s.revision)),
      ),
    );
    this.#fillTable('readers', this.#readersBody, readerRows(d), (row) =>
      h(
        'tr',
        { attrs: { 'data-reader': row.reader, 'data-state': row.state } },
        h('th', { attrs: { scope: 'row' } }, row.reader),
        h('td', {}, row.reads),
        h('td', {}, row.at === undefined ? '–' : String(row.at)),
        h('td', {}, row.of === undefined ? '–' : String(row.of)),
        h('td', {}, row.state),
      ),
    );
  }

  /** Rebuilds a table's rows only when what they show changed: a render that changes nothing is cheap. */
  #fillTable<R>(
    name: PanelTable,
    body: HTMLTableSectionElement,
    rows: readonly R[],
    rowOf: (row: R) => HTMLTableRowElement,
  ): void {
    const shown = JSON.stringify(rows);
    if (shown === this.#tables[name]) return;
    this.#tables[name] = shown;
    replaceChildren(body, ...rows.map(rowOf));
  }
}

function readerRows(d: DeviceSnapshot): ReaderRow[] {
  const rows: ReaderRow[] = [];
  const gcdsRevision = d.stores.find((s) => s.info.owner === 'gcds' && s.info.name === 'gcds')?.revision;
  // Every provider store there is: the built-in ones and each address book of each account.
  for (const store of d.stores.filter((s) => s.info.name === 'contacts')) {
    const id = store.info.owner;
    const storeRevision = store.revision;
    const cursor = d.gcdsStatus?.providers.find((p) => p.provider === id)?.revision;
    rows.push({
      reader: `gcds ← ${id}`,
      reads: `${id}/contacts`,
      at: cursor,
      of: storeRevision,
      state: d.gcdsState !== 'running' ? 'stopped' : cursor === storeRevision ? 'in sync' : 'behind',
    });
  }
  for (const app of APPS) {
    const status = d.engineStatus.get(app.appId);
    rows.push({
      reader: `${app.appId} (${app.accessLevel})`,
      reads: 'gcds/gcds',
      at: status?.revision,
      of: gcdsRevision,
      state:
        status === undefined
          ? 'starting'
          : status.lastError !== undefined
            ? `error: ${status.lastError.message}`
            : status.syncing
              ? 'syncing'
              : status.revision === gcdsRevision
                ? 'in sync'
                : 'behind',
    });
  }
  const fb = d.facebookServer;
  if (fb !== undefined) {
    rows.push({
      reader: 'facebook-sim ← server',
      reads: 'simulated network',
      at: fb.sync.lastServerCounter,
      of: fb.counter,
      state: fb.sync.state === 'idle' && fb.sync.lastServerCounter === fb.counter ? 'in sync' : fb.sync.state,
    });
  }
  return rows;
}
