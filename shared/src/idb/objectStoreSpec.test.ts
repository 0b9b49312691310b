import { type DBSchema, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { type AnyObjectStoreSpec, ensureObjectStore } from './objectStoreSpec';

interface NotesSchema extends DBSchema {
  notes: { key: string; value: { id: string; tag: string }; indexes: { byTag: string } };
  tags: { key: string; value: string };
}

const NOTES: AnyObjectStoreSpec<NotesSchema> = {
  name: 'notes',
  keyPath: 'id',
  indexes: [{ name: 'byTag', keyPath: 'tag' }],
};

describe('ensureObjectStore', () => {
  it('creates what is missing and keeps what is there, data included', async () => {
    const first = await openDB('ensure-stores', 1, {
      upgrade: (db, _old, _new, tx) => ensureObjectStore(db, tx, { name: 'notes', keyPath: 'id' }),
    });
    await first.put('notes', { id: 'n1', tag: 'x' });
    first.close();
    const second = await openDB('ensure-stores', 2, {
      upgrade: (db, _old, _new, tx) => {
        ensureObjectStore(db, tx, NOTES);
        ensureObjectStore(db, tx, { name: 'tags' });
      },
    });
    expect(await second.getAllFromIndex('notes', 'byTag', 'x')).toEqual([{ id: 'n1', tag: 'x' }]);
    expect([...second.objectStoreNames].sort()).toEqual(['notes', 'tags']);
    second.close();
  });

  it('deletes an index a later version no longer lists, keeping the data and the other indexes', async () => {
    const first = await openDB('ensure-dropped-index', 1, {
      upgrade: (db, _old, _new, tx) =>
        ensureObjectStore(db, tx, {
          name: 'notes',
          keyPath: 'id',
          indexes: [
            { name: 'byTag', keyPath: 'tag' },
            { name: 'byWord', keyPath: 'words', multiEntry: true },
          ],
        }),
    });
    await first.put('notes', { id: 'n1', tag: 'x', words: ['a', 'b'] });
    first.close();
    const second = await openDB('ensure-dropped-index', 2, {
      upgrade: (db, _old, _new, tx) => ensureObjectStore(db, tx, NOTES),
    });
    expect([...second.transaction('notes').store.indexNames]).toEqual(['byTag']);
    expect(await second.getAllFromIndex('notes', 'byTag', 'x')).toEqual([
      { id: 'n1', tag: 'x', words: ['a', 'b'] },
    ]);
    second.close();
  });

  it('names stores and indexes as the schema does (checked by the compiler)', () => {
    const wrongStore: AnyObjectStoreSpec<NotesSchema> = {
      // @ts-expect-error: there is no store "note" in NotesSchema
      name: 'note',
    };
    const wrongIndex: AnyObjectStoreSpec<NotesSchema> = {
      name: 'tags',
      // @ts-expect-error: "byTag" is an index of notes, not of tags
      indexes: [{ name: 'byTag', keyPath: 'tag' }],
    };
    expect([wrongStore.name, wrongIndex.name]).toEqual(['note', 'tags']);
  });
});
