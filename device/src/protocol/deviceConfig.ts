import type { AccessLevel } from '@gcds/shared';

/** What the shell tells every worker it starts: one platform namespace and one change channel for all. */
export interface DeviceConfig {
  /** IndexedDB prefix shared by every platform instance of this device. */
  namespace: string;
  /** BroadcastChannel that carries change events and store announcements between workers and the shell. */
  channel: string;
  /** Where the phone's owner lives: the default region for numbers written without a country code. */
  region: string;
  locale: string;
  demo: { seed: number; people: number };
}

/**
 * An app as the shell installs it, with its name and the services it is given; the level is fixed here,
 * by the shell, never by the app. (What the platform registers from it is `AppManifest`, @gcds/shared.)
 */
export interface InstalledApp {
  appId: string;
  name: string;
  accessLevel: AccessLevel;
  /** Provider APIs the shell connects to the app's engine (the Contacts app edits local contacts). */
  services: readonly ServiceName[];
}

export type ServiceName = 'gcds' | 'local' | 'vcard';

export const APPS: readonly InstalledApp[] = [
  { appId: 'contacts', name: 'Contacts', accessLevel: 'certified', services: ['gcds', 'local', 'vcard'] },
  { appId: 'phone', name: 'Phone', accessLevel: 'privileged', services: [] },
  { appId: 'messages', name: 'Messages', accessLevel: 'privileged', services: [] },
];

export type ProviderId = 'local' | 'vcard' | 'facebook-sim';
export const PROVIDER_IDS: readonly ProviderId[] = ['local', 'vcard', 'facebook-sim'];

/** Names the UI shows for each provider (a source badge on every field of a contact). */
export const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  local: 'Phone contacts',
  vcard: 'vCard file',
  'facebook-sim': 'Facebook (simulated)',
};
