import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type Observable, share, tap } from 'rxjs';
import { AccessError, type AccessLevel, canReadAt, isAccessLevel } from '../access/accessLevel';
import {
  mayHoldHiddenPerson,
  READABLE_POINTERS_POLICY,
  readablePointers,
} from '../person/readablePointersPolicy';
import { PROVIDER_GRANT, type ProviderGrant } from '../provider/providerGrant';
import { ChangeBus } from './changeBus';
import { acquireOwnership, type OwnershipLease } from './ownershipLease';
import { RevisionedStore } from './revisionedStore';
import { type RowPolicy, rowPolicyReader } from './rowPolicyReader';
import { ownerHandleOf, readerHandleOf } from './storeHandles';
import type { DataStoreReader, StoreManifest, StoreSchema, TransactionalDataStoreOwner } from './types';

/** What the shell knows of an app when it installs it. */
export interface AppManifest {
  appId: string;
  accessLevel: AccessLevel;
  displayName?: string;
}

/**
 * An app's identity, issued by the platform. Only identities the platform issued are honoured: an object
 * with the same fields made by anyone else is refused, so an app cannot claim a level it was not given.
 */
export interface AppIdentity {
  readonly appId: string;
  readonly accessLevel: AccessLevel;
}

export interface DataStoreInfo {
  name: string;
  owner: string;
  accessLevel: AccessLevel;
  description?: string;
  rowPolicy?: string;
  /** Installed through the provider registry: a provider's store, which the GCDS adopts. */
  provider?: true;
}

/** The `datastore-change-*` system message: a store appeared or went away. */
export interface DataStoreAnnouncement {
  type: 'installed' | 'uninstalled';
  store: DataStoreInfo;
}

export interface DataStorePlatformOptions {
  /** Prefix of every IndexedDB database this platform creates; separate platforms never share data. */
  namespace?: string;
  now?: () => number;
  /** How long removal tombstones stay syncable; default 30 days. */
  tombstoneRetentionMs?: number;
  maxTombstones?: number;
  /**
   * Tasks a sync reads in one request (default 2,000: a GCDS page and an app's largest batch are one
   * read each, not four queued behind the backend's other work).
   */
  syncPageSize?: number;
  /** Bridge change events to other browser contexts over a BroadcastChannel of this name. */
  broadcastChannelName?: string;
  /** Row policies stores may name; `readable-pointers` (the GCDS's) is always there. */
  rowPolicies?: Record<string, RowPolicy>;
}

const ANNOUNCEMENTS_KEY = 'platform:announcements';

/** An app's level as first issued on this device: every later identity of the app must have it. */
interface AppGrant {
  appId: string;
  accessLevel: AccessLevel;
}

interface PlatformSchema extends DBSchema {
  stores: { key: [string, string]; value: DataStoreInfo };
  apps: { key: string; value: AppGrant };
}

/**
 * The platform's DataStore service: it issues app identities, owns every store and hands out handles.
 * Owners get write handles; everyone else gets read handles, and only at or above the store's level.
 */
export class DataStorePlatform {
  readonly #identities = new WeakSet<object>();
  readonly #granted = new WeakMap<AppIdentity, Promise<void>>();
  readonly #leases = new Map<string, OwnershipLease>();
  readonly #appIds = new Set<string>();
  readonly #stores = new Map<string, RevisionedStore<unknown>>();
  readonly #bus: ChangeBus;
  readonly #registry: Promise<IDBPDatabase<PlatformSchema>>;
  readonly #options: Required<Omit<DataStorePlatformOptions, 'broadcastChannelName' | 'rowPolicies'>>;
  readonly #rowPolicies: Record<string, RowPolicy>;

  /** Store installs and uninstalls (from this context and bridged ones), for the GCDS to find providers. */
  readonly announcements$: Observable<DataStoreAnnouncement>;

