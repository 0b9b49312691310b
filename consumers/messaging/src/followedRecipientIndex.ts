import { type ConsumerSync, FollowedIndex } from '@gcds/shared';
import { type MessagingDb, RECIPIENT_STORE, type RecipientRow } from './recipientRows';
import { RecipientSearchIndex } from './recipientSearchIndex';

/** The Messages app's in-memory recipient search over its recipient rows, following every commit. */
export class FollowedRecipientIndex extends FollowedIndex<RecipientRow, RecipientSearchIndex> {
  constructor(sync: Pick<ConsumerSync<MessagingDb>, 'db' | 'changes$'>) {
    super(sync as Pick<ConsumerSync<unknown>, 'db' | 'changes$'>, {
      store: RECIPIENT_STORE,
      build: (rows) => RecipientSearchIndex.from(rows),
      set: (index, personId, row) => index.set(personId, row),
    });
  }

  /** Memory held for search; undefined until the first search builds the index. */
  stats(): ReturnType<RecipientSearchIndex['stats']> | undefined {
    return this.loaded()?.stats();
  }
}
