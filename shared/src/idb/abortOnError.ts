/** What `abortOnError` needs of a transaction: idb's and IndexedDB's both fit. */
export interface Abortable {
  abort(): void;
}

/**
 * Runs `body` against an open readwrite transaction; if it throws, aborts the transaction before
 * rethrowing, so nothing it half-applied can commit (a throw between requests would otherwise let
 * IndexedDB commit what was already issued).
 */
export async function abortOnError<R>(tx: Abortable, body: () => Promise<R>): Promise<R> {
  try {
    return await body();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // The transaction had already finished or aborted: nothing of it is left to undo.
    }
    throw error;
  }
}
