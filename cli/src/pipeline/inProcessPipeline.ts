import { type ContactsConsumer, createContactsConsumer } from '@gcds/consumer-contacts';
import { createDialerConsumer, type DialerConsumer } from '@gcds/consumer-dialer';
import { createMessagingConsumer, type MessagingConsumer } from '@gcds/consumer-messaging';
import { GCDS_APP_ID, Gcds, type GcdsOptions } from '@gcds/gcds';
import {
  type AccessLevel,
  type AppIdentity,
  type ConsumerPlatform,
  consumerPlatformOf,
  DataStorePlatform,
  ProviderRegistry,
} from '@gcds/shared';

/** The three apps of the phone, by what they do. */
export type AppKind = 'contacts' | 'dialer' | 'messaging';

export interface AppOfKind {
  contacts: ContactsConsumer;
  dialer: DialerConsumer;
  messaging: MessagingConsumer;
}

/** One installed app: its name (its identity's app id), what it is, and the access level it was granted. */
export interface AppSpec {
  readonly name: string;
  readonly kind: AppKind;
  readonly level: AccessLevel;
}

// The seed's levels: Contacts is certified, the Phone and Messages apps are privileged.
export const CONTACTS_APP = {
  name: 'contacts',
  kind: 'contacts',
  level: 'certified',
} as const satisfies AppSpec;
export const DIALER_APP = { name: 'dialer', kind: 'dialer', level: 'privileged' } as const satisfies AppSpec;
export const MESSAGING_APP = {
  name: 'messaging',
  kind: 'messaging',
  level: 'privileged',
} as const satisfies AppSpec;
export const PHONE_APPS: readonly AppSpec[] = [CONTACTS_APP, DIALER_APP, MESSAGING_APP];

export interface InProcessPipelineOptions {
  namespace: string;
  /** Default phone region: numbers written without a country code are read in it. */
  region: string;
  /** The platform's clock and tombstone policy, for tests that move time. */
  now?: () => number;
  tombstoneRetentionMs?: number;
  maxTombstones?: number;
}

/** How an app is opened: its own database name, batch size and commit hook, and the platform it sees. */
export interface OpenAppOptions {
  dbName?: string;
  batchSize?: number;
  beforeCommit?: (label: string) => void;
  /** Default: the platform narrowed to what an app may use, as an engine worker gets it. */
  platform?: ConsumerPlatform;
}

/**
 * The product wired in one process: platform → provider registry → identities → GCDS → apps. The
 * `gcds` command, the bench and the convergence proofs each run on it, so the wiring is written once;
 * each decides which providers it installs and when the GCDS and apps start.
 */
export interface InProcessPipeline {
  readonly namespace: string;
  readonly region: string;
  readonly platform: DataStorePlatform;
  readonly registry: ProviderRegistry;
  readonly gcdsIdentity: AppIdentity;
  /** Starts a GCDS over the platform (again after a stop: it resumes from its own store). */
  startGcds(options?: Partial<GcdsOptions>): Promise<Gcds>;
  /** Issues an app's identity: the shell's job, the only way an app gets one. */
  registerApp(appId: string, accessLevel: AccessLevel): AppIdentity;
  /** Opens an app's consumer over its own database (`<namespace>:<app name>` unless given). */
  openApp<K extends AppKind>(
    spec: AppSpec & { kind: K },
    identity: AppIdentity,
    options?: OpenAppOptions,
  ): Promise<AppOfKind[K]>;
  /** Stops the providers and closes the platform; the GCDS and apps are stopped by whoever started them. */
  shutdown(): Promise<void>;
}

export function createInProcessPipeline(options: InProcessPipelineOptions): InProcessPipeline {
  const { namespace, region } = options;
  const platform = new DataStorePlatform({
    namespace,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.tombstoneRetentionMs === undefined
      ? {}
      : { tombstoneRetentionMs: options.tombstoneRetentionMs }),
    ...(options.maxTombstones === undefined ? {} : { maxTombstones: options.maxTombstones }),
  });
  const registry = new ProviderRegistry(platform, {
    defaultRegion: region,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const gcdsIdentity = platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' });
  return {
    namespace,
    region,
    platform,
    registry,
    gcdsIdentity,
    startGcds: (gcdsOptions = {}) =>
      Gcds.start({
        platform,
        identity: gcdsIdentity,
        region,
        ...(options.now === undefined ? {} : { now: options.now }),
        ...gcdsOptions,
      }),
    registerApp: (appId, accessLevel) => platform.registerApp({ appId, accessLevel }),
    async openApp(spec, identity, open = {}) {
      const common = {
        platform: open.platform ?? consumerPlatformOf(platform),
        identity,
        region,
        dbName: open.dbName ?? `${namespace}:${spec.name}`,
        ...(open.batchSize === undefined ? {} : { batchSize: open.batchSize }),
        ...(open.beforeCommit === undefined ? {} : { beforeCommit: open.beforeCommit }),
      };
      const opened: AppOfKind[AppKind] =
        spec.kind === 'contacts'
          ? await createContactsConsumer({ ...common, locale: 'en' })
          : spec.kind === 'dialer'
            ? await createDialerConsumer(common)
            : await createMessagingConsumer(common);
      return opened as AppOfKind[typeof spec.kind];
    },
    async shutdown() {
      await registry.shutdown();
      await platform.close();
    },
  };
}
