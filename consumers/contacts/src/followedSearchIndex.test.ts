import type { ConsumerChange, ConsumerSync } from '@gcds/shared';
import { openDB } from 'idb';
import { firstValueFrom, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type ContactListEntry, type ContactsDb, LIST_STORE } from './contactRows';
import { FollowedSearchIndex } from './followedSearchIndex';

function entry(personId: string, name: string): ContactListEntry {
  return {
    personId,
    displayName: name,
    nameLead: name.toLowerCase(),
    sortKey: name,
    groupKey: '1',
    groupLabel: name.slice(0, 1),
    groupKind: 'latin',
    familyFirst: { sortKey: name, groupKey: '1', groupLabel: name.slice(0, 1), groupKind: 'latin' },
    groupKeys: [],
    positions: [],
    favorite: false,
    ice: false,
    nameTokens: [name.toLowerCase()],
    orgTokens: [],
    emailTokens: [],
    emails: [],
    phones: [],
  };
}

let databases = 0;

/** The two things the index reads of a sync: its database and its change stream. */
async function fakeSync() {
  databases += 1;
  const db = await openDB(`followed-search-index-${databases}`, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore(LIST_STORE, { keyPath: 'personId' });
    },
  });
  const changes = new Subject<ConsumerChange>();
  const sync = { db, changes$: changes.asObservable() } as unknown as ConsumerSync<ContactsDb>;
  return { db, changes, sync };
}

describe('FollowedSearchIndex', () => {
  it('builds on first use, then announces a commit only once it has followed it', async () => {
    const { db, changes, sync } = await fakeSync();
    await db.put(LIST_STORE, entry('a', 'Ada'));
    const index = new FollowedSearchIndex(sync);
    expect(index.stats()).toBeUndefined();
    await index.load();
    expect(index.stats()?.people).toBe(1);

    await db.put(LIST_STORE, entry('b', 'Bob'));
    const announced = firstValueFrom(index.changes$);
    changes.next({ personIds: ['b'], reset: false, revision: 2 });
    await announced;
    expect(index.stats()?.people).toBe(2);

    await db.delete(LIST_STORE, 'a');
    const reset = firstValueFrom(index.changes$);
    changes.next({ personIds: [], reset: true, revision: 3 });
    await reset;
    expect(index.stats()?.people).toBe(1);
    index.stop();
  });

  it('passes changes through untouched while no search has built it', async () => {
    const { changes, sync } = await fakeSync();
    const index = new FollowedSearchIndex(sync);
    const announced = firstValueFrom(index.changes$);
    changes.next({ personIds: ['x'], reset: false, revision: 1 });
    expect(await announced).toEqual({ personIds: ['x'], reset: false, revision: 1 });
    expect(index.stats()).toBeUndefined();
    index.stop();
  });
});
