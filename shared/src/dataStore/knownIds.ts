import type { LogWriteTransaction } from './logWrites';

/** Ids that may have an entry; a put adds its id as it is issued (an abort leaves a harmless extra). */
export type KnownIds = Set<string>;

/** A write looking up fewer ids than this does not read the known ids (a read of every key). */
const KNOWN_IDS_MIN_LOOKUPS = 32;

/**
 * Every id with an entry (the live records' and the tombstones'), in the transaction's own view. One
 * read, against one read per id of a large first import into a store.
 */
async function readKnownIds(tx: LogWriteTransaction<unknown>): Promise<KnownIds> {
  return new Set(await tx.objectStore('entries').getAllKeys());
}

/**
 * The ids of one store that may have an entry, read once by the first large write and kept by every
 * write after it; undefined until then. Only the owner writes (the lease is device-wide), so nothing
 * else can add an id behind it; `forget` drops it when ownership may have passed through another context.
 */
export class KnownIdsCache {
  #ids: KnownIds | undefined;
  #reading = false;

  forget(): void {
    this.#ids = undefined;
  }

  /**
   * The known ids, read in `tx` if this write has enough lookups to be worth reading them. Never a
   * read in flight in another transaction: awaiting another transaction's request would let this one
   * commit early.
   */
  async for(tx: LogWriteTransaction<unknown>, lookups: number): Promise<KnownIds | undefined> {
    if (this.#ids !== undefined || this.#reading || lookups < KNOWN_IDS_MIN_LOOKUPS) return this.#ids;
    this.#reading = true;
    try {
      this.#ids = await readKnownIds(tx);
      return this.#ids;
    } finally {
      this.#reading = false;
    }
  }
}
