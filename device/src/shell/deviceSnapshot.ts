import type { GcdsStatus } from '@gcds/gcds';
import type { BuiltinProviderId } from '../protocol/deviceConfig';
import type { EngineStatus } from '../protocol/engineApi';
import type { FacebookServerState } from '../protocol/workerApis';
import type { AccountView } from './cardDavAccounts';
import type { StoreState } from './storeMonitor';

export type ProviderState = 'installing' | 'installed' | 'uninstalling' | 'not installed' | 'failed';

export interface ProviderView {
  readonly id: BuiltinProviderId;
  readonly name: string;
  readonly state: ProviderState;
  readonly progress?: { readonly done: number; readonly total: number; readonly label: string };
}

/** What the system panel shows: a frozen picture of the device, taken when something changed. */
export interface DeviceSnapshot {
  readonly deviceId: string;
  readonly people: number;
  readonly online: boolean;
  readonly gcdsState: 'starting' | 'running' | 'killed';
  readonly gcdsStatus: GcdsStatus | undefined;
  readonly providers: readonly ProviderView[];
  readonly accounts: readonly AccountView[];
  readonly facebookServer: FacebookServerState | undefined;
  readonly engineStatus: ReadonlyMap<string, EngineStatus>;
  readonly stores: readonly StoreState[];
}
