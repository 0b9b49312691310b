import {
  compareRanks,
  emailKey,
  numberOwners,
  type PhoneKeys,
  type PhoneMatchKind,
  type Rank,
} from '@gcds/shared';
import { emailAddress, phoneAddress, type RecipientAddress } from './recipientAddress';
import type { RecipientRow } from './recipientRows';

/** Who a thread's number or address is. */
export interface ThreadName {
  personId: string;
  /** Empty when the person has no name: show the address. */
  displayName: string;
  /** The person's entry that matched. */
  address: RecipientAddress;
  match: PhoneMatchKind | 'email';
  /** How many other people share the number or address (a thread title may say "and 1 other"). */
  others: number;
}

function pick(found: Map<string, { name: ThreadName; rank: Rank }>): ThreadName | undefined {
  const ordered = [...found.values()].sort((a, b) => compareRanks(a.rank, b.rank));
  const first = ordered[0];
  return first === undefined ? undefined : { ...first.name, others: ordered.length - 1 };
}

/**
 * The person a thread's number belongs to, by the dialer's caller-ID rule (`numberOwners`: exact
 * before suffix, the same extension, the longer suffix, the preferred entry, then names); `others`
 * counts everyone else the number belongs to.
 */
export function nameForNumber(query: PhoneKeys, rows: Iterable<RecipientRow>): ThreadName | undefined {
  const [first, ...rest] = numberOwners(query, rows);
  if (first === undefined) return undefined;
  return {
    personId: first.owner.personId,
    displayName: first.owner.displayName,
    address: phoneAddress(first.phone),
    match: first.match,
    others: rest.length,
  };
}

/** The person an email address (compared by `emailKey`) belongs to: a preferred entry, then by name. */
export function nameForEmail(key: string, rows: Iterable<RecipientRow>): ThreadName | undefined {
  const found = new Map<string, { name: ThreadName; rank: Rank }>();
  for (const row of rows) {
    const email =
      row.emails.find((entry) => entry.pref === true && emailKey(entry.value) === key) ??
      row.emails.find((entry) => emailKey(entry.value) === key);
    if (email === undefined) continue;
    found.set(row.personId, {
      name: {
        personId: row.personId,
        displayName: row.displayName,
        address: emailAddress(email),
        match: 'email',
        others: 0,
      },
      rank: [email.pref === true ? 0 : 1, row.displayName === '' ? 1 : 0, row.nameKey, row.personId],
    });
  }
  return pick(found);
}
