import { type Contact, DataStorePlatform, type SyncPoint, type SyncTask } from '@gcds/shared';
import { describe, expect, it } from 'vitest';

/*
 * What the generated sequences found at the bottom of a stale person in the Contacts app: a reader away
 * while a record was removed, added again and removed again must still be told it is gone. (In the
 * pipeline: a merge removes a person, an unmerge gives it back under its old id, a removal ends it.)
 */

let n = 0;

async function storeWithReader() {
  n += 1;
  const platform = new DataStorePlatform({ namespace: `reader-away-${n}-${Math.random()}` });
  const owner = await platform.ownStore<Contact>(
    platform.registerApp({ appId: 'owner', accessLevel: 'web' }),
    {
      name: 'contacts',
      access: 'readonly',
      accessLevel: 'web',
    },
  );
  const reader = await platform.openStore<Contact>(
    platform.registerApp({ appId: 'reader', accessLevel: 'web' }),
    'contacts',
    'owner',
  );
  /** Syncs from `from` and returns the reader's copy after applying the tasks to `held`. */
  const catchUp = async (from: SyncPoint | undefined, held: Map<string, Contact>) => {
    const tasks: SyncTask<Contact>[] = [];
    for await (const task of reader.sync(from)) tasks.push(task);
    for (const task of tasks) {
      if (task.operation === 'clear') held.clear();
      if (task.operation === 'add' || task.operation === 'update') held.set(task.id, task.data);
      if (task.operation === 'remove') held.delete(task.id);
    }
    const done = tasks.at(-1) as Extract<SyncTask<Contact>, { operation: 'done' }>;
    return { point: { epoch: done.epoch, revision: done.revision }, tasks };
  };
  return { owner, catchUp };
}

describe('a reader that was away', () => {
  it('is told a record it holds is gone, though it was removed, added again and removed again meanwhile', async () => {
    const { owner, catchUp } = await storeWithReader();
    await owner.put('p', { id: 'p', given: 'Ada' });
    await owner.put('q', { id: 'q', given: 'Grace' });
    const held = new Map<string, Contact>();
    const { point } = await catchUp(undefined, held);
    expect([...held.keys()].sort()).toEqual(['p', 'q']);

    await owner.remove('p');
    await owner.put('p', { id: 'p', given: 'Ada again' });
    await owner.remove('p');

    await catchUp(point, held);
    expect([...held.keys()]).toEqual(['q']);
  });

  it('gets the record as it now is, though it was removed and added again meanwhile', async () => {
    const { owner, catchUp } = await storeWithReader();
    await owner.put('p', { id: 'p', given: 'Ada' });
    const held = new Map<string, Contact>();
    const { point } = await catchUp(undefined, held);
    await owner.remove('p');
    await owner.put('p', { id: 'p', given: 'Ada again' });
    await catchUp(point, held);
    expect(held.get('p')?.given).toBe('Ada again');
  });
});
