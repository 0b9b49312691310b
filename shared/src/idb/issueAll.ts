/**
 * Issues every request, then awaits them together: within one IndexedDB transaction the requests run
 * in the order they were made, so this is what awaiting each in turn would do, without a round trip
 * per request. A request that throws as it is made (a value that cannot be cloned) aborts the
 * transaction; the ones already made then reject, and are caught here so nothing goes unhandled.
 */
export async function issueAll(requests: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const request of requests) pending.push(request());
  } catch (error) {
    for (const made of pending) made.catch(() => undefined);
    throw error;
  }
  await Promise.all(pending);
}
