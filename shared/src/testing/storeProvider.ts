import type { AccessLevel } from '../access/accessLevel';
import type { Contact } from '../contact/contact';
import type { DataStoreOwner } from '../dataStore/types';
import { defineProvider } from '../provider/types';

/** A provider whose store the test writes directly, standing in for any source. */
export function storeProvider(id: string, accessLevel: AccessLevel) {
  return defineProvider({
    id,
    manifest: { displayName: id, accessLevel, writable: true },
    start: (ctx): DataStoreOwner<Contact> => ctx.store,
  });
}
