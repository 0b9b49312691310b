import { compareRanks, type Rank } from './compareRanks';
import { type PhoneMatchKind, phoneMatchKind, significantDigits } from './phoneMatchKeys';
import type { StoredPhoneKeys } from './storedPhoneKeys';

/** A phone entry as a consumer keeps it: its keys, read once at sync time, and the user's preference. */
export interface OwnedPhone {
  keys: StoredPhoneKeys;
  pref?: boolean;
}

/** A person as a consumer keeps them for number lookups. */
export interface PhoneOwner {
  personId: string;
  /** Empty for a person with no name at all. */
  displayName: string;
  /** The folded display name: the order among people with equally good entries. */
  nameKey: string;
  phones: readonly OwnedPhone[];
}

/** A person a number belongs to, at their best entry for it. */
export interface NumberOwner<Owner extends PhoneOwner> {
  owner: Owner;
  phone: Owner['phones'][number];
  /** `e164`, `short-code` and `digits` are exact; `suffix` matched the last 7+ significant digits. */
  match: PhoneMatchKind;
}

function sharedTrailingDigits(a: StoredPhoneKeys, b: StoredPhoneKeys): number {
  const x = significantDigits(a);
  const y = significantDigits(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n += 1;
  return n;
}

/**
 * Who a number belongs to, best first: each person once, at their best phone entry. Whether an entry
 * is the number at all is `phoneMatchKind`'s call (E.164 equality, short codes only exactly, suffixes
 * of 7+ digits when one side did not parse, extensions lenient). Among matches:
 * 1. exact (E.164, short code, same digits) before suffix;
 * 2. the same extension (usually none on both sides) before a switchboard entry with an extension;
 * 3. for suffixes, more shared trailing digits first (Android's "longest match wins");
 * 4. the entry the person marked preferred; 5. people with a name, by folded name; then person id.
 */
export function numberOwners<Owner extends PhoneOwner>(
  query: StoredPhoneKeys,
  owners: Iterable<Owner>,
): Array<NumberOwner<Owner>> {
  const best = new Map<string, { found: NumberOwner<Owner>; rank: Rank }>();
  for (const owner of owners) {
    for (const phone of owner.phones) {
      const match = phoneMatchKind(query, phone.keys);
      if (match === undefined) continue;
      const suffix = match === 'suffix';
      const rank = [
        suffix ? 1 : 0,
        query.ext === phone.keys.ext ? 0 : 1,
        suffix ? -sharedTrailingDigits(query, phone.keys) : 0,
        phone.pref === true ? 0 : 1,
        owner.displayName === '' ? 1 : 0,
        owner.nameKey,
        owner.personId,
      ];
      const kept = best.get(owner.personId);
      if (kept !== undefined && compareRanks(kept.rank, rank) <= 0) continue;
      best.set(owner.personId, { found: { owner, phone, match }, rank });
    }
  }
  return [...best.values()].sort((a, b) => compareRanks(a.rank, b.rank)).map((ranked) => ranked.found);
}
