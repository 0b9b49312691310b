import { type ConsumerSync, FollowedIndex } from '@gcds/shared';
import { type ContactListEntry, type ContactsDb, LIST_STORE } from './contactRows';
import { SearchIndex } from './searchIndex';

/** The Contacts app's in-memory search index over its list rows, following every commit. */
export class FollowedSearchIndex extends FollowedIndex<ContactListEntry, SearchIndex> {
  constructor(sync: Pick<ConsumerSync<ContactsDb>, 'db' | 'changes$'>) {
    super(sync as Pick<ConsumerSync<unknown>, 'db' | 'changes$'>, {
      store: LIST_STORE,
      build: (rows) => SearchIndex.from(rows),
      set: (index, personId, row) => index.set(personId, row),
    });
  }

  /** Memory held for search; undefined until the first search builds the index. */
  stats(): ReturnType<SearchIndex['stats']> | undefined {
    return this.loaded()?.stats();
  }
}
