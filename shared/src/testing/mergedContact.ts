import type { MergedContact } from '../mergedView/mergedContact';

/** A merged person with only the given fields (every list empty otherwise), for projection tests. */
export function mergedContact(fields: Partial<MergedContact> = {}): MergedContact {
  return {
    personId: 'p1',
    sources: [],
    nickname: [],
    tel: [],
    email: [],
    adr: [],
    url: [],
    impp: [],
    category: [],
    ...fields,
  };
}
