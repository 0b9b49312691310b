import { type Contact, composeMergedContact, type MergedContact } from '@gcds/shared';

/** Test support: the real merged view of one local record, as the sync engine hands it to a projection. */
export function mergedOf(fields: Omit<Contact, 'id'>, personId = 'p1'): MergedContact {
  const pointer = { provider: 'local', contactId: personId, accessLevel: 'privileged' as const, revision: 1 };
  const merged = composeMergedContact(
    { id: personId, pointers: [pointer], reasons: [] },
    [{ pointer, contact: { id: personId, ...fields } }],
    { readerLevel: 'privileged', region: 'GB' },
  );
  if (merged === undefined) throw new Error('nothing readable');
  return merged;
}
