import { concatMap, from, map, type Observable, Subject, type Subscription } from 'rxjs';
import type { ConsumerChange, ConsumerSync } from './consumerSyncTypes';

/** An in-memory index over rows keyed by person id, kept current row by row. */
export interface RowIndex<Row> {
  /** One person's row changed; `undefined`: the person has no row any more. */
  set(personId: string, row: Row | undefined): void;
  /** What the index holds, for memory figures and tests. */
  stats(): object;
}

/** What an index reads of a consumer's sync: its database, its changes, and (if it says) their rows. */
type FollowedSync<Schema> = Pick<ConsumerSync<Schema>, 'db' | 'changes$'> &
  Partial<Pick<ConsumerSync<Schema>, 'committedRows'>>;

/** How an in-memory index is made from a consumer store's rows. */
export interface FollowedIndexSpec<Row, Index extends RowIndex<Row>> {
  /** The consumer store the index is built from (its rows are keyed by person id). */
  store: string;
  build(rows: readonly Row[]): Index;
}

/**
 * An in-memory index over one consumer store, built on first use and then kept in step with every
 * commit: a commit is announced (`changes$`) only once the index has followed it, so a live query re-run
 * on the announcement never reads a stale index. Queries IndexedDB indexes answer badly (digits or words
 * anywhere) run here instead of over multiEntry indexes that every write of the store would pay for.
 */
export class FollowedIndex<Row, Index extends RowIndex<Row>, Schema = unknown> {
  /** The consumer sync's changes, each once the index has followed it. */
  readonly changes$: Observable<ConsumerChange>;
  readonly #sync: FollowedSync<unknown>;
  readonly #spec: FollowedIndexSpec<Row, Index>;
  readonly #changes = new Subject<ConsumerChange>();
  readonly #subscription: Subscription;
  #index: Promise<Index> | undefined;
  #loaded: Index | undefined;

  // Any consumer's sync: the index reads one store by name, whatever the database's schema.
  constructor(sync: FollowedSync<Schema>, spec: FollowedIndexSpec<Row, Index>) {
    this.#sync = sync as unknown as FollowedSync<unknown>;
    this.#spec = spec;
    // Subscribed now, not on demand: the index must follow commits whether or not anyone listens.
    this.#subscription = sync.changes$
      .pipe(
        concatMap((change) =>
          from(
            this.#follow(change).catch(() => {
              // Could not follow the change: forget the index; the next query rebuilds it.
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

  /** The index, built on first use; a failed build is forgotten so the next query tries again. */
  load(): Promise<Index> {
    if (this.#index === undefined) {
      this.#index = (async () => {
        const rows = (await this.#sync.db.getAll(this.#spec.store)) as Row[];
        const index = this.#spec.build(rows);
        this.#loaded = index;
        return index;
      })();
      this.#index.catch(() => {
        this.#index = undefined;
      });
    }
    return this.#index;
  }

  /** The index if it is built and following, without building it. */
  loaded(): Index | undefined {
    return this.#loaded;
  }

  /** What the index holds; undefined until a query builds it. */
  stats(): ReturnType<Index['stats']> | undefined {
    return this.#loaded?.stats() as ReturnType<Index['stats']> | undefined;
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
    // Rows this context just wrote are taken as written: a store keyed by person holds the last row a
    // person's projection put there, or none.
    const committed = this.#sync.committedRows?.(change);
    if (committed !== undefined) {
      for (const id of change.personIds) {
        const rows = committed.get(id)?.[this.#spec.store as never] as readonly Row[] | undefined;
        index.set(id, rows?.at(-1));
      }
      return;
    }
    const tx = this.#sync.db.transaction(this.#spec.store);
    const rows = (await Promise.all(change.personIds.map((id) => tx.store.get(id)))) as Array<
      Row | undefined
    >;
    change.personIds.forEach((id, i) => {
      index.set(id, rows[i]);
    });
  }
}
