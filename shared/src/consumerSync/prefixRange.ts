/**
 * The keys that start with `prefix`, as an IndexedDB key range: from the prefix itself up to the prefix
 * followed by the highest BMP code unit, which no key in a consumer index goes past.
 */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}
