/*
 * A synchronous 106-bit hash (two 53-bit cyrb53 lanes) of a card's content. It identifies cards without a
 * UID and tells whether a card changed; it is not a security boundary, and it must run inside the pure,
 * synchronous parser, where crypto.subtle (async only) cannot. Two different cards of one file that still
 * collided would get distinct record ids anyway (see recordIds.ts).
 */

function cyrb53(bytes: Uint8Array, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

export function hashBytes(bytes: Uint8Array): string {
  return cyrb53(bytes, 0x9e3779b9) + cyrb53(bytes, 0x85ebca6b);
}

export function hashText(text: string): string {
  return hashBytes(new TextEncoder().encode(text));
}

/** JSON with object keys sorted, so equal content gives equal text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
