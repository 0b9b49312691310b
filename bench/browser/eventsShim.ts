type Listener = (...args: unknown[]) => void;

function listenersOf(emitter: EventEmitter): Map<string | symbol, Listener[]> {
  if (emitter._benchListeners === undefined) emitter._benchListeners = new Map();
  return emitter._benchListeners;
}

/**
 * The slice of Node's `events` module PouchDB uses (on, once, emit, removeListener, listeners…), for
 * the browser bundle of the bench: PouchDB's npm packages import `events`, which browsers do not have.
 */
export class EventEmitter {
  // A plain field made on first use (not `#private`), so the methods work on any object they are put on.
  declare _benchListeners?: Map<string | symbol, Listener[]>;

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, listener: Listener): this {
    listenersOf(this).set(type, [...(listenersOf(this).get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  once(type: string | symbol, listener: Listener): this {
    const wrapper: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapper);
      listener.apply(this, args);
    };
    wrapper.listener = listener;
    return this.on(type, wrapper);
  }

  removeListener(type: string | symbol, listener: Listener): this {
    const list = listenersOf(this).get(type);
    if (list === undefined) return this;
    const index = list.findIndex(
      (entry) => entry === listener || (entry as Listener & { listener?: Listener }).listener === listener,
    );
    if (index >= 0) listenersOf(this).set(type, [...list.slice(0, index), ...list.slice(index + 1)]);
    return this;
  }

  off(type: string | symbol, listener: Listener): this {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) listenersOf(this).clear();
    else listenersOf(this).delete(type);
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = listenersOf(this).get(type);
    if (list === undefined || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of list) listener.apply(this, args);
    return true;
  }

  listeners(type: string | symbol): Listener[] {
    return [...(listenersOf(this).get(type) ?? [])];
  }

  listenerCount(type: string | symbol): number {
    return listenersOf(this).get(type)?.length ?? 0;
  }

  setMaxListeners(): this {
    return this;
  }
}

// PouchDB copies the emitter's methods with Object.keys(EventEmitter.prototype), as Node's are enumerable.
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}

export default EventEmitter;
