/** How a provider splits a large import into transactions: small first, so apps show people at once. */
export interface ImportBatching {
  first: number;
  max: number;
}

/**
 * 250 records first, each batch twice the last, up to 2,000: the first people reach every app while the
 * rest is written, and the large batches keep the per-transaction cost small against what they carry.
 * The GCDS pages a first population the same way (`DEFAULT_INGEST_PAGING`).
 */
export const DEFAULT_IMPORT_BATCHING: ImportBatching = { first: 250, max: 2_000 };

function checkBatching(batching: ImportBatching): void {
  if (!(Number.isInteger(batching.first) && batching.first >= 1 && batching.max >= batching.first)) {
    throw new RangeError('import batches need a whole 1 ≤ first ≤ max');
  }
}

/**
 * The size of each batch in turn, for an import whose length is not known up front (a file read as it is
 * imported, a listing fetched page by page): `first`, then each twice the last, up to `max`, for ever.
 */
export function importBatchSizes(batching: ImportBatching = DEFAULT_IMPORT_BATCHING): Iterator<number> {
  checkBatching(batching);
  return doublingSizes(batching);
}

function* doublingSizes({ first, max }: ImportBatching): Generator<number, never> {
  for (let size = first; ; size = Math.min(size * 2, max)) yield size;
}

/** The `[start, end)` ranges of `total` items in batches that start at `first` and double up to `max`. */
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
