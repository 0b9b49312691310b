import { type PhoneKeys, type PhoneMatchKind, phoneMatchKind } from '@gcds/shared';
import type { CallerIdRow, DialerPhone } from './dialerRows';

/** The phone entry that matched, as the person's source wrote it, with what the UI shows beside it. */
export interface MatchedTel {
  value: string;
  e164?: string;
  ext?: string;
  type?: string[];
  label?: string;
  pref?: boolean;
}

export interface CallerIdMatch {
  personId: string;
  /** Empty when the person has no name at all: show the number instead. */
  displayName: string;
  matchedTel: MatchedTel;
  /** `e164`, `short-code` and `digits` are exact; `suffix` matched the last 7+ national digits. */
  match: PhoneMatchKind;
}

export function matchedTelOf(phone: DialerPhone): MatchedTel {
  const tel: MatchedTel = { value: phone.value };
  if (phone.keys.e164 !== undefined) tel.e164 = phone.keys.e164;
  if (phone.keys.ext !== undefined) tel.ext = phone.keys.ext;
  if (phone.type !== undefined) tel.type = [...phone.type];
  if (phone.label !== undefined) tel.label = phone.label;
  if (phone.pref === true) tel.pref = true;
  return tel;
}

function significant(keys: PhoneKeys): string {
  return keys.national ?? keys.digits.replace(/^0+/, '');
}

function sharedTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

interface Ranked {
  match: CallerIdMatch;
  rank: Array<number | string>;
}

/**
 * Who a number belongs to, best first: each person once, at their best phone entry. Whether a phone
 * entry is the number at all is `phoneMatchKind`'s call (E.164 equality, short codes only exactly,
 * suffixes of 7+ digits when one side did not parse, extensions lenient). Among matches:
 * 1. exact (E.164, short code, same digits) before suffix;
 * 2. the same extension (usually none on both sides) before a switchboard entry with an extension;
 * 3. for suffixes, more shared trailing digits first (Android's "longest match wins");
 * 4. the entry the person marked preferred; 5. people with a name, by folded name; then person id.
 */
export function rankCallerId(query: PhoneKeys, rows: Iterable<CallerIdRow>): CallerIdMatch[] {
  const best = new Map<string, Ranked>();
  for (const row of rows) {
    for (const phone of row.phones) {
      const kind = phoneMatchKind(query, phone.keys);
      if (kind === undefined) continue;
      const rank = [
        kind === 'suffix' ? 1 : 0,
        query.ext === phone.keys.ext ? 0 : 1,
        kind === 'suffix' ? -sharedTail(significant(query), significant(phone.keys)) : 0,
        phone.pref === true ? 0 : 1,
        row.displayName === '' ? 1 : 0,
        row.nameKey,
        row.personId,
      ];
      const kept = best.get(row.personId);
      if (kept !== undefined && compareRanks(kept.rank, rank) <= 0) continue;
      best.set(row.personId, {
        rank,
        match: {
          personId: row.personId,
          displayName: row.displayName,
          matchedTel: matchedTelOf(phone),
          match: kind,
        },
      });
    }
  }
  return [...best.values()].sort((a, b) => compareRanks(a.rank, b.rank)).map((ranked) => ranked.match);
}

/** Element-wise: numbers numerically, strings by code unit. */
export function compareRanks(a: ReadonlyArray<number | string>, b: ReadonlyArray<number | string>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
