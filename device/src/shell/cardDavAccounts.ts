import { type DeviceConfig, grants } from '../protocol/deviceConfig';
import type { AddressBookState, CardDavAccountSettings, ProviderNotice } from '../protocol/workerApis';
import type { DeviceSettings } from './deviceSettings';
import { message } from './errorMessage';
import type { EventLog } from './eventLog';
import { CardDavAccountProcess, type EngineProcess } from './processes';

export type AccountInstallState = 'adding' | 'installed' | 'removing' | 'failed';

/** A CardDAV account on this phone and what its address books report. */
export interface AccountView {
  /** `user@url`: one account per user and server. */
  readonly key: string;
  readonly url: string;
  readonly username: string;
  readonly conflict: CardDavAccountSettings['conflict'];
  readonly state: AccountInstallState;
  readonly error?: string;
  readonly books: readonly AddressBookState[];
}

interface Account {
  settings: CardDavAccountSettings;
  process: CardDavAccountProcess;
  state: AccountInstallState;
  error?: string;
  books: AddressBookState[];
}

export function accountKey(account: Pick<CardDavAccountSettings, 'url' | 'username'>): string {
  return `${account.username}@${account.url}`;
}

/** What the accounts need from the device they run on. */
export interface CardDavAccountsHost {
  readonly config: DeviceConfig;
  readonly settings: DeviceSettings;
  readonly log: EventLog;
  readonly engines: ReadonlyMap<string, EngineProcess>;
  readonly online: () => boolean;
  readonly changed: () => void;
  readonly save: () => void;
  readonly refreshStores: () => void;
  readonly watch: (worker: Worker, source: string) => void;
}

/** The device's CardDAV accounts: one worker each, its address books connected to the engines granted them. */
export class CardDavAccounts {
  readonly #accounts = new Map<string, Account>();
  /** Each address book once per engine: a port is a connection, not a message. */
  readonly #connectedBooks = new Map<EngineProcess, Set<string>>();

  constructor(private readonly host: CardDavAccountsHost) {}

  views(): readonly AccountView[] {
    return Object.freeze(
      [...this.#accounts.entries()].map(([key, account]) =>
        Object.freeze({
          key,
          url: account.settings.url,
          username: account.settings.username,
          conflict: account.settings.conflict,
          state: account.state,
          ...(account.error === undefined ? {} : { error: account.error }),
          books: Object.freeze([...account.books]),
        }),
      ),
    );
  }

  /**
   * Adds a CardDAV account: its worker discovers the address books (so a wrong URL or password is said
   * here, before anything is saved) and installs one provider for each, then the first sync starts.
   */
  async add(account: CardDavAccountSettings): Promise<void> {
    const key = accountKey(account);
    if (this.#accounts.has(key)) throw new Error(`${account.username} at ${account.url} is already added`);
    const books = await this.start({ ...account, books: undefined });
    if (books === undefined) return;
    this.host.settings.accounts.push({ ...account, books });
    this.host.save();
  }

  async remove(key: string): Promise<void> {
    const account = this.#accounts.get(key);
    if (account === undefined) return;
    account.state = 'removing';
    this.host.changed();
    for (const book of account.books)
      for (const engine of this.host.engines.values()) {
        engine.setService(book.providerId, null);
        this.#connectedBooks.get(engine)?.delete(book.providerId);
      }
    try {
      await account.process.uninstall();
      this.host.log.add(
        'carddav',
        `account ${key} removed: its address books leave the phone (the server keeps them)`,
      );
    } catch (error) {
      account.process.terminate();
      this.host.log.add('carddav', `removing ${key} failed: ${message(error)}`, 'error');
    }
    this.#accounts.delete(key);
    this.host.settings.accounts = this.host.settings.accounts.filter((a) => accountKey(a) !== key);
    this.host.save();
    this.host.refreshStores();
    this.host.changed();
  }

  async sync(key: string): Promise<void> {
    await this.#accounts.get(key)?.process.api.syncNow();
  }

  async dismissConflict(key: string, providerId: AddressBookState['providerId'], conflictId: string) {
    await this.#accounts.get(key)?.process.api.dismissConflict(providerId, conflictId);
  }

  /** Tells every account's worker whether the phone's network is up. */
  setOnline(online: boolean): void {
    for (const account of this.#accounts.values()) void account.process.api.setOnline(online);
  }

  terminateAll(): void {
    for (const account of this.#accounts.values()) account.process.terminate();
  }

  /** Connects every address book of every account to this engine, where granted. */
  connectAll(engine: EngineProcess): void {
    for (const account of this.#accounts.values())
      for (const book of account.books) this.#connectBook(engine, account, book.providerId);
  }

  async start(settings: CardDavAccountSettings): Promise<CardDavAccountSettings['books']> {
    const key = accountKey(settings);
    const process = new CardDavAccountProcess(key);
    this.host.watch(process.worker, 'carddav');
    const account: Account = { settings, process, state: 'adding', books: [] };
    this.#accounts.set(key, account);
    this.host.changed();
    this.host.log.add('carddav', `adding ${key}`);
    try {
      if (!this.host.online()) void process.api.setOnline(false);
      const { books } = await process.install(
        this.host.config,
        settings,
        (event) => this.#accountEvent(key, event),
        (states) => {
          account.books = states;
          for (const engine of this.host.engines.values())
            for (const book of states) this.#connectBook(engine, account, book.providerId);
          this.host.changed();
        },
      );
      account.state = 'installed';
      this.host.log.add('carddav', `${key}: ${books.length} address book(s) installed`);
      this.host.refreshStores();
      this.host.changed();
      return books;
    } catch (error) {
      account.state = 'failed';
      account.error = message(error);
      this.host.log.add('carddav', `adding ${key} failed: ${account.error}`, 'error');
      this.host.changed();
      return undefined;
    }
  }

  #accountEvent(key: string, event: ProviderNotice): void {
    if (event.kind === 'progress') return;
    this.host.log.add('carddav', `${key}: ${event.message}`, event.kind === 'info' ? 'info' : event.kind);
  }

  #connectBook(engine: EngineProcess, account: Account, id: AddressBookState['providerId']): void {
    if (!grants(engine.manifest, id)) return;
    const done = this.#connectedBooks.get(engine) ?? new Set<string>();
    this.#connectedBooks.set(engine, done);
    if (done.has(id)) return;
    done.add(id);
    engine.setService(id, account.process.port(id));
  }
}
