import type { DuplicateSuggestion, GcdsStatus, HiddenPerson } from '@gcds/gcds';
import type {
  AddressBookInfo,
  CardDavStatus,
  ConflictRecord,
  ConflictStrategy,
  SyncReport,
} from '@gcds/provider-carddav';
import type { ContactDraft, DataStoreInfo, SourceRef, StatusError } from '@gcds/shared';
import type { FieldError, ImportProgress, ImportReport } from './contactsApi';
import type { DemoBookOptions } from './demoBookOptions';
import type { BuiltinProviderId, CardDavProviderId, DeviceConfig } from './deviceConfig';

/** What the GCDS worker offers the shell on its own channel. */
/** A GCDS revision and the provider records the GCDS held at it: one per transaction, none skipped. */
export interface GcdsPoint {
  revision: number;
  sources: number;
}

export interface GcdsWorkerApi {
  /** `onStatus` is throttled; `points` are every transaction's since the last call. */
  start(config: DeviceConfig, onStatus: (status: GcdsStatus, points: GcdsPoint[]) => void): Promise<void>;
  /** Exposes `GcdsClientApi` on a port, for an app engine the shell chose. */
  connect(port: MessagePort): void;
}

/** The GCDS operations an app engine may use (the Contacts app's merge screens). */
export interface GcdsClientApi {
  merge(personIds: string[], nameFrom?: SourceRef): Promise<string>;
  mergeMany(groups: string[][]): Promise<number>;
  unmerge(personId: string): Promise<string[]>;
  suggestDuplicates(personId: string, limit?: number): Promise<DuplicateSuggestion[]>;
  dismissSuggestion(personId: string, otherId: string): Promise<void>;
  personOf(source: SourceRef): Promise<string | undefined>;
  hide(personId: string): Promise<void>;
  unhide(personId: string): Promise<void>;
  hiddenPeople(): Promise<HiddenPerson[]>;
  whenIdle(): Promise<void>;
}

/** What a provider worker tells the shell's event log (the registry's install events are `ProviderEvent`). */
export interface ProviderNotice {
  kind: 'info' | 'progress' | 'warn' | 'error';
  message: string;
  progress?: ImportProgress;
}

export interface FacebookServerState {
  friends: number;
  counter: number;
  latencyMs: number;
  failureRate: number;
  pendingFailures: number;
  sync: { state: string; lastServerCounter: number; lastError?: StatusError; retry?: { attempt: number } };
}

/** The demo book's worker: each provider worker gets a port to its shares (`DemoBookShareApi`). */
export interface DemoBookWorkerApi {
  connect(options: DemoBookOptions, port: MessagePort): void;
}

/** What a provider worker offers the shell. */
export interface ProviderWorkerApi {
  /** `demoBook` is a port to the demo book's shares, asked only for what this provider needs of it. */
  install(
    config: DeviceConfig,
    providerId: BuiltinProviderId,
    onEvent: (event: ProviderNotice) => void,
    demoBook: MessagePort,
  ): Promise<{ store: DataStoreInfo | undefined; seeded: boolean }>;
  /** Deletes the provider's store (its contacts leave the GCDS and every app). */
  uninstall(): Promise<void>;
  /** Exposes the provider's client API on a port, for an app engine the shell chose. */
  connect(port: MessagePort): void;
  // facebook-sim only: the simulated server's knobs and the sync.
  facebook(): Promise<FacebookServerState>;
  facebookAction(
    action: 'add' | 'edit' | 'delete' | 'fail' | 'sync' | 'flaky' | 'steady',
    count?: number,
  ): Promise<string>;
}

export type ProviderSaveResult = { ok: true; id: string } | { ok: false; errors: FieldError[] };

/** What the Contacts app's form says about a provider it may save to. */
export interface EditableProviderInfo {
  name: string;
  writable: boolean;
  /** Why its contacts cannot be edited, when they cannot ("the server lets you read this address book only"). */
  readOnlyReason?: string;
}

/**
 * A provider the user edits (the phone's own contacts, a CardDAV address book) as an app engine sees it.
 * Validation errors come back as data, not as throws; the provider refuses writes it does not allow.
 */
export interface EditableProviderApi {
  describe(): Promise<EditableProviderInfo>;
  add(draft: ContactDraft): Promise<ProviderSaveResult>;
  update(id: string, draft: ContactDraft): Promise<ProviderSaveResult>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<ContactDraft | undefined>;
}

/** The phone's own contacts as an app engine sees them: editable, and a delete can be undone. */
export interface LocalClientApi extends EditableProviderApi {
  /**
   * Puts back a contact this client removed moments ago (Undo), exactly as it was and under its own id,
   * so the GCDS's decisions about it (merges, keyed by provider + id) hold again. Only a contact removed
   * within the undo window: a client cannot write an id or data of its choosing.
   */
  restore(id: string): Promise<ProviderSaveResult>;
  /** Stores a photo once (with its thumbnail) and points the contact at it; the provider checks the bytes. */
  setPhoto(id: string, bytes: Uint8Array, mediaType: string): Promise<ProviderSaveResult>;
  removePhoto(id: string): Promise<ProviderSaveResult>;
}

export interface VcardClientApi {
  importFile(
    name: string,
    file: Blob | Uint8Array,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportReport>;
  /** Deletes one imported contact (the provider's own record; the file itself is not touched). */
  remove(id: string): Promise<void>;
  /** Undo of `remove`, moments after it: the same record back under its own id. */
  restore(id: string): Promise<ProviderSaveResult>;
}

/** A CardDAV account as the user added it on this phone (kept in the device's settings). */
export interface CardDavAccountSettings {
  url: string;
  username: string;
  password: string;
  conflict: ConflictStrategy;
  /** The address books discovery found when the account was added: the phone boots on them offline. */
  books?: AddressBookInfo[];
}

/** One address book of an account, as the system panel shows it. */
export interface AddressBookState {
  providerId: CardDavProviderId;
  displayName: string;
  readOnly: boolean;
  status: CardDavStatus;
  /** Versions that lost a conflict, kept until the user dismisses them. */
  conflicts: ConflictRecord[];
  /** What the last sync did, when there was one. */
  lastReport?: Omit<SyncReport, 'conflicts'> & { conflicts: number };
}

/** What a CardDAV account's worker offers the shell: one provider per address book, synced both ways. */
export interface CardDavAccountWorkerApi {
  /** Installs every address book (discovered now unless the settings list them); resolves with the books. */
  install(
    config: DeviceConfig,
    account: CardDavAccountSettings,
    onEvent: (event: ProviderNotice) => void,
    onBooks: (books: AddressBookState[]) => void,
  ): Promise<{ books: AddressBookInfo[] }>;
  /** The phone's network: cut, every request fails as offline; restored, the scheduler syncs. */
  setOnline(online: boolean): void;
  syncNow(): Promise<void>;
  dismissConflict(providerId: CardDavProviderId, conflictId: string): Promise<void>;
  /** Deletes every address book's store (its contacts leave the GCDS and every app). */
  uninstall(): Promise<void>;
  /** Exposes one address book's `EditableProviderApi` on a port, for an app engine the shell chose. */
  connect(providerId: CardDavProviderId, port: MessagePort): void;
}
