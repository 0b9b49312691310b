import { type AccessLevel, canReadAt } from '../access/accessLevel';
import type { PersonRecord } from './person';

export const READABLE_POINTERS_POLICY = 'readable-pointers';

/**
 * The GCDS row policy: a reader sees only pointers (and merge reasons) of providers it may read, and a
 * person none of whose pointers it may read does not exist for it. Applied by the platform, not by readers.
 */
export function readablePointers(record: PersonRecord, readerLevel: AccessLevel): PersonRecord | undefined {
  const pointers = record.pointers.filter((pointer) => canReadAt(readerLevel, pointer.accessLevel));
  if (pointers.length === 0) return undefined;
  if (pointers.length === record.pointers.length) return record;
  const visible = new Set(pointers.map((pointer) => `${pointer.provider}\u001f${pointer.contactId}`));
  const reasons = record.reasons.filter(
    (reason) =>
      visible.has(`${reason.a.provider}\u001f${reason.a.contactId}`) &&
      visible.has(`${reason.b.provider}\u001f${reason.b.contactId}`),
  );
  return { ...record, pointers, reasons };
}
