import type { AccessLevel } from '@gcds/shared';

/** What the shell tells every worker it starts: one platform namespace and one change channel for all. */
export interface DeviceConfig {
  /** Which simulated phone this is (`?device=B`); "A" unless the page asks for another. */
  deviceId: string;
  /** IndexedDB prefix shared by every platform instance of this device. */
  namespace: string;
  /** BroadcastChannel that carries change events and store announcements between workers and the shell. */
  channel: string;
  /** Prefix of the Web Locks this device takes (an account's sync), so two phones in one origin do not share them. */
  lockPrefix: string;
  /** Where the phone's owner lives: the default region for numbers written without a country code. */
  region: string;
  locale: string;
  demo: { seed: number; people: number };
}

/**
 * The providers the device knows, one row each: what the UI calls them and what the shell does with them.
 * `ProviderId` and `ServiceName` are both derived from this table (plus the CardDAV accounts, whose ids
 * the provider derives from the account), so no id is a string the shell special-cases by hand.
 */
export const BUILTIN_PROVIDERS = {
  local: { name: 'Phone contacts', kind: 'local', simulatedServer: false },
  vcard: { name: 'vCard file', kind: 'vcard', simulatedServer: false },
  'facebook-sim': { name: 'Facebook (simulated)', kind: 'facebook-sim', simulatedServer: true },
} as const satisfies Record<string, { name: string; kind: string; simulatedServer: boolean }>;

export type BuiltinProviderId = keyof typeof BUILTIN_PROVIDERS;
/** One address book of an installed CardDAV account (`cardDavProviderId` of the account and the book). */
export type CardDavProviderId = `carddav-${string}`;
export type ProviderId = BuiltinProviderId | CardDavProviderId;
/** What kind of provider an id is: what an app manifest grants, since account ids are only known at runtime. */
export type ProviderKind = (typeof BUILTIN_PROVIDERS)[BuiltinProviderId]['kind'] | 'carddav';

/** A port the shell may hand an app engine: the GCDS, or one installed provider. */
export type ServiceName = 'gcds' | ProviderId;
/** What a manifest grants: the GCDS, or every provider of a kind. */
export type ServiceKind = 'gcds' | ProviderKind;

export const BUILTIN_PROVIDER_IDS = Object.keys(BUILTIN_PROVIDERS) as readonly BuiltinProviderId[];

export function isBuiltinProvider(id: string): id is BuiltinProviderId {
  return Object.hasOwn(BUILTIN_PROVIDERS, id);
}

export function isCardDavProvider(id: string): id is CardDavProviderId {
  return /^carddav-[0-9a-f]{8}$/.test(id);
}

export function isProviderId(id: string): id is ProviderId {
  return isBuiltinProvider(id) || isCardDavProvider(id);
}

export function serviceKindOf(name: ServiceName): ServiceKind {
  if (name === 'gcds') return 'gcds';
  return isBuiltinProvider(name) ? BUILTIN_PROVIDERS[name].kind : 'carddav';
}

/** Whether the manifest lets its app's engine have this port. */
export function grants(manifest: InstalledApp, name: ServiceName): boolean {
  return manifest.services.includes(serviceKindOf(name));
}

/**
 * An app as the shell installs it, with its name and the services it is given; the level is fixed here,
 * by the shell, never by the app. (What the platform registers from it is `AppManifest`, @gcds/shared.)
 */
export interface InstalledApp {
  appId: string;
  name: string;
  accessLevel: AccessLevel;
  /** Provider APIs the shell connects to the app's engine (the Contacts app edits local and CardDAV contacts). */
  services: readonly ServiceKind[];
}

export const APPS: readonly InstalledApp[] = [
  {
    appId: 'contacts',
    name: 'Contacts',
    accessLevel: 'certified',
    services: ['gcds', 'local', 'vcard', 'carddav'],
  },
  { appId: 'phone', name: 'Phone', accessLevel: 'privileged', services: [] },
  { appId: 'messages', name: 'Messages', accessLevel: 'privileged', services: [] },
];

/** Names the UI shows for the built-in providers (a CardDAV address book is named by its account). */
export const PROVIDER_NAMES: Readonly<Record<BuiltinProviderId, string>> = Object.fromEntries(
  BUILTIN_PROVIDER_IDS.map((id) => [id, BUILTIN_PROVIDERS[id].name]),
) as Record<BuiltinProviderId, string>;
