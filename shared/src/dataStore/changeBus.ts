import { type Observable, Subject } from 'rxjs';
import type { ChangeEvent } from './types';

interface BridgedMessage {
  source: string;
  key: string;
  event: unknown;
}

/**
 * Delivers change events to every listener of a store in this context and, when bridged, to other
 * browser contexts (frames, workers) through a BroadcastChannel, the way DataStore.onchange reached
 * every app on Firefox OS. Events carry ids, never record data. The platform's store announcements
 * travel the same way, on their own key.
 */
export class ChangeBus {
  readonly #subjects = new Map<string, Subject<unknown>>();
  readonly #source = Math.random().toString(36).slice(2);
  readonly #channel: BroadcastChannel | undefined;

  constructor(options: { bridgeName?: string } = {}) {
    if (options.bridgeName !== undefined && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(options.bridgeName);
      // Under Node a channel keeps the process alive; a bus must never do that.
      (this.#channel as { unref?: () => void }).unref?.();
      this.#channel.onmessage = (message: MessageEvent<BridgedMessage>) => {
        const data = message.data;
        if (data.source !== this.#source) this.#subject(data.key).next(data.event);
      };
    }
  }

  channel<E = ChangeEvent>(key: string): Observable<E> {
    return this.#subject(key).asObservable() as Observable<E>;
  }

  publish<E = ChangeEvent>(key: string, event: E): void {
    this.#subject(key).next(event);
    this.#channel?.postMessage({ source: this.#source, key, event } satisfies BridgedMessage);
  }

  close(): void {
    this.#channel?.close();
    for (const subject of this.#subjects.values()) subject.complete();
    this.#subjects.clear();
  }

  #subject(key: string): Subject<unknown> {
    let subject = this.#subjects.get(key);
    if (subject === undefined) {
      subject = new Subject<unknown>();
      this.#subjects.set(key, subject);
    }
    return subject;
  }
}
