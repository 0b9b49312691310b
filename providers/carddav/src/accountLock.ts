/** What `navigator.locks` offers, when the runtime has it (browsers, workers). */
interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const localTails = new Map<string, Promise<unknown>>();

/** An in-process mutex per name: callers run one after another, in call order. */
function withLocalLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const previous = localTails.get(name) ?? Promise.resolve();
  const run = previous.then(body, body);
  const tail = run.catch(() => undefined);
  localTails.set(name, tail);
  void tail.then(() => {
    if (localTails.get(name) === tail) localTails.delete(name);
  });
  return run;
}

/**
 * One sync at a time per address book: Web Locks where they exist (so two tabs or workers of the same
 * phone never sync one account at once), else an in-process mutex.
 */
export function withAccountLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks !== undefined && typeof locks.request === 'function') {
    return locks.request(`gcds-carddav:${name}`, body);
  }
  return withLocalLock(name, body);
}
