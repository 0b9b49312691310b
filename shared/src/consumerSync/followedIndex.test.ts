import { openDB } from 'idb';
import { firstValueFrom, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ConsumerChange, ConsumerSync } from './consumerSyncTypes';
import { FollowedIndex, type RowIndex } from './followedIndex';

interface NameRow {
  personId: string;
  name: string;
}

/** The smallest index: every person's name by id. */
class NameIndex implements RowIndex<NameRow> {
  readonly names = new Map<string, string>();

  static from(rows: readonly NameRow[]): NameIndex {
    const index = new NameIndex();
    for (const row of rows) index.set(row.personId, row);
    return index;
  }

  set(personId: string, row: NameRow | undefined): void {
    if (row === undefined) this.names.delete(personId);
    else this.names.set(personId, row.name);
  }

  stats() {
    return { people: this.names.size };
  }
}

let databases = 0;

/** The two things the index reads of a sync: its database and its change stream. */
async function fakeSync() {
  databases += 1;
  const db = await openDB(`followed-index-${databases}`, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('names', { keyPath: 'personId' });
    },
  });
  const changes = new Subject<ConsumerChange>();
  const sync = { db, changes$: changes.asObservable() } as unknown as ConsumerSync<unknown>;
  const index = new FollowedIndex(sync, {
    store: 'names',
    build: (rows: readonly NameRow[]) => NameIndex.from(rows),
  });
  return { db, changes, index };
}

describe('FollowedIndex', () => {
  it('builds on first use, then announces a commit only once it has followed it', async () => {
    const { db, changes, index } = await fakeSync();
    await db.put('names', { personId: 'a', name: 'Ada' });
    expect(index.stats()).toBeUndefined();
    await index.load();
    expect(index.stats()).toEqual({ people: 1 });

    await db.put('names', { personId: 'b', name: 'Bob' });
    const announced = firstValueFrom(index.changes$);
    changes.next({ personIds: ['b'], reset: false, revision: 2 });
    await announced;
    expect((await index.load()).names.get('b')).toBe('Bob');

    await db.delete('names', 'a');
    const reset = firstValueFrom(index.changes$);
    changes.next({ personIds: [], reset: true, revision: 3 });
    await reset;
    expect(index.stats()).toEqual({ people: 1 });
    expect((await index.load()).names.has('a')).toBe(false);
    index.stop();
  });

  it('takes the rows a commit of this context wrote as written, without reading them back', async () => {
    const { db, changes, index } = await fakeSync();
    await db.put('names', { personId: 'a', name: 'Ada' });
    await db.put('names', { personId: 'b', name: 'Bob' });
    const committed = new Map<ConsumerChange, ReadonlyMap<string, unknown>>();
    const sync = {
      db,
      changes$: changes.asObservable(),
      committedRows: (change: ConsumerChange) => committed.get(change),
    } as unknown as ConsumerSync<unknown>;
    const followed = new FollowedIndex(sync, {
      store: 'names',
      build: (rows: readonly NameRow[]) => NameIndex.from(rows),
    });
    await followed.load();
    index.stop();
    // The database is closed: a read back would fail, and the index would be forgotten.
    db.close();
    const change: ConsumerChange = { personIds: ['a', 'b', 'c'], reset: false, revision: 2 };
    committed.set(
      change,
      new Map([
        ['a', { names: [{ personId: 'a', name: 'Ada King' }] }],
        ['b', null],
        ['c', { other: [{ personId: 'c' }] }],
      ]),
    );
    const announced = firstValueFrom(followed.changes$);
    changes.next(change);
    await announced;
    expect(followed.loaded()?.names).toEqual(new Map([['a', 'Ada King']]));
    followed.stop();
  });

  it('passes changes through untouched while no query has built it', async () => {
    const { changes, index } = await fakeSync();
    const announced = firstValueFrom(index.changes$);
    changes.next({ personIds: ['x'], reset: false, revision: 1 });
    expect(await announced).toEqual({ personIds: ['x'], reset: false, revision: 1 });
    expect(index.stats()).toBeUndefined();
    index.stop();
  });
});
