import type { IDBPDatabase } from 'idb';
import { CALLER_ID_STORE, type CallerIdRow, type DialerDb, LOOKUP_KEY_INDEX } from './dialerRows';

/**
 * The rows holding each lookup key, all read in ONE transaction (a call log asks for many at once),
 * straight from the IndexedDB index: caller ID answers at app launch without loading anything.
 */
export async function readByLookupKeys(
  db: IDBPDatabase<DialerDb>,
  lookupKeys: Iterable<string>,
): Promise<Map<string, CallerIdRow[]>> {
  const keys = [...new Set(lookupKeys)];
  if (keys.length === 0) return new Map();
  const index = db.transaction(CALLER_ID_STORE).store.index(LOOKUP_KEY_INDEX);
  const rows = await Promise.all(keys.map((key) => index.getAll(key)));
  return new Map(keys.map((key, i) => [key, rows[i] ?? []]));
}
