import { describe, expect, it } from 'vitest';
import { canonicalJson, hashBytes, hashText } from './contentHash';

describe('content hashes', () => {
  it('are 28 hex digits, the same for the same input and different for a one-byte change', () => {
    expect(hashText('hello')).toMatch(/^[0-9a-f]{28}$/);
    expect(hashText('hello')).toBe(hashText('hello'));
    expect(hashText('hello')).not.toBe(hashText('hellp'));
    expect(hashBytes(Uint8Array.from([1, 2, 3]))).not.toBe(hashBytes(Uint8Array.from([1, 2, 4])));
  });

  it('do not depend on the order object keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
