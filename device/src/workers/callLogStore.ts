import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { Subject } from 'rxjs';
import type { CallKind } from '../protocol/phoneApi';

/** A call as the Phone app remembers it: the number as dialled or received, never a name. */
export interface StoredCall {
  id: number;
  number: string;
  kind: CallKind;
  at: number;
}

interface CallLogSchema extends DBSchema {
  calls: { key: number; value: StoredCall; indexes: { byTime: number } };
}

/**
 * The Phone app's call log, in the app's own IndexedDB. Names are not stored: they are looked up when
 * the log is read, so they follow the contacts (a new contact names old calls; a deleted one no longer).
 */
export class CallLogStore {
  /** After every write. */
  readonly changes$ = new Subject<void>();

  private constructor(private readonly db: IDBPDatabase<CallLogSchema>) {}

  static async open(name: string): Promise<CallLogStore> {
    const db = await openDB<CallLogSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('calls', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'at');
      },
    });
    return new CallLogStore(db);
  }

  /** Adds calls in one transaction; returns them with their ids. */
  async add(calls: ReadonlyArray<Omit<StoredCall, 'id'>>): Promise<StoredCall[]> {
    const tx = this.db.transaction('calls', 'readwrite');
    const added: StoredCall[] = [];
    for (const call of calls) {
      const id = await tx.store.add(call as StoredCall);
      added.push({ ...call, id });
    }
    await tx.done;
    if (added.length > 0) this.changes$.next();
    return added;
  }

  /** The newest calls first. */
  async recent(limit: number): Promise<StoredCall[]> {
    const calls: StoredCall[] = [];
    let cursor = await this.db.transaction('calls').store.index('byTime').openCursor(null, 'prev');
    while (cursor !== null && calls.length < limit) {
      calls.push(cursor.value);
      cursor = await cursor.continue();
    }
    return calls;
  }

  async count(): Promise<number> {
    return this.db.count('calls');
  }

  close(): void {
    this.db.close();
  }
}
