import type { DBSchema } from 'idb';
import { describe, expect, it } from 'vitest';
import { type ConsumerSchema, validateConsumerSchema } from './consumerSchema';

interface NotesDb extends DBSchema {
  notes: {
    key: string;
    value: { personId: string; tag: string };
    indexes: { byTag: string; byPerson: string };
  };
}

describe('ConsumerSchema', () => {
  it('is checked against the database schema: a wrong store or index name fails to compile', () => {
    const good: ConsumerSchema<NotesDb> = {
      version: 1,
      stores: [{ name: 'notes', keyPath: 'tag', indexes: [{ name: 'byTag', keyPath: 'tag' }] }],
    };
    // @ts-expect-error: NotesDb has no store "note"
    const wrongStore: ConsumerSchema<NotesDb> = { version: 1, stores: [{ name: 'note', keyPath: 'tag' }] };
    const wrongIndex: ConsumerSchema<NotesDb> = {
      version: 1,
      // @ts-expect-error: notes has no index "byTags"
      stores: [{ name: 'notes', keyPath: 'tag', indexes: [{ name: 'byTags', keyPath: 'tag' }] }],
    };
    const enginesIndex: ConsumerSchema<NotesDb> = {
      version: 1,
      // @ts-expect-error: byPerson is the engine's own index, never the consumer's to declare
      stores: [{ name: 'notes', keyPath: 'tag', indexes: [{ name: 'byPerson', keyPath: 'personId' }] }],
    };
    expect(() => validateConsumerSchema(good)).not.toThrow();
    expect(() => validateConsumerSchema(enginesIndex)).toThrow(/engine's index/);
    expect([wrongStore.stores[0]?.name, wrongIndex.version]).toEqual(['note', 1]);
  });
});
