/**
 * Test support: the real platform, with everything it hands a consumer written down. The platform
 * still decides what the consumer may open and see; this only records what actually arrived (every
 * store it opened or was refused, every sync task, every record and blob, every change event and revision), so a
 * test can assert that nothing of a provider ever reached the consumer, not just that its query results
 * look clean.
 */
import { tap } from 'rxjs';
import type { ConsumerPlatform } from '../consumerSync/consumerPlatform';
import type { AppIdentity } from '../dataStore/dataStorePlatform';
import type { DataStoreReader, SyncCursor, SyncPoint } from '../dataStore/types';

export interface Received {
  /** `owner/name` of every store the platform let the consumer open. */
  opened: string[];
  /** `owner/name` of every store the platform refused it. */
  refused: string[];
  tasks: unknown[];
  records: unknown[];
  blobs: unknown[];
  events: unknown[];
  /** The revisions its wake-up stream told (numbers only: nothing else to leak). */
  revisions: number[];
}

export function recordingPlatform(platform: ConsumerPlatform): {
  platform: ConsumerPlatform;
  received: Received;
} {
  const received: Received = {
    opened: [],
    refused: [],
    tasks: [],
    records: [],
    blobs: [],
    events: [],
    revisions: [],
  };
  const keep = <T>(list: unknown[], value: T): T => {
    if (value !== undefined) list.push(value);
    return value;
  };
  const recordingCursor = <T>(cursor: SyncCursor<T>): SyncCursor<T> => {
    const next = async () => keep(received.tasks, await cursor.next());
    return {
      next,
      close: () => cursor.close(),
      resumePoint: () => cursor.resumePoint(),
      async *[Symbol.asyncIterator]() {
        while (true) {
          const task = await next();
          yield task;
          if (task.operation === 'done') return;
        }
      },
    };
  };
  const recordingReader = <T>(reader: DataStoreReader<T>): DataStoreReader<T> => {
    // Every change event the reader hears is written down, whether or not the consumer listens to
    // them (a consumer may wake on revisions alone): what a reader can hear must not leak either.
    reader.changes$.subscribe({ next: (event) => received.events.push(event), error: () => undefined });
    return Object.freeze({
      name: reader.name,
      owner: reader.owner,
      accessLevel: reader.accessLevel,
      get: async (id: string) => keep(received.records, await reader.get(id)),
      getMany: async (ids: readonly string[], seenAt?: readonly number[]) =>
        (await reader.getMany(ids, seenAt)).map((record) => keep(received.records, record)),
      getLength: () => reader.getLength(),
      getRevision: () => reader.getRevision(),
      getEpoch: () => reader.getEpoch(),
      keys: (afterId?: string, limit?: number) => reader.keys(afterId, limit),
      getBlob: async (id: string) => keep(received.blobs, await reader.getBlob(id)),
      sync: (from?: number | SyncPoint) => recordingCursor(reader.sync(from)),
      changes$: reader.changes$,
      revisions$: reader.revisions$.pipe(tap((revision) => received.revisions.push(revision))),
    });
  };
  return {
    received,
    platform: {
      announcements$: platform.announcements$,
      listStores: (name?: string) => platform.listStores(name),
      async openStore<T>(identity: AppIdentity, name: string, owner: string) {
        try {
          const reader = await platform.openStore<T>(identity, name, owner);
          received.opened.push(`${owner}/${name}`);
          return recordingReader(reader);
        } catch (error) {
          received.refused.push(`${owner}/${name}`);
          throw error;
        }
      },
    },
  };
}
