import type { AccessLevel } from '../access/accessLevel';
import type { Contact } from '../contact/contact';
import type { DataStoreOwner } from '../dataStore/types';

export interface ProviderManifest {
  displayName: string;
  /** The lowest app level that may read this provider's contacts (facebook-sim: `certified`). */
  accessLevel: AccessLevel;
  /** Whether the user may edit these contacts through the provider's API. */
  writable: boolean;
  description?: string;
}

/** What a provider gets when it starts: the owner handle of its own `contacts` store, and nothing else. */
export interface ProviderContext {
  readonly providerId: string;
  readonly store: DataStoreOwner<Contact>;
  /** Aborted when the provider is uninstalled or the registry shuts down. */
  readonly signal: AbortSignal;
  /** The default phone region (ISO 3166 alpha-2) for parsing numbers without a country code. */
  readonly defaultRegion: string;
  now(): number;
}

/** A provider plugin. `API` is what it offers its own UI or tests (e.g. the local provider's CRUD). */
export interface ProviderDefinition<API = unknown> {
  /** Stable id: also the store owner and the `provider` field of every GCDS pointer to its contacts. */
  readonly id: string;
  readonly manifest: ProviderManifest;
  start(ctx: ProviderContext): API | Promise<API>;
  /** Called on uninstall and shutdown, after `signal` aborts. */
  stop?(): void | Promise<void>;
}

export function defineProvider<API>(definition: ProviderDefinition<API>): ProviderDefinition<API> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.id)) {
    throw new Error(`provider id "${definition.id}" must be lower-case letters, digits and dashes`);
  }
  return definition;
}
