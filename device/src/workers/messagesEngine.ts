import type { AppIdentity } from '@gcds/shared';
import { asyncScheduler, merge, type Observable, throttleTime } from 'rxjs';
import type { DemoMessage } from '../demo/demoActivity';
import type { AddressKind, MessagesAppApi, Recipient, ThreadSummary } from '../protocol/messagesApi';
import { displayNumber, numberLabel } from './callerIdView';
import { messageAddress } from './messageAddress';
import type { MessageStore, NewMessage, StoredThread } from './messageStore';

/** An address of a person as the messaging consumer gives it. */
export interface PersonAddress {
  kind: AddressKind;
  value: string;
  type?: readonly string[];
  label?: string;
}

/** What the Messages engine uses of the messaging consumer (its own IndexedDB copy of the GCDS). */
export interface Messaging {
  readonly changes$: Observable<unknown>;
  searchRecipients(
    query: string,
    limit?: number,
  ): Promise<ReadonlyArray<{ personId: string; displayName: string; address: PersonAddress }>>;
  displayNamesFor(
    addresses: readonly string[],
  ): Promise<ReadonlyMap<string, { personId: string; displayName: string } | undefined>>;
}

/** The longest text one send takes (a long SMS is split by the network, not refused; this is a guard). */
export const MAX_MESSAGE_LENGTH = 5_000;

/** Validates a send: every address must read, and the text must not be empty. Sends nothing otherwise. */
export function outgoing(
  addresses: readonly string[],
  text: string,
  region: string,
  at: number,
): NewMessage[] {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('Write a message first: it is empty.');
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw new Error(`The message is ${text.length} characters long; at most ${MAX_MESSAGE_LENGTH} are sent.`);
  }
  if (!Array.isArray(addresses) || addresses.length === 0) throw new Error('Add at least one recipient.');
  const threads = new Map(addresses.map((raw) => messageAddress(String(raw), region)).map((a) => [a.id, a]));
  return [...threads.values()].map((thread) => ({
    thread,
    direction: 'out' as const,
    text: text.trim(),
    at,
  }));
}

/** Demo messages as new messages, placed back in time from `now`. */
export function demoMessages(messages: readonly DemoMessage[], region: string, now: number): NewMessage[] {
  return messages.map((m) => ({
    thread: messageAddress(m.address, region),
    direction: m.direction,
    text: m.text,
    at: now - m.minutesAgo * 60_000,
  }));
}

function addressShown(address: PersonAddress, region: string): string {
  return address.kind === 'phone' ? displayNumber(address.value, region) : address.value;
}

/**
 * The Messages app's engine: recipients and thread names from the messaging consumer, which reads the
 * GCDS at the level the shell gave the Messages app; the threads in the app's own database.
 */
export class MessagesEngine {
  constructor(
    private readonly identity: AppIdentity,
    private readonly region: string,
    private readonly messaging: Messaging,
    private readonly store: MessageStore,
  ) {}

  async #named(threads: readonly StoredThread[]): Promise<ThreadSummary[]> {
    const names = await this.messaging.displayNamesFor([...new Set(threads.map((t) => t.address))]);
    return threads.map((thread) => {
      const name = names.get(thread.address);
      return {
        ...thread,
        ...(name === undefined ? {} : { personId: name.personId }),
        ...(name === undefined || name.displayName === '' ? {} : { name: name.displayName }),
      };
    });
  }

  readonly appApi: MessagesAppApi = {
    whoAmI: () => ({ appId: this.identity.appId, accessLevel: this.identity.accessLevel }),
    searchRecipients: async (query, limit = 8) => {
      if (typeof query !== 'string' || query.trim() === '') return [];
      const found = await this.messaging.searchRecipients(query.trim(), limit);
      return found.map((r): Recipient => {
        const shown = addressShown(r.address, this.region);
        const label = r.address.kind === 'phone' ? numberLabel(r.address) : r.address.label;
        return {
          personId: r.personId,
          name: r.displayName === '' ? shown : r.displayName,
          address: r.address.value,
          displayAddress: shown,
          kind: r.address.kind,
          ...(label === undefined ? {} : { label }),
        };
      });
    },
    threads: async () => this.#named(await this.store.threads()),
    thread: async (threadId) => {
      const found = await this.store.thread(threadId);
      if (found === undefined) return undefined;
      const [summary] = await this.#named([found.thread]);
      return { summary: summary!, messages: found.messages };
    },
    send: async (addresses, text) => {
      const messages = outgoing(addresses, text, this.region, Date.now());
      await this.store.add(messages);
      return messages.map((m) => m.thread.id);
    },
    subscribe: (onChange) => {
      merge(this.messaging.changes$, this.store.changes$)
        .pipe(throttleTime(150, asyncScheduler, { leading: true, trailing: true }))
        .subscribe(() => {
          void onChange();
        });
    },
  };
}
