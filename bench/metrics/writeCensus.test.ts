import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { withWriteCensus } from './writeCensus';

describe('the write census', () => {
  it('counts writes, deletes, reads, index entries and bytes per store, and restores IndexedDB after', async () => {
    const db = await openDB('census-test', 1, {
      upgrade(database) {
        const people = database.createObjectStore('people', { keyPath: 'id' });
        people.createIndex('byTag', 'tags', { multiEntry: true });
        people.createIndex('byCity', 'address.city');
        database.createObjectStore('plain');
      },
    });
    const ada = { id: 'a', tags: ['x', 'y', 'y'], address: { city: 'London' } };
    const grace = { id: 'g', tags: [] };
    const put = IDBObjectStore.prototype.put;
    const getAll = IDBIndex.prototype.getAll;
    const census = await withWriteCensus(
      (value) => serialize(value).length,
      async () => {
        const tx = db.transaction(['people', 'plain'], 'readwrite');
        await tx.objectStore('people').put(ada);
        await tx.objectStore('people').add(grace);
        await tx.objectStore('people').index('byTag').getAll('x');
        await tx.objectStore('people').delete('g');
        await tx.objectStore('plain').put('text', 1);
        await tx.done;
      },
    );
    expect(census).toEqual([
      {
        store: 'census-test/people',
        writes: 2,
        deletes: 1,
        reads: 1,
        // Ada: two distinct tags and a city; Grace: no tag, no city.
        indexEntries: 3,
        bytes: serialize(ada).length + serialize(grace).length,
      },
      {
        store: 'census-test/plain',
        writes: 1,
        deletes: 0,
        reads: 0,
        indexEntries: 0,
        bytes: serialize('text').length,
      },
    ]);
    // Outside the census IndexedDB is itself again.
    expect(IDBObjectStore.prototype.put).toBe(put);
    expect(IDBIndex.prototype.getAll).toBe(getAll);
    db.close();
  });
});
