import type { ConflictRecord, ConflictStrategy } from '@gcds/provider-carddav';
import { DEMO_ACCOUNT_PATH, type DemoAccountOffer } from '../protocol/demoAccount';
import type { AddressBookState } from '../protocol/workerApis';
import { h, replaceChildren } from '../ui/dom';
import { timeText } from '../ui/timeText';
import { type AccountView, accountKey } from './cardDavAccounts';
import type { Device } from './device';
import type { DeviceSnapshot } from './deviceSnapshot';
import { message } from './errorMessage';

const STRATEGIES: ReadonlyArray<{ value: ConflictStrategy; label: string }> = [
  { value: 'server', label: 'Server wins (the default, as DAVx5)' },
  { value: 'client', label: 'This phone wins' },
  { value: 'timestamp', label: 'Latest change wins (REV)' },
];

/**
 * The system panel's CardDAV part: the phone's network (cut and restored), a form to add an account
 * (URL, user, password, who wins a conflict), and each account with its address books' status, last
 * sync, conflicts (what was overwritten, until dismissed) and errors. Everything from the server is
 * shown as text. The account list is rebuilt only when what it shows changed, and the focused button
 * is focused again afterwards, so a keyboard user does not lose their place.
 */
export class AccountsSection {
  readonly element: HTMLElement;
  readonly #network: HTMLElement;
  readonly #networkButton: HTMLButtonElement;
  readonly #offer: HTMLElement;
  readonly #url: HTMLInputElement;
  readonly #user: HTMLInputElement;
  readonly #password: HTMLInputElement;
  readonly #strategy: HTMLSelectElement;
  readonly #formError: HTMLElement;
  readonly #addButton: HTMLButtonElement;
  readonly #list: HTMLElement;
  #shown = '';
  #online = true;

