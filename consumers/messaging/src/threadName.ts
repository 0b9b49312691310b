import { type PhoneKeys, type PhoneMatchKind, phoneMatchKind } from '@gcds/shared';
import { byRank, emailAddress, phoneAddress, type RecipientAddress } from './recipientAddress';
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

function trailingDigitsShared(a: PhoneKeys, b: PhoneKeys): number {
  const x = a.national ?? a.digits.replace(/^0+/, '');
  const y = b.national ?? b.digits.replace(/^0+/, '');
  let n = 0;
  while (n < x.length && n < y.length && x.at(-1 - n) === y.at(-1 - n)) n += 1;
  return n;
}

function pick(
  found: Map<string, { name: ThreadName; rank: Array<number | string> }>,
): ThreadName | undefined {
  const ordered = [...found.values()].sort((a, b) => byRank(a.rank, b.rank));
  const first = ordered[0];
  return first === undefined ? undefined : { ...first.name, others: ordered.length - 1 };
}

/**
 * The person a thread's number belongs to, by the dialer's caller-ID rules: `phoneMatchKind` decides
 * whether an entry is the number (E.164, short codes only exactly, 7+ digit suffixes when one side did
 * not parse, extensions lenient); exact before suffix, the same extension, the longer suffix, the
 * preferred entry, then names.
 */
export function nameForNumber(query: PhoneKeys, rows: Iterable<RecipientRow>): ThreadName | undefined {
  const found = new Map<string, { name: ThreadName; rank: Array<number | string> }>();
  for (const row of rows) {
    for (const phone of row.phones) {
      const match = phoneMatchKind(query, phone.keys);
      if (match === undefined) continue;
      const suffix = match === 'suffix';
      const rank = [
        suffix ? 1 : 0,
        query.ext === phone.keys.ext ? 0 : 1,
        suffix ? -trailingDigitsShared(query, phone.keys) : 0,
        phone.pref === true ? 0 : 1,
        row.displayName === '' ? 1 : 0,
        row.nameKey,
        row.personId,
      ];
      const kept = found.get(row.personId);
      if (kept !== undefined && byRank(kept.rank, rank) <= 0) continue;
      const name = {
        personId: row.personId,
        displayName: row.displayName,
        address: phoneAddress(phone),
        match,
      };
      found.set(row.personId, { name: { ...name, others: 0 }, rank });
    }
  }
  return pick(found);
}

/** The person an email address (compared by `emailKey`) belongs to: a preferred entry, then by name. */
export function nameForEmail(key: string, rows: Iterable<RecipientRow>): ThreadName | undefined {
  const found = new Map<string, { name: ThreadName; rank: Array<number | string> }>();
  for (const row of rows) {
    const email =
      row.emails.find((entry) => entry.key === key && entry.pref === true) ??
      row.emails.find((entry) => entry.key === key);
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
