import type { Observable } from 'rxjs';
import type {
  AppIdentity,
  DataStoreAnnouncement,
  DataStoreInfo,
  DataStorePlatform,
} from '../dataStore/dataStorePlatform';
import type { DataStoreReader } from '../dataStore/types';

/** What a consumer (an app's engine) may do with the platform: open stores to read, list them, hear installs. */
export interface ConsumerPlatform {
  openStore<T>(reader: AppIdentity, name: string, owner: string): Promise<DataStoreReader<T>>;
  listStores(name?: string): Promise<DataStoreInfo[]>;
  readonly announcements$: Observable<DataStoreAnnouncement>;
}

/**
 * The narrowed object a consumer is handed instead of the platform: a type alone would leave the whole
 * platform in its hands (`registerApp` at `certified`, `ownStore`), so this is a frozen object of its
 * own whose functions close over the platform and reach nothing else of it.
 */
export function consumerPlatformOf(platform: DataStorePlatform): ConsumerPlatform {
  return Object.freeze({
    openStore: <T>(reader: AppIdentity, name: string, owner: string) =>
      platform.openStore<T>(reader, name, owner),
    listStores: (name?: string) => platform.listStores(name),
    announcements$: platform.announcements$,
  });
}
