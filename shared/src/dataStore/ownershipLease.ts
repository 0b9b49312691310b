/** Held while one platform instance owns a store; `release` lets another context take it. */
export interface OwnershipLease {
  release(): void;
}

interface LockManagerLike {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<void>;
}

/** Leases of this process when there are no Web Locks (Node): one device per process there. */
const processLeases = new Set<string>();

/**
 * Takes the device-wide lease on `name`, waiting up to `waitMs` for another holder to let go (a worker
 * just terminated, whose locks the browser is still freeing), or answers `undefined`. In a browser it
 * is a Web Lock, which every worker and page of the origin shares and which goes with the context that
 * holds it (a terminated worker frees its stores); under Node, a lease of the process.
 */
export async function acquireOwnership(name: string, waitMs = 2_000): Promise<OwnershipLease | undefined> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks === undefined) return processLease(name, waitMs);
  return new Promise((resolve) => {
    locks
      .request(name, { signal: AbortSignal.timeout(waitMs) }, () => {
        // The lock is held until this promise settles: until `release`.
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch(() => resolve(undefined));
  });
}

async function processLease(name: string, waitMs: number): Promise<OwnershipLease | undefined> {
  const until = Date.now() + waitMs;
  while (processLeases.has(name)) {
    if (Date.now() >= until) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  processLeases.add(name);
  let held = true;
  return {
    release: () => {
      if (held) processLeases.delete(name);
      held = false;
    },
  };
}
