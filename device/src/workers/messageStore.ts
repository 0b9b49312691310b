import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { Subject } from 'rxjs';
import type { AddressKind, ChatMessage } from '../protocol/messagesApi';

/** A conversation with one address, as stored: no name (names are looked up when read). */
export interface StoredThread {
  id: string;
  address: string;
  displayAddress: string;
  kind: AddressKind;
  lastText: string;
  lastAt: number;
  count: number;
}

interface MessageSchema extends DBSchema {
  threads: { key: string; value: StoredThread; indexes: { byLast: number } };
  messages: { key: number; value: ChatMessage; indexes: { byThread: [string, number] } };
}

export interface NewMessage {
  thread: Pick<StoredThread, 'id' | 'address' | 'displayAddress' | 'kind'>;
  direction: ChatMessage['direction'];
  text: string;
  at: number;
}

/** The Messages app's threads and messages, in the app's own IndexedDB. */
export class MessageStore {
  readonly changes$ = new Subject<void>();

  private constructor(private readonly db: IDBPDatabase<MessageSchema>) {}

  static async open(name: string): Promise<MessageStore> {
    const db = await openDB<MessageSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('threads', { keyPath: 'id' }).createIndex('byLast', 'lastAt');
        db.createObjectStore('messages', { keyPath: 'id', autoIncrement: true }).createIndex('byThread', [
          'threadId',
          'at',
        ]);
      },
    });
    return new MessageStore(db);
  }

  /** Adds messages and updates their threads' summaries, all in one transaction. */
  async add(messages: readonly NewMessage[]): Promise<void> {
    const tx = this.db.transaction(['threads', 'messages'], 'readwrite');
    const threads = tx.objectStore('threads');
    const store = tx.objectStore('messages');
    for (const message of messages) {
      const { thread } = message;
      await store.add({
        threadId: thread.id,
        direction: message.direction,
        text: message.text,
        at: message.at,
      } as ChatMessage);
      const before = await threads.get(thread.id);
      const newest = before === undefined || message.at >= before.lastAt;
      await threads.put({
        ...thread,
        lastText: newest ? message.text : before.lastText,
        lastAt: newest ? message.at : before.lastAt,
        count: (before?.count ?? 0) + 1,
      });
    }
    await tx.done;
    if (messages.length > 0) this.changes$.next();
  }

  /** Every thread, the most recent first. */
  async threads(): Promise<StoredThread[]> {
    return (await this.db.getAllFromIndex('threads', 'byLast')).reverse();
  }

  async thread(id: string): Promise<{ thread: StoredThread; messages: ChatMessage[] } | undefined> {
    const tx = this.db.transaction(['threads', 'messages']);
    const thread = await tx.objectStore('threads').get(id);
    if (thread === undefined) return undefined;
    const messages = await tx
      .objectStore('messages')
      .index('byThread')
      .getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    return { thread, messages };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.count('threads')) === 0;
  }

  close(): void {
    this.db.close();
  }
}
