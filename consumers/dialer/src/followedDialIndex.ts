import { type ConsumerSync, FollowedIndex } from '@gcds/shared';
import { CALLER_ID_STORE, type CallerIdRow, type DialerDb } from './dialerRows';
import { DialIndex } from './dialIndex';

/** The Phone app's in-memory dial index over its caller-ID rows, built on the first suggestion, following every commit. */
export class FollowedDialIndex extends FollowedIndex<CallerIdRow, DialIndex> {
  constructor(sync: Pick<ConsumerSync<DialerDb>, 'db' | 'changes$'>) {
    super(sync as Pick<ConsumerSync<unknown>, 'db' | 'changes$'>, {
      store: CALLER_ID_STORE,
      build: (rows) => DialIndex.from(rows),
      set: (index, personId, row) => index.set(personId, row),
    });
  }

  /** Memory held for suggestions; undefined until the first suggestion builds the index. */
  stats(): ReturnType<DialIndex['stats']> | undefined {
    return this.loaded()?.stats();
  }
}
