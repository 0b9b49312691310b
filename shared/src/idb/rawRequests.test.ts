import { openDB, unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { requestAll } from './rawRequests';

let databases = 0;

async function openStore() {
  databases += 1;
  return openDB(`raw-requests-${databases}`, 1, {
    upgrade(db) {
      db.createObjectStore('s');
    },
  });
}

describe('requestAll', () => {
  it('resolves with every result in order, after the last request', async () => {
    const db = await openStore();
    const tx = db.transaction('s', 'readwrite');
    const store = unwrap(tx.store);
    await requestAll([() => store.put('a', 1), () => store.put('b', 2), () => store.put('c', 3)]);
    const read = await requestAll([3, 1, 2, 4].map((key) => () => store.get(key)));
    await tx.done;
    expect(read).toEqual(['c', 'a', 'b', undefined]);
    expect(await requestAll([])).toEqual([]);
    db.close();
  });

  it("rejects with the failing request's own error, not the abort that follows", async () => {
    const db = await openStore();
    const tx = db.transaction('s', 'readwrite');
    tx.done.catch(() => undefined);
    const store = unwrap(tx.store);
    await expect(
      requestAll([() => store.add('a', 1), () => store.add('again', 1), () => store.put('b', 2)]),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    await expect(tx.done).rejects.toBeDefined();
    expect(await db.get('s', 2)).toBeUndefined();
    db.close();
  });

  it('rejects with the error of a request that throws as it is made', async () => {
    const db = await openStore();
    const tx = db.transaction('s', 'readwrite');
    tx.done.catch(() => undefined);
    const store = unwrap(tx.store);
    await expect(
      requestAll([() => store.put('a', 1), () => store.put(() => 'no clone', 2)]),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    tx.abort();
    db.close();
  });
});
