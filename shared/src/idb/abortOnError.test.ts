import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { abortOnError } from './abortOnError';

describe('abortOnError', () => {
  it('aborts the transaction when the body throws, so what it issued does not commit', async () => {
    const db = await openDB('abort-on-error', 1, {
      upgrade: (database) => {
        database.createObjectStore('items');
      },
    });
    const tx = db.transaction('items', 'readwrite');
    tx.done.catch(() => undefined);
    await expect(
      abortOnError(tx, async () => {
        await tx.store.put('written', 'a');
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await db.get('items', 'a')).toBeUndefined();
    db.close();
  });

  it('returns the result, and rethrows as is when the transaction is already over', async () => {
    expect(await abortOnError({ abort: () => undefined }, async () => 3)).toBe(3);
    const finished = {
      abort: () => {
        throw new Error('InvalidStateError');
      },
    };
    await expect(
      abortOnError(finished, async () => {
        throw new Error('the real cause');
      }),
    ).rejects.toThrow('the real cause');
  });
});
