import { type AccessLevel, accessRank, canReadAt } from '../access/accessLevel';
import type { PersonRecord, Pointer } from './person';

export const READABLE_POINTERS_POLICY = 'readable-pointers';

/**
 * The GCDS row policy: a reader sees only pointers (merge reasons, the chosen name's source) of providers
 * it may read, and a person none of whose pointers it may read does not exist for it. Applied by the
 * platform, not by readers.
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
  const { nameFrom, ...rest } = record;
  const named = nameFrom !== undefined && visible.has(`${nameFrom.provider}\u001f${nameFrom.contactId}`);
  return { ...rest, pointers, reasons, ...(named ? { nameFrom } : {}) };
}

/** Whether a reader the policy hides this person from may still hold an earlier version of it. */
export function mayHoldHiddenPerson(record: PersonRecord, readerLevel: AccessLevel): boolean {
  return record.onceReadableAt !== undefined && canReadAt(readerLevel, record.onceReadableAt);
}

/** The lowest level that can read a person with these pointers (`undefined`: it has none). */
export function lowestReadableLevel(pointers: readonly Pointer[]): AccessLevel | undefined {
  let lowest: AccessLevel | undefined;
  for (const pointer of pointers) {
    if (lowest === undefined || accessRank(pointer.accessLevel) < accessRank(lowest))
      lowest = pointer.accessLevel;
  }
  return lowest;
}

/**
 * The person as the GCDS writes it next: `onceReadableAt` carries the lowest level any version so far
 * was readable at, for as long as that is lower than the level it is readable at now.
 */
export function withOnceReadableAt(next: PersonRecord, previous: PersonRecord | undefined): PersonRecord {
  const { onceReadableAt: _dropped, ...record } = next;
  if (previous === undefined) return record;
  const now = lowestReadableLevel(record.pointers);
  let before = lowestReadableLevel(previous.pointers);
  if (
    previous.onceReadableAt !== undefined &&
    (before === undefined || accessRank(previous.onceReadableAt) < accessRank(before))
  )
    before = previous.onceReadableAt;
  if (before === undefined || now === undefined || accessRank(before) >= accessRank(now)) return record;
  return { ...record, onceReadableAt: before };
}
