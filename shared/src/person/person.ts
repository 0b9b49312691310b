import type { AccessLevel } from '../access/accessLevel';

/** A provider record, named by stable source identity: provider id + the provider's record id. */
export interface SourceRef {
  provider: string;
  contactId: string;
}

/** A GCDS pointer to one provider record. Data stays in the provider; the GCDS holds only this. */
export interface Pointer extends SourceRef {
  /** The provider store's access level, so readers below it never see the pointer. */
  accessLevel: AccessLevel;
  /** The provider revision at which this record last changed: a change of data changes the person. */
  revision: number;
}

/** Why two sources belong to one person, for the UI to show. */
export interface MergeReason {
  a: SourceRef;
  b: SourceRef;
  /** `auto`: passive merge on matching keys; `user`: the user merged them. */
  kind: 'auto' | 'user';
  /** What matched, e.g. `phone:+14155550100`, `email:ada@example.com`, `name:ada lovelace`. */
  keys: string[];
}

/**
 * One GCDS record per person: pointers (the first is the primary source) and why they are together.
 * This is what consumers sync from the GCDS store. Match keys stay inside the GCDS.
 */
export interface PersonRecord {
  id: string;
  pointers: Pointer[];
  reasons: MergeReason[];
  /**
   * The source whose name the user chose when merging people with different names: every app names
   * the person from it (while it is readable), whichever source is primary. Absent: the primary's name.
   */
  nameFrom?: SourceRef;
  /**
   * The lowest level that could read some earlier version of this person, while it is lower than the
   * level that can read it now: a reader at or above it may hold the person and must hear that it went.
   * Readers below it never held the person, so they never hear of it (not even its id).
   */
  onceReadableAt?: AccessLevel;
  /**
   * The user hid this person (every source of it): no app lists, finds or names them until unhidden.
   * Present only when true, so people nobody hid are written exactly as before.
   */
  hidden?: true;
}

export function sourceKey(ref: SourceRef): string {
  return `${ref.provider}\u001f${ref.contactId}`;
}
