import type { StatusError } from '@gcds/shared';
import type { LoadingProgress } from './contactsApi';
import type { DeviceConfig, InstalledApp, ServiceName } from './deviceConfig';

/** A consumer's sync state as the system panel shows it. */
export interface EngineStatus {
  appId: string;
  /** The GCDS revision the app's own database reflects. */
  revision: number;
  syncing: boolean;
  commits: number;
  lastError?: StatusError;
}

/** What an app engine worker offers the shell (never the app: the app gets `connectApp`'s port only). */
export interface EngineWorkerApi {
  start(
    config: DeviceConfig,
    manifest: InstalledApp,
    onStatus: (status: EngineStatus) => void,
  ): Promise<void>;
  connectApp(port: MessagePort): void;
  /** Connects (or, with null, disconnects) a provider or the GCDS, as the app's manifest allows. */
  setService(name: ServiceName, port: MessagePort | null): void;
  /** How far an import or first population is for this app, as the shell counts it (null: none). */
  setLoading(progress: LoadingProgress | null): void;
}
