import type { ConsumerSyncStatus } from '@gcds/shared';
import { map, type Observable } from 'rxjs';
import type { EngineStatus } from '../protocol/engineApi';

/** A consumer's sync status as the system panel shows it (plain data: it crosses to the shell). */
export function engineStatus$(
  status$: Observable<ConsumerSyncStatus>,
): Observable<Omit<EngineStatus, 'appId'>> {
  return status$.pipe(
    map((status) => ({
      revision: status.revision,
      syncing: status.syncing,
      commits: status.commits,
      ...(status.lastError === undefined ? {} : { lastError: status.lastError }),
    })),
  );
}
