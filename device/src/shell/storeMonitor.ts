import { type AppIdentity, type DataStoreInfo, DataStorePlatform, type DataStoreReader } from '@gcds/shared';
import {
  asyncScheduler,
  debounceTime,
  filter,
  map,
  merge,
  type Observable,
  Subject,
  type Subscription,
  throttleTime,
} from 'rxjs';
import type { DeviceConfig } from '../protocol/deviceConfig';

export interface StoreState {
  info: DataStoreInfo;
  revision: number;
  length: number;
}

/**
 * How long a store with a row policy must be still, its owner idle, before its length is read again:
 * that read judges every record, and a second was often enough between two GCDS runs of an import.
 */
const POLICY_LENGTH_QUIET_MS = 2_500;
/** At most how often a store's revision is read as it moves. */
const REVISION_READ_MS = 120;
/** At most how often a store's length is counted as it moves. */
const LENGTH_READ_MS = 1_000;

/** What a row-policy store's owner says of it: it moved, and whether the owner is idle now. */
interface OwnerMove {
  owner: string;
  idle: boolean;
}

/**
 * The system panel's view of every DataStore: the shell's own platform instance with a certified
 * `system` identity, reading revisions as change events arrive over the BroadcastChannel bridge.
 * A store with a row policy (the GCDS's) is different: its change events pass the policy, which reads
 * every record of every commit to judge its ids, and it can only count what this reader sees by
 * reading every record. So the shell does not listen to it: its owner's status says when it moved (the
 * revision is read then) and the length is read once the owner is idle and the store has been still
 * for a moment. During a load those reads were most of the main thread's script time.
 */
export class StoreMonitor {
  readonly #platform: DataStorePlatform;
  readonly #identity: AppIdentity;
  readonly #watched = new Map<string, { reader: DataStoreReader<unknown>; subscription: Subscription }>();
  readonly #states = new Map<string, StoreState>();
  readonly #ownerMoves = new Subject<OwnerMove>();

  constructor(
    config: DeviceConfig,
    private readonly onChange: () => void,
  ) {
    this.#platform = new DataStorePlatform({
      namespace: config.namespace,
      broadcastChannelName: config.channel,
    });
    this.#identity = this.#platform.registerApp({ appId: 'system', accessLevel: 'certified' });
    this.#platform.announcements$.subscribe(() => void this.refresh());
  }

  get states(): StoreState[] {
    return [...this.#states.values()].sort((a, b) => key(a.info).localeCompare(key(b.info)));
  }

  revisionOf(owner: string, name: string): number | undefined {
    return this.#states.get(`${owner}/${name}`)?.revision;
  }

  async refresh(): Promise<void> {
    const infos = await this.#platform.listStores();
    const present = new Set(infos.map(key));
    for (const [k, watched] of this.#watched) {
      if (!present.has(k)) {
        watched.subscription.unsubscribe();
        this.#watched.delete(k);
        this.#states.delete(k);
      }
    }
    for (const info of infos) {
      const k = key(info);
      if (!this.#watched.has(k)) {
        const reader = await this.#platform.openStore<unknown>(this.#identity, info.name, info.owner);
        const subscription = (
          info.rowPolicy === undefined ? this.#moves(reader.revisions$) : this.#policyMoves(info.owner)
        ).subscribe((withLength) => void this.#read(info, reader, withLength));
        this.#watched.set(k, { reader, subscription });
      }
      // A row-policy store's length is read by its owner's word (when idle and still), not on every
      // refresh: each install's refresh during a load read the whole GCDS again.
      await this.#read(info, this.#watched.get(k)!.reader, info.rowPolicy === undefined);
    }
    this.onChange();
  }

  /** The owner of row-policy stores (the GCDS, from its status) says they moved, and whether it is idle. */
  ownerMoved(owner: string, idle: boolean): void {
    this.#ownerMoves.next({ owner, idle });
  }

  /**
   * A store's own revisions: the revision read at most every 120 ms (a read of its state), the length at
   * most every second (a count, which walks every record: at 120 ms, those walks were a third of the
   * cursor steps IndexedDB took in a 10,000-person load).
   */
  #moves(revisions: Observable<unknown>): Observable<boolean> {
    return merge(
      revisions.pipe(
        throttleTime(REVISION_READ_MS, asyncScheduler, { leading: true, trailing: true }),
        map(() => false),
      ),
      revisions.pipe(
        throttleTime(LENGTH_READ_MS, asyncScheduler, { leading: true, trailing: true }),
        map(() => true),
      ),
    );
  }

  /** A row-policy store's: as its owner says it moved (see `policyStoreReads`). */
  #policyMoves(owner: string): Observable<boolean> {
    return policyStoreReads(
      this.#ownerMoves.pipe(
        filter((move) => move.owner === owner),
        map((move) => move.idle),
      ),
    );
  }

  /** Reads the store's revision, and its length too unless told to keep the last one read. */
  async #read(info: DataStoreInfo, reader: DataStoreReader<unknown>, withLength = true): Promise<void> {
    try {
      const known = this.#states.get(key(info));
      const [revision, length] = await Promise.all([
        reader.getRevision(),
        withLength || known === undefined ? reader.getLength() : known.length,
      ]);
      this.#states.set(key(info), { info, revision, length });
    } catch {
      // The store went away between the event and the read (an uninstall): the next refresh drops it.
      this.#states.delete(key(info));
    }
    this.onChange();
  }

  async close(): Promise<void> {
    for (const { subscription } of this.#watched.values()) subscription.unsubscribe();
    await this.#platform.close();
  }
}

/**
 * When to read a row-policy store, from its owner's moves (each says whether the owner is idle now):
 * the revision at most every 120 ms (false: keep the last length), the length too (true) once the
 * owner is idle and nothing moved for `quietMs`.
 */
export function policyStoreReads(
  idleAtMoves: Observable<boolean>,
  quietMs = POLICY_LENGTH_QUIET_MS,
): Observable<boolean> {
  return merge(
    idleAtMoves.pipe(
      throttleTime(REVISION_READ_MS, asyncScheduler, { leading: true, trailing: true }),
      map(() => false),
    ),
    idleAtMoves.pipe(
      debounceTime(quietMs),
      filter((idle) => idle),
      map(() => true),
    ),
  );
}

function key(info: DataStoreInfo): string {
  return `${info.owner}/${info.name}`;
}
