import type { IDBPDatabase } from 'idb';
import { CALLER_ID_STORE, type CallerIdRow, DIGIT_SUFFIX_INDEX, LOOKUP_KEY_INDEX } from './dialerRows';

/** The rows holding each lookup key, all read in ONE transaction (a call log asks for many at once). */
export async function readByLookupKeys(
  db: IDBPDatabase<unknown>,
  lookupKeys: Iterable<string>,
): Promise<Map<string, CallerIdRow[]>> {
  const keys = [...new Set(lookupKeys)];
  if (keys.length === 0) return new Map();
  const index = db.transaction(CALLER_ID_STORE).store.index(LOOKUP_KEY_INDEX);
  const found = await Promise.all(keys.map((key) => index.getAll(key)));
  return new Map(keys.map((key, i) => [key, (found[i] ?? []) as CallerIdRow[]]));
}

/** Every row with a number containing `digits`: one key range over the suffix index, each row once. */
export async function readByDigits(db: IDBPDatabase<unknown>, digits: string): Promise<CallerIdRow[]> {
  const tx = db.transaction(CALLER_ID_STORE);
  const range = IDBKeyRange.bound(digits, `${digits}\uffff`);
  const ids = new Set((await tx.store.index(DIGIT_SUFFIX_INDEX).getAllKeys(range)) as string[]);
  const rows = await Promise.all([...ids].map((id) => tx.store.get(id)));
  return rows.filter((row): row is CallerIdRow => row !== undefined);
}
