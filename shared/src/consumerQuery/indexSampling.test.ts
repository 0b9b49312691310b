import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DENSE_INDEX_ENTRIES, nameOrderRanges, rareKeys, walkIndex } from './indexSampling';

interface Row {
  id: string;
  nameKey: string;
  word: string;
}

let databases = 0;

/** A store of rows by id, indexed by name key and by word; `common` rows share the word "common". */
async function storeWith(rows: readonly Row[]) {
  databases += 1;
  const db = await openDB(`index-sampling-${databases}`, 1, {
    upgrade(upgrading) {
      const store = upgrading.createObjectStore('rows', { keyPath: 'id' });
      store.createIndex('byName', 'nameKey');
      store.createIndex('byWord', 'word');
    },
  });
  const tx = db.transaction('rows', 'readwrite');
  for (const row of rows) await tx.store.put(row);
  await tx.done;
  return db.transaction('rows').store;
}

const row = (id: string, nameKey: string, word = 'rare'): Row => ({ id, nameKey, word });

describe('rareKeys', () => {
  it('gives the keys of every range when each is rare', async () => {
    const store = await storeWith([row('a', 'ada', 'x'), row('b', 'bo', 'y'), row('c', 'cy', 'x')]);
    const keys = await rareKeys([
      [store.index('byWord'), IDBKeyRange.only('x')],
      [store.index('byWord'), IDBKeyRange.only('y')],
    ]);
    expect(keys?.sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives undefined when any range is common', async () => {
    const many = Array.from({ length: DENSE_INDEX_ENTRIES }, (_, i) => row(`r${i}`, `n${i}`, 'common'));
    const store = await storeWith([...many, row('x', 'x', 'x')]);
    expect(
      await rareKeys([
        [store.index('byWord'), IDBKeyRange.only('x')],
        [store.index('byWord'), IDBKeyRange.only('common')],
      ]),
    ).toBeUndefined();
  });
});

describe('walkIndex', () => {
  it('walks named people by name, then the nameless, until the visitor has enough', async () => {
    const store = await storeWith([row('n1', ''), row('c', 'cy'), row('a', 'ada'), row('b', 'bo')]);
    const all: string[] = [];
    await walkIndex<Row>(store.index('byName'), nameOrderRanges(), (visited) => {
      all.push(visited.id);
      return false;
    });
    expect(all).toEqual(['a', 'b', 'c', 'n1']);
    const firstTwo: string[] = [];
    await walkIndex<Row>(store.index('byName'), nameOrderRanges(), (visited) => {
      firstTwo.push(visited.id);
      return firstTwo.length === 2;
    });
    expect(firstTwo).toEqual(['a', 'b']);
  });
});
