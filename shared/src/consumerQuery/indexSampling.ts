/**
 * The query plan the Phone and Messages apps share: sample the index ranges a query selects; when they
 * are rare, read just those rows and rank them; when any is common (a letter or a digit or two), walk
 * the people in name order instead, the order their later tiers rank in, and stop once the list is full.
 */

/** Index entries past which a range counts as common: walking names is then cheaper than reading them all. */
export const DENSE_INDEX_ENTRIES = 400;

/** The part of an idb index (or store) a sample reads: primary keys, at most `count`. */
export interface KeySampler {
  getAllKeys(query: IDBKeyRange, count?: number): Promise<IDBValidKey[]>;
}

/** The part of an idb cursor a walk reads. */
export interface RowCursor<Row> {
  readonly value: Row;
  continue(): Promise<RowCursor<Row> | null>;
}

/** The part of an idb index a walk reads. */
export interface CursorSource<Row> {
  openCursor(range: IDBKeyRange): Promise<RowCursor<Row> | null>;
}

/**
 * The primary keys under each range, when every range is rare (fewer than `DENSE_INDEX_ENTRIES`
 * entries); undefined when any is common. Samples run in parallel in the caller's transaction.
 */
export async function rareKeys(
  samples: ReadonlyArray<readonly [index: KeySampler, range: IDBKeyRange]>,
): Promise<string[] | undefined> {
  const found = await Promise.all(
    samples.map(([index, range]) => index.getAllKeys(range, DENSE_INDEX_ENTRIES)),
  );
  if (found.some((keys) => keys.length >= DENSE_INDEX_ENTRIES)) return undefined;
  return found.flat() as string[];
}

/**
 * The ranges of a name-key index in name order: named people by folded name, then the nameless (whose
 * key is empty). A function, not a constant: `IDBKeyRange` exists only once IndexedDB does.
 */
export function nameOrderRanges(): IDBKeyRange[] {
  return [IDBKeyRange.lowerBound('', true), IDBKeyRange.only('')];
}

/** Visits an index's rows over each range in turn, until `visit` says it has enough (returns true). */
export async function walkIndex<Row>(
  index: CursorSource<Row>,
  ranges: readonly IDBKeyRange[],
  visit: (row: Row) => boolean,
): Promise<void> {
  for (const range of ranges) {
    let cursor = await index.openCursor(range);
    while (cursor !== null) {
      if (visit(cursor.value)) return;
      cursor = await cursor.continue();
    }
  }
}