  constructor(private readonly device: Device) {
    this.#network = h('span', { attrs: { 'data-testid': 'network-state', 'aria-live': 'polite' } });
    this.#networkButton = h('button', {
      attrs: { type: 'button', 'data-testid': 'network-toggle' },
      on: { click: () => device.setOnline(!this.#online) },
    });
    this.#offer = h('div', { class: 'demo-offer', attrs: { 'data-testid': 'demo-account-offer' } });
    const field = (label: string, input: HTMLInputElement | HTMLSelectElement) =>
      h('label', { class: 'account-field' }, h('span', {}, label), input);
    this.#url = h('input', {
      attrs: { type: 'url', name: 'url', required: true, placeholder: 'https://dav.example.com/' },
    });
    this.#user = h('input', { attrs: { type: 'text', name: 'username', autocomplete: 'off' } });
    this.#password = h('input', { attrs: { type: 'password', name: 'password', autocomplete: 'off' } });
    this.#strategy = h(
      'select',
      { attrs: { name: 'conflict' } },
      ...STRATEGIES.map((s) => h('option', { attrs: { value: s.value } }, s.label)),
    );
    this.#formError = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    this.#addButton = h('button', { attrs: { type: 'submit' } }, 'Add account');
    const form = h(
      'form',
      {
        class: 'account-form',
        attrs: { 'aria-label': 'Add a CardDAV account' },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.#add();
          },
        },
      },
      field('Server URL', this.#url),
      field('User', this.#user),
      field('Password', this.#password),
      field('Conflicts', this.#strategy),
      this.#formError,
      h('div', { class: 'button-row' }, this.#addButton),
    );
    this.#list = h('div', { class: 'account-list' });
    this.element = h(
      'section',
      { class: 'panel-section', attrs: { 'aria-label': 'Accounts' } },
      h('h2', {}, 'Accounts (CardDAV)'),
      h('p', { class: 'network-row' }, 'Network: ', this.#network, ' ', this.#networkButton),
      this.#list,
      this.#offer,
      form,
    );
    void this.#loadOffer();
  }

  render(snapshot: DeviceSnapshot): void {
    this.#online = snapshot.online;
    this.#network.textContent = snapshot.online ? 'online' : 'cut (the phone is offline)';
    this.#network.dataset.state = snapshot.online ? 'online' : 'offline';
    this.#networkButton.textContent = snapshot.online ? 'Cut the network' : 'Restore the network';
    this.#networkButton.setAttribute('aria-pressed', String(!snapshot.online));
    const shown = JSON.stringify(snapshot.accounts);
    if (shown === this.#shown) return;
    this.#shown = shown;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.focusKey;
    replaceChildren(
      this.#list,
      snapshot.accounts.length === 0 ? h('p', { class: 'hint' }, 'No account on this phone.') : null,
      ...snapshot.accounts.map((account) => this.#account(account)),
    );
    if (focused !== undefined)
      this.#list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  async #loadOffer(): Promise<void> {
    let offer: DemoAccountOffer = { available: false, install: 'sudo apt-get install -y radicale' };
    try {
      const response = await fetch(DEMO_ACCOUNT_PATH, { cache: 'no-store' });
      if (response.ok) offer = (await response.json()) as DemoAccountOffer;
    } catch {
      // Served without `npm start` (no demo server): the install hint below says what to do.
    }
    if (!offer.available) {
      replaceChildren(
        this.#offer,
        h(
          'p',
          { class: 'hint' },
          'No CardDAV server runs beside this phone. Install Radicale (',
          h('code', {}, offer.install),
          ') and run npm start again: it starts one with a demo account. Another server must allow this page (CORS).',
        ),
      );
      return;
    }
    const url = new URL(offer.path, location.origin).href;
    const fill = () => {
      this.#url.value = url;
      this.#user.value = offer.username;
      this.#password.value = offer.password;
    };
    // Filled in at load without taking the focus (it belongs to the phone's home screen).
    fill();
    replaceChildren(
      this.#offer,
      h(
        'p',
        { class: 'hint' },
        `A Radicale runs beside this phone with a demo account (${offer.people} people): it is filled in below. Add it on each phone (?device=B is a second one) to see them sync.`,
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { attrs: { type: 'button' }, on: { click: fill } }, 'Fill in the demo account'),
      ),
    );
  }

  async #add(): Promise<void> {
    this.#formError.textContent = '';
    const url = this.#url.value.trim();
    try {
      new URL(url);
    } catch {
      this.#formError.textContent = 'The server URL must be a full address, like https://dav.example.com/.';
      this.#url.focus();
      return;
    }
    const settings = {
      url,
      username: this.#user.value.trim(),
      password: this.#password.value,
      conflict: this.#strategy.value as ConflictStrategy,
    };
    const key = accountKey(settings);
    this.#addButton.disabled = true;
    try {
      await this.device.addAccount(settings);
      const added = this.device.snapshot().accounts.find((a) => a.key === key);
      if (added?.state === 'failed') {
        this.#formError.textContent = `Could not add the account: ${added.error ?? 'unknown error'}`;
        await this.device.removeAccount(key);
      }
    } catch (error) {
      this.#formError.textContent = message(error);
    } finally {
      this.#addButton.disabled = false;
    }
  }

  #account(account: AccountView): HTMLElement {
    const host = hostOf(account.url);
    const label = `${account.username} at ${host}`;
    const strategy = STRATEGIES.find((s) => s.value === account.conflict)?.label ?? account.conflict;
    return h(
      'article',
      { class: 'account', attrs: { 'aria-label': `Account ${label}`, 'data-account': account.key } },
      h('h3', {}, label),
      h(
        'p',
        { class: 'account-meta' },
        h('span', { attrs: { 'data-testid': 'account-state', 'data-state': account.state } }, account.state),
        ` · conflicts: ${strategy}`,
      ),
      account.error === undefined ? null : h('p', { class: 'form-error' }, account.error),
      ...account.books.map((book) => this.#book(account, book)),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            attrs: { type: 'button', 'data-focus-key': `sync:${account.key}` },
            on: { click: () => void this.device.syncAccount(account.key) },
          },
          'Sync now',
        ),
        h(
          'button',
          {
            attrs: { type: 'button', 'data-focus-key': `remove:${account.key}` },
            on: {
              click: () => {
                if (window.confirm(`Remove ${label}? Its contacts leave this phone; the server keeps them.`))
                  void this.device.removeAccount(account.key);
              },
            },
          },
          'Remove account',
        ),
      ),
    );
  }

  #book(account: AccountView, book: AddressBookState): HTMLElement {
    const status = book.status;
    const report = book.lastReport;
    return h(
      'div',
      { class: 'address-book', attrs: { 'data-book': book.providerId } },
      h('h4', {}, book.displayName, book.readOnly ? ' (read-only)' : ''),
      h(
        'p',
        {},
        'Status: ',
        h(
          'span',
          { attrs: { 'data-testid': 'book-status', 'data-state': status.state, 'aria-live': 'polite' } },
          status.message,
        ),
      ),
      h(
        'p',
        { attrs: { 'data-testid': 'last-sync' } },
        status.lastSyncedAt === undefined
          ? 'Never synced yet.'
          : `Last sync ${timeText(status.lastSyncedAt)}`,
        report === undefined
          ? ''
          : `: ${report.downloaded} down, ${report.uploaded} up, ${report.deleted} deleted, ${report.conflicts} ${report.conflicts === 1 ? 'conflict' : 'conflicts'}, ${report.requests} ${report.requests === 1 ? 'request' : 'requests'}`,
      ),
      status.lastError === undefined
        ? null
        : h(
            'p',
            { class: 'form-error', attrs: { 'data-testid': 'book-error' } },
            `Error: ${status.lastError.message}`,
          ),
      ...(report?.errors ?? []).map((problem) =>
        h('p', { class: 'form-error' }, `Not synced: ${problem.message}`),
      ),
      book.conflicts.length === 0
        ? null
        : h(
            'ul',
            { class: 'conflict-list', attrs: { 'aria-label': 'Sync conflicts', 'data-testid': 'conflicts' } },
            ...book.conflicts.map((conflict) => this.#conflict(account, book, conflict)),
          ),
    );
  }

  #conflict(account: AccountView, book: AddressBookState, conflict: ConflictRecord): HTMLElement {
    const kept = conflict.winner === 'server' ? "the server's version" : "this phone's version";
    return h(
      'li',
      { attrs: { 'data-conflict': conflict.id } },
      h('strong', {}, conflict.kind),
      `: ${kept} was kept (${conflict.strategy} priority). `,
      conflict.lost === undefined
        ? 'What was overwritten: a delete.'
        : `What was overwritten: ${lostSummary(conflict)}.`,
      conflict.unresolved === undefined ? '' : ` Not settled: ${conflict.unresolved}.`,
      ' ',
      h(
        'button',
        {
          attrs: { type: 'button', 'data-focus-key': `dismiss:${conflict.id}` },
          on: { click: () => void this.device.dismissConflict(account.key, book.providerId, conflict.id) },
        },
        'Dismiss',
      ),
    );
  }
}

/** The losing version in a line: its name and the fields a person recognises it by. */
function lostSummary(conflict: ConflictRecord): string {
  const lost = conflict.lost;
  if (lost === undefined) return 'a delete';
  const name =
    lost.formattedName ?? ([lost.given, lost.family].filter(Boolean).join(' ') || lost.org || lost.id);
  const details = [
    ...(lost.tel ?? []).map((t) => t.value),
    ...(lost.email ?? []).map((e) => e.value),
    ...(lost.org === undefined ? [] : [lost.org]),
    ...(lost.note === undefined ? [] : [`note “${lost.note}”`]),
  ];
  return details.length === 0 ? `“${name}”` : `“${name}” (${details.join(', ')})`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
