/**
 * A rank tuple: compared element by element, lower first, so a ranking reads as the list of its
 * criteria in order (tier, then how well, then name, then id).
 */
export type Rank = ReadonlyArray<number | string>;

/** Element-wise: numbers numerically, strings by code unit; a tuple that ends first ranks first. */
export function compareRanks(a: Rank, b: Rank): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
