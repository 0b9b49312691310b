/**
 * Many requests of one transaction on the raw IndexedDB objects, with one promise for all of them.
 *
 * `idb` gives every request its own promise (two event listeners added and removed, a proxy wrapped
 * around the result): that is most of the JavaScript a bulk write or read costs, per record. Within
 * one transaction requests complete in the order they were made, so the batch is done when its last
 * request is; each request only gets a success or error handler property.
 */

/** What this module uses of an `IDBRequest`, whatever its result type (IDBRequest<T> is invariant). */
interface RequestLike<R> {
  readonly result: R;
  readonly error: DOMException | null;
  onsuccess: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
}

/** Makes one request on a raw object store or index (`unwrap` of idb's objects gives those). */
export type RawRequest<R = unknown> = () => RequestLike<R>;

/**
 * Makes every request, then resolves with their results in order once the last has succeeded; rejects
 * with the first request's own error (before the transaction's abort fails the rest), or with the
 * error of a request that throws as it is made (a value that cannot be cloned); requests are not made
 * after that one.
 */
export function requestAll<R>(requests: ReadonlyArray<RawRequest<R>>): Promise<R[]> {
  const results = new Array<R>(requests.length);
  if (requests.length === 0) return Promise.resolve(results);
  return new Promise<R[]>((resolve, reject) => {
    let failed = false;
    const fail = (request: RequestLike<R>) => {
      if (!failed) reject(request.error);
      failed = true;
    };
    requests.forEach((make, i) => {
      const request = make();
      const last = i === requests.length - 1;
      request.onsuccess = () => {
        results[i] = request.result;
        if (last && !failed) resolve(results);
      };
      request.onerror = () => fail(request);
    });
  });
}
