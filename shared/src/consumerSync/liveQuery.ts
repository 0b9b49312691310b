import { distinctUntilChanged, from, type Observable, startWith, switchMap } from 'rxjs';

/**
 * A query's answer now, and again after every change event; a newer run supersedes one still reading,
 * and an answer equal to the last one (by value) is not repeated.
 */
export function liveQuery<T>(changes$: Observable<unknown>, query: () => Promise<T>): Observable<T> {
  return changes$.pipe(
    startWith(undefined),
    switchMap(() => from(query())),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
}