  constructor(options: DataStorePlatformOptions = {}) {
    this.#options = {
      namespace: options.namespace ?? 'gcds',
      now: options.now ?? Date.now,
      tombstoneRetentionMs: options.tombstoneRetentionMs ?? 30 * 24 * 3600 * 1000,
      maxTombstones: options.maxTombstones ?? 10_000,
      syncPageSize: options.syncPageSize ?? 2_000,
    };
    this.#rowPolicies = { [READABLE_POINTERS_POLICY]: readablePointers, ...options.rowPolicies };
    this.#bus = new ChangeBus({ bridgeName: options.broadcastChannelName });
    this.announcements$ = this.#bus.channel<DataStoreAnnouncement>(ANNOUNCEMENTS_KEY).pipe(
      tap((announcement) => {
        // Another context removed a store: drop our connection so its data really goes.
        if (announcement.type === 'uninstalled') this.#forget(announcement.store);
      }),
      share(),
    );
    this.#registry = openDB<PlatformSchema>(`${this.#options.namespace}:platform`, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) db.createObjectStore('stores', { keyPath: ['owner', 'name'] });
        if (oldVersion < 2) db.createObjectStore('apps', { keyPath: 'appId' });
      },
    });
    // A bridged announcement is a claim anyone of the origin can post: acted on only as the registry
    // confirms it, in the order the claims came, and told with the registry's own record.
    let checked: Promise<void> = Promise.resolve();
    this.#bus.verifyBridged(ANNOUNCEMENTS_KEY, (hint, deliver) => {
      checked = checked
        .then(async () => {
          const confirmed = await this.#confirmed(hint);
          if (confirmed !== undefined) deliver(confirmed);
        })
        .catch(() => undefined);
    });
  }

  /** The announcement the registry bears out, or `undefined` for one it does not. */
  async #confirmed(hint: unknown): Promise<DataStoreAnnouncement | undefined> {
    if (typeof hint !== 'object' || hint === null) return undefined;
    const { type, store } = hint as { type?: unknown; store?: { name?: unknown; owner?: unknown } };
    if (type !== 'installed' && type !== 'uninstalled') return undefined;
    if (typeof store?.name !== 'string' || typeof store.owner !== 'string') return undefined;
    const info = await (await this.#registry).get('stores', [store.owner, store.name]);
    if (type === 'installed') return info === undefined ? undefined : { type, store: info };
    if (info !== undefined) return undefined;
    const level = (hint as { store: { accessLevel?: unknown } }).store.accessLevel;
    return {
      type,
      store: {
        name: store.name,
        owner: store.owner,
        accessLevel: isAccessLevel(level) ? level : 'certified',
      },
    };
  }

  get namespace(): string {
    return this.#options.namespace;
  }

  /** Called by the shell (never by an app) when it installs or starts an app. */
  registerApp(manifest: AppManifest): AppIdentity {
    if (!isAccessLevel(manifest.accessLevel))
      throw new Error(`unknown access level "${manifest.accessLevel}"`);
    if (this.#appIds.has(manifest.appId)) throw new Error(`app "${manifest.appId}" is already registered`);
    const identity: AppIdentity = Object.freeze({ appId: manifest.appId, accessLevel: manifest.accessLevel });
    this.#identities.add(identity);
    this.#appIds.add(manifest.appId);
    return identity;
  }

  unregisterApp(identity: AppIdentity): void {
    this.#verify(identity);
    this.#identities.delete(identity);
    this.#appIds.delete(identity.appId);
  }

  /** Creates (or reopens) the caller's own store and returns its owner handle. */
  async ownStore<T, S extends DBSchema | unknown = unknown>(
    owner: AppIdentity,
    manifest: StoreManifest,
    options: { schema?: StoreSchema<S>; grant?: ProviderGrant } = {},
  ): Promise<TransactionalDataStoreOwner<T, S>> {
    await this.#verifyGranted(owner);
    if (!isAccessLevel(manifest.accessLevel))
      throw new Error(`unknown access level "${manifest.accessLevel}"`);
    if (manifest.rowPolicy !== undefined && !(manifest.rowPolicy in this.#rowPolicies)) {
      throw new Error(`unknown row policy "${manifest.rowPolicy}"`);
    }
    const info: DataStoreInfo = {
      name: manifest.name,
      owner: owner.appId,
      accessLevel: manifest.accessLevel,
      ...(manifest.description === undefined ? {} : { description: manifest.description }),
      ...(manifest.rowPolicy === undefined ? {} : { rowPolicy: manifest.rowPolicy }),
      ...(options.grant === PROVIDER_GRANT ? { provider: true as const } : {}),
    };
    const registry = await this.#registry;
    const known = await registry.get('stores', [info.owner, info.name]);
    if (known !== undefined) checkReinstall(known, info);
    await this.#lease(info);
    await registry.put('stores', info);
    const { store, ownerKey } = this.#openedStore(info);
    if (options.schema !== undefined) await store.applySchema(ownerKey, options.schema as StoreSchema);
    // A store that became a provider's (one recorded before providers were marked) is news to the GCDS.
    if (known === undefined || known.provider !== info.provider)
      this.#announce({ type: 'installed', store: info });
    return ownerHandleOf(store as RevisionedStore<T, S>, ownerKey);
  }

  /** Every store of that name the reader may read (navigator.getDataStores). Unreadable ones are left out. */
  async getDataStores<T>(reader: AppIdentity, name: string): Promise<DataStoreReader<T>[]> {
    await this.#verifyGranted(reader);
    const all = await (await this.#registry).getAll('stores');
    const readable = all.filter(
      (info) => info.name === name && canReadAt(reader.accessLevel, info.accessLevel),
    );
    await Promise.all(readable.map((info) => this.#storeFor(info).ready()));
    return readable.map((info) => this.#readerFor<T>(info, reader));
  }

  /** The reader handle of one store; refused below the store's access level. */
  async openStore<T>(reader: AppIdentity, name: string, owner: string): Promise<DataStoreReader<T>> {
    await this.#verifyGranted(reader);
    const info = await (await this.#registry).get('stores', [owner, name]);
    if (info === undefined) throw new Error(`no store "${name}" owned by ${owner}`);
    if (!canReadAt(reader.accessLevel, info.accessLevel)) {
      throw new AccessError(
        `${reader.appId} (${reader.accessLevel}) may not read ${owner}/${name}: it needs ${info.accessLevel}`,
      );
    }
    await this.#storeFor(info).ready();
    return this.#readerFor<T>(info, reader);
  }

  #readerFor<T>(info: DataStoreInfo, reader: AppIdentity): DataStoreReader<T> {
    const base = readerHandleOf(this.#storeFor<T>(info));
    if (info.rowPolicy === undefined) return base;
    const policy = this.#rowPolicies[info.rowPolicy];
    if (policy === undefined)
      throw new AccessError(`no row policy "${info.rowPolicy}" here: refusing to read`);
    // The GCDS's policy knows who may hold a person it now hides; others are told every hidden record.
    const mayHold =
      info.rowPolicy === READABLE_POINTERS_POLICY
        ? (mayHoldHiddenPerson as (record: T, level: AccessLevel) => boolean)
        : undefined;
    return rowPolicyReader<T>(base, policy, reader.accessLevel, mayHold);
  }

  async listStores(name?: string): Promise<DataStoreInfo[]> {
    const all = await (await this.#registry).getAll('stores');
    return name === undefined ? all : all.filter((info) => info.name === name);
  }

  /** Deletes the owner's store and its data (an uninstall), and announces it. */
  async removeStore(owner: AppIdentity, name: string): Promise<void> {
    await this.#verifyGranted(owner);
    const registry = await this.#registry;
    const info = await registry.get('stores', [owner.appId, name]);
    if (info === undefined) return;
    // Only the context that owns the store now may delete it.
    await this.#lease(info);
    const key = this.#dbName(info);
    const { store, ownerKey } = this.#openedStore(info);
    await store.destroy(ownerKey);
    this.#stores.delete(key);
    await registry.delete('stores', [owner.appId, name]);
    this.#release(key);
    this.#announce({ type: 'uninstalled', store: info });
  }

  /** Closes every connection; data stays. A new platform with the same namespace sees it again. */
  async close(): Promise<void> {
    await Promise.all([...this.#stores.values()].map((store) => store.close()));
    this.#stores.clear();
    for (const key of [...this.#leases.keys()]) this.#release(key);
    (await this.#registry).close();
    this.#bus.close();
  }

  #announce(announcement: DataStoreAnnouncement): void {
    this.#bus.publish(ANNOUNCEMENTS_KEY, announcement);
  }

  #forget(info: DataStoreInfo): void {
    const key = this.#dbName(info);
    const store = this.#stores.get(key);
    if (store === undefined) return;
    this.#stores.delete(key);
    this.#ownerKeys.delete(key);
    this.#release(key);
    void store.close();
  }

  /**
   * An identity this platform issued, at the level the device first granted its app. The grant is
   * recorded once per device (in the namespace's registry, which every context shares), so another
   * platform instance cannot issue the same app at another level: a provider's identity at `web`, say.
   */
  #verifyGranted(identity: AppIdentity): Promise<void> {
    this.#verify(identity);
    let granted = this.#granted.get(identity);
    if (granted === undefined) {
      granted = this.#checkGrant(identity);
      this.#granted.set(identity, granted);
    }
    return granted;
  }

  async #checkGrant(identity: AppIdentity): Promise<void> {
    const registry = await this.#registry;
    const tx = registry.transaction('apps', 'readwrite');
    const grant = await tx.store.get(identity.appId);
    if (grant === undefined) await tx.store.put({ appId: identity.appId, accessLevel: identity.accessLevel });
    await tx.done;
    if (grant !== undefined && grant.accessLevel !== identity.accessLevel) {
      throw new AccessError(
        `${identity.appId} is ${grant.accessLevel} on this device: an identity at ${identity.accessLevel} is refused`,
      );
    }
  }

  /** Takes the device-wide lease on owning the store, unless this platform holds it already. */
  async #lease(info: DataStoreInfo): Promise<void> {
    const key = this.#dbName(info);
    if (this.#leases.has(key)) return;
    const lease = await acquireOwnership(`${key}:owner`);
    if (lease === undefined) {
      throw new AccessError(`${info.owner}/${info.name} is owned by another running context of this device`);
    }
    if (this.#leases.has(key)) lease.release();
    else {
      this.#leases.set(key, lease);
      // While the lease was elsewhere, another context may have written ids this store never saw.
      this.#stores.get(key)?.forgetKnownIds();
    }
  }

  #release(key: string): void {
    this.#leases.get(key)?.release();
    this.#leases.delete(key);
  }

  #verify(identity: AppIdentity): void {
    if (!this.#identities.has(identity)) {
      throw new AccessError('unknown app identity: identities are issued by the platform, not made by apps');
    }
  }

  #dbName(info: DataStoreInfo): string {
    return `${this.#options.namespace}:store:${info.owner}:${info.name}`;
  }

  readonly #ownerKeys = new Map<string, ReturnType<typeof RevisionedStore.open>['ownerKey']>();

  #openedStore(info: DataStoreInfo) {
    this.#storeFor(info);
    const key = this.#dbName(info);
    const store = this.#stores.get(key)!;
    const ownerKey = this.#ownerKeys.get(key)!;
    return { store, ownerKey };
  }

  #storeFor<T>(info: DataStoreInfo): RevisionedStore<T> {
    const key = this.#dbName(info);
    let store = this.#stores.get(key) as RevisionedStore<T> | undefined;
    if (store === undefined) {
      const opened = RevisionedStore.open<T>({
        dbName: key,
        name: info.name,
        owner: info.owner,
        accessLevel: info.accessLevel,
        bus: this.#bus,
        now: this.#options.now,
        tombstoneRetentionMs: this.#options.tombstoneRetentionMs,
        maxTombstones: this.#options.maxTombstones,
        syncPageSize: this.#options.syncPageSize,
      });
      store = opened.store;
      this.#stores.set(key, store as RevisionedStore<unknown>);
      this.#ownerKeys.set(key, opened.ownerKey);
    }
    return store;
  }
}

/**
 * A store's level, row policy and provider standing are fixed when it is installed: owning it again
 * (a restart, a second context) must ask for the same, so no one lowers who may read it.
 */
function checkReinstall(known: DataStoreInfo, wanted: DataStoreInfo): void {
  const what = `${known.owner}/${known.name}`;
  if (known.accessLevel !== wanted.accessLevel) {
    throw new AccessError(
      `${what} is installed at ${known.accessLevel}: it cannot be owned at ${wanted.accessLevel}`,
    );
  }
  if (known.rowPolicy !== wanted.rowPolicy) {
    throw new AccessError(
      `${what} has row policy ${known.rowPolicy ?? 'none'}: it cannot change while installed`,
    );
  }
  if (known.provider === true && wanted.provider !== true) {
    throw new AccessError(`${what} is a provider's store: only the provider registry may own it`);
  }
}
