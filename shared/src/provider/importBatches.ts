/** How a provider splits a large import into transactions: small first, so apps show people at once. */
export interface ImportBatching {
  first: number;
  max: number;
  /** How many batches of `first` come before they grow (1 unless told). */
  firstBatches?: number;
}

/**
 * Four batches of 250 records first, then each twice the last, up to 2,000: the first people reach
 * every app while the rest is written, and the large batches keep the per-transaction cost small
 * against what they carry. The first batches stay small for a while because every other store's
 * first transaction (the GCDS's, each app's) waits behind the ones IndexedDB is already committing:
 * with batches of 2,000 from three providers at once, each of those hops waited ~0.5 s (Chromium,
 * 10,000 records: every app showed someone after 2.2 s, against 1.4 s with four small batches first).
 * The GCDS pages a first population the same way (`DEFAULT_INGEST_PAGING`).
 */
export const DEFAULT_IMPORT_BATCHING: ImportBatching = { first: 250, max: 2_000, firstBatches: 4 };

function checkBatching(batching: ImportBatching): void {
  if (!(Number.isInteger(batching.first) && batching.first >= 1 && batching.max >= batching.first)) {
    throw new RangeError('import batches need a whole 1 ≤ first ≤ max');
  }
  const firstBatches = batching.firstBatches ?? 1;
  if (!(Number.isInteger(firstBatches) && firstBatches >= 1)) {
    throw new RangeError('import batches need a whole firstBatches ≥ 1');
  }
}

/**
 * The size of each batch in turn, for an import whose length is not known up front (a file read as it is
 * imported, a listing fetched page by page): `first` (`firstBatches` times), then each twice the last,
 * up to `max`, for ever.
 */
export function importBatchSizes(batching: ImportBatching = DEFAULT_IMPORT_BATCHING): Iterator<number> {
  checkBatching(batching);
  return doublingSizes(batching);
}

function* doublingSizes({ first, max, firstBatches = 1 }: ImportBatching): Generator<number, never> {
  for (let i = 1; i < firstBatches; i += 1) yield first;
  for (let size = first; ; size = Math.min(size * 2, max)) yield size;
}

/** The `[start, end)` ranges of `total` items in batches as `importBatchSizes` gives them. */
export function importBatches(
  total: number,
  batching: ImportBatching = DEFAULT_IMPORT_BATCHING,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const sizes = importBatchSizes(batching);
  for (let start = 0; start < total; ) {
    const end = Math.min(start + (sizes.next().value as number), total);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}
