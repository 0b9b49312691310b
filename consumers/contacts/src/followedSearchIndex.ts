import type { ConsumerChange, ConsumerSync } from '@gcds/shared';
import { concatMap, from, map, type Observable, Subject, type Subscription } from 'rxjs';
import { type ContactsDb, LIST_STORE } from './contactRows';
import { SearchIndex } from './searchIndex';

/**
 * The Contacts app's in-memory search index, built from the list store on the first search and then
 * kept in step with every commit: a commit is announced (`changes$`) only once the index has followed
 * it, so a live search re-run on the announcement never reads a stale index.
 */
export class FollowedSearchIndex {
  /** The consumer sync's changes, each once the index has followed it. */
  readonly changes$: Observable<ConsumerChange>;
  readonly #sync: ConsumerSync<ContactsDb>;
  readonly #changes = new Subject<ConsumerChange>();
  readonly #subscription: Subscription;
  #index: Promise<SearchIndex> | undefined;
  #loaded: SearchIndex | undefined;

  constructor(sync: ConsumerSync<ContactsDb>) {
    this.#sync = sync;
    // Subscribed now, not on demand: the index must follow commits whether or not anyone listens.
    this.#subscription = sync.changes$
      .pipe(
        concatMap((change) =>
          from(
            this.#follow(change).catch(() => {
              // Could not follow the change: forget the index; the next search rebuilds it.
              this.#forget();
            }),
          ).pipe(map(() => change)),
        ),
      )
      .subscribe({
        next: (change) => this.#changes.next(change),
        complete: () => this.#changes.complete(),
      });
    this.changes$ = this.#changes.asObservable();
  }

  /** The index, built on first use; a failed build is forgotten so the next search tries again. */
  load(): Promise<SearchIndex> {
    if (this.#index === undefined) {
      this.#index = (async () => {
        const entries = await this.#sync.db.getAll(LIST_STORE);
        const index = SearchIndex.from(entries);
        this.#loaded = index;
        return index;
      })();
      this.#index.catch(() => {
        this.#index = undefined;
      });
    }
    return this.#index;
  }

  /** Memory held for search; undefined until the first search builds the index. */
  stats(): ReturnType<SearchIndex['stats']> | undefined {
    return this.#loaded?.stats();
  }

  stop(): void {
    this.#subscription.unsubscribe();
    this.#changes.complete();
  }

  #forget(): void {
    this.#index = undefined;
    this.#loaded = undefined;
  }

  async #follow(change: ConsumerChange): Promise<void> {
    if (this.#index === undefined) return;
    if (change.reset) {
      this.#forget();
      await this.load();
      return;
    }
    const index = await this.#index;
    const tx = this.#sync.db.transaction(LIST_STORE);
    const rows = await Promise.all(change.personIds.map((id) => tx.store.get(id)));
    change.personIds.forEach((id, i) => {
      index.set(id, rows[i]);
    });
  }
}
