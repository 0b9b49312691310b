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

/** The `[start, end)` ranges of `total` items in batches that start at `first` and double up to `max`. */
export function importBatches(
  total: number,
  batching: ImportBatching = DEFAULT_IMPORT_BATCHING,
): Array<[number, number]> {
  if (!(batching.first >= 1 && batching.max >= batching.first)) {
    throw new RangeError('import batches need 1 ≤ first ≤ max');
  }
  const ranges: Array<[number, number]> = [];
  let size = batching.first;
  for (let start = 0; start < total; start += size, size = Math.min(size * 2, batching.max)) {
    ranges.push([start, Math.min(start + size, total)]);
  }
  return ranges;
}
