import type { DuplicateSuggestion, GcdsStatus } from '@gcds/gcds';
import type { ContactDraft, DataStoreInfo, SourceRef } from '@gcds/shared';
import type { FieldError, ImportProgress, ImportReport } from './contactsApi';
import type { DeviceConfig, ProviderId } from './deviceConfig';

/** What the GCDS worker offers the shell on its own channel. */
export interface GcdsWorkerApi {
  start(config: DeviceConfig, onStatus: (status: GcdsStatus) => void): Promise<void>;
  /** Exposes `GcdsClientApi` on a port, for an app engine the shell chose. */
  connect(port: MessagePort): void;
}

/** The GCDS operations an app engine may use (the Contacts app's merge screens). */
export interface GcdsClientApi {
  merge(personIds: string[]): Promise<string>;
  unmerge(personId: string): Promise<string[]>;
  suggestDuplicates(personId: string, limit?: number): Promise<DuplicateSuggestion[]>;
  dismissSuggestion(personId: string, otherId: string): Promise<void>;
  personOf(source: SourceRef): Promise<string | undefined>;
  whenIdle(): Promise<void>;
}

export interface ProviderEvent {
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
  sync: { state: string; lastServerCounter: number; lastError?: string; retry?: { attempt: number } };
}

/** What a provider worker offers the shell. */
export interface ProviderWorkerApi {
  install(
    config: DeviceConfig,
    providerId: ProviderId,
    onEvent: (event: ProviderEvent) => void,
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

export type LocalSaveResult = { ok: true; id: string } | { ok: false; errors: FieldError[] };

/** The local provider as an app engine sees it. Validation errors come back as data, not as throws. */
export interface LocalClientApi {
  add(draft: ContactDraft): Promise<LocalSaveResult>;
  update(id: string, draft: ContactDraft): Promise<LocalSaveResult>;
  remove(id: string): Promise<void>;
  /**
   * Puts back a contact this client removed moments ago (Undo), exactly as it was and under its own id,
   * so the GCDS's decisions about it (merges, keyed by provider + id) hold again. Only a contact removed
   * within the undo window: a client cannot write an id or data of its choosing.
   */
  restore(id: string): Promise<LocalSaveResult>;
  get(id: string): Promise<ContactDraft | undefined>;
}

export interface VcardClientApi {
  importFile(
    name: string,
    file: Blob | Uint8Array,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportReport>;
}
