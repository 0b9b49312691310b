import { Observable, Subject } from 'rxjs';
import type { ChangeEvent } from './types';

interface BridgedMessage {
  source: string;
  key: string;
  event: unknown;
}

/**
 * What a key's owner does with a message that came over the bridge: anyone of the origin can post on a
 * BroadcastChannel, so a bridged message is only a hint. The verifier re-reads the truth (a store's real
 * revision and log, the platform's registry) and `deliver`s what it found, or nothing.
 */
export type BridgeVerifier = (
  hint: unknown,
  deliver: (event: unknown) => void,
  /** Whether anyone in this context listens to the key now: when not, there is nobody to tell. */
  listening: boolean,
) => void;

/**
 * Delivers change events to every listener of a store in this context and, when bridged, tells other
 * browser contexts (frames, workers) through a BroadcastChannel, the way DataStore.onchange reached
 * every app on Firefox OS. Events carry ids, never record data. The platform's store announcements
 * travel the same way, on their own key.
 *
 * Listeners get read-only Observables (never the Subject: a listener cannot emit or complete a stream).
 * Only `publish` in this context emits directly; a bridged message reaches listeners only through the
 * verifier its key's owner registered, and a key with no verifier ignores the bridge.
 */
export class ChangeBus {
  readonly #subjects = new Map<string, Subject<unknown>>();
  readonly #verifiers = new Map<string, BridgeVerifier>();
  readonly #source = Math.random().toString(36).slice(2);
  readonly #channel: BroadcastChannel | undefined;

  constructor(options: { bridgeName?: string } = {}) {
    if (options.bridgeName !== undefined && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(options.bridgeName);
      // Under Node a channel keeps the process alive; a bus must never do that.
      (this.#channel as { unref?: () => void }).unref?.();
      this.#channel.onmessage = (message: MessageEvent<unknown>) => this.#onBridged(message.data);
    }
  }

  channel<E = ChangeEvent>(key: string): Observable<E> {
    const subject = this.#subject(key);
    return new Observable<E>((subscriber) => (subject as Subject<E>).subscribe(subscriber));
  }

  publish<E = ChangeEvent>(key: string, event: E): void {
    this.#subject(key).next(event);
    this.#channel?.postMessage({ source: this.#source, key, event } satisfies BridgedMessage);
  }

  /** Emits on `key` in this context only: what a verifier found to be true. */
  #deliver(key: string, event: unknown): void {
    this.#subjects.get(key)?.next(event);
  }

  /** Registers how bridged hints for `key` are checked; returns the unregistration. */
  verifyBridged(key: string, verifier: BridgeVerifier): () => void {
    this.#verifiers.set(key, verifier);
    return () => {
      if (this.#verifiers.get(key) === verifier) this.#verifiers.delete(key);
    };
  }

  close(): void {
    this.#channel?.close();
    this.#verifiers.clear();
    for (const subject of this.#subjects.values()) subject.complete();
    this.#subjects.clear();
  }

  #onBridged(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const { source, key, event } = data as Partial<BridgedMessage>;
    if (typeof key !== 'string' || source === this.#source) return;
    const verifier = this.#verifiers.get(key);
    const subject = this.#subjects.get(key);
    if (verifier === undefined || subject === undefined) return;
    try {
      verifier(event, (verified) => this.#deliver(key, verified), subject.observed);
    } catch {
      // A hint that cannot be checked is dropped: it was never data.
    }
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
