import type { AppIdentity } from '@gcds/shared';
import { asyncScheduler, merge, type Observable, throttleTime } from 'rxjs';
import type { DemoCall } from '../demo/demoActivity';
import type { CallKind, CallLogEntry, PhoneAppApi } from '../protocol/phoneApi';
import { callerIdOf, dialSuggestionOf, type NumberMatch } from './callerIdView';
import type { CallLogStore, StoredCall } from './callLogStore';
import {
  callCounts,
  callKey,
  type DialCandidate,
  keypadWords,
  nameMatch,
  rankDialCandidates,
} from './smartDial';

/** What the Phone engine uses of the dialer consumer (its own IndexedDB copy of the GCDS). */
export interface Dialer {
  readonly changes$: Observable<unknown>;
  lookupNumber(number: string): Promise<NumberMatch[]>;
  /** Numbers holding the digits: the whole number, its start, or inside it. */
  suggest(
    digits: string,
    limit?: number,
  ): Promise<Array<NumberMatch & { match: 'exact' | 'prefix' | 'infix' }>>;
  namesFor(numbers: readonly string[]): Promise<Map<string, NumberMatch[]>>;
  /** Everyone with a number: the names the keypad's letters search. */
  everyone(): Promise<Array<{ personId: string; displayName: string; phones: NumberMatch['matchedTel'][] }>>;
}

/** How many calls of the log count toward "often called". */
const CALLS_COUNTED = 500;

const NUMBER_KIND = { exact: 'number-exact', prefix: 'number-prefix', infix: 'number-inside' } as const;

const CALL_KINDS: readonly CallKind[] = ['incoming', 'outgoing', 'missed', 'declined'];
const KEYPAD_TEXT = /^[\d\s+().\-*#]*$/u;

/** A number the user typed or a call carried: trimmed, with at least one digit, keypad characters only. */
export function checkedNumber(number: unknown): string {
  if (typeof number !== 'string') throw new TypeError(`a phone number is text, not ${typeof number}`);
  const trimmed = number.trim();
  if (!/\d/.test(trimmed)) throw new Error(`“${trimmed}” is not a phone number: it has no digit`);
  if (!KEYPAD_TEXT.test(trimmed)) {
    throw new Error(`“${trimmed}” is not a phone number: only digits, spaces and + ( ) . - * # are`);
  }
  return trimmed;
}

/** The letters of a name that typed digits spell (for marking): from the start of the word they begin. */
export function spelledPart(name: string, digits: string): string | undefined {
  const words = name.split(/\s+/u);
  for (const word of words) {
    const keys = keypadWords(word).join('');
    if (keys.startsWith(digits)) return [...word].slice(0, digits.length).join('');
  }
  return undefined;
}

/** Demo calls as stored calls, placed back in time from `now`. */
export function demoCalls(calls: readonly DemoCall[], now: number): Array<Omit<StoredCall, 'id'>> {
  return calls.map((call) => ({ number: call.number, kind: call.kind, at: now - call.minutesAgo * 60_000 }));
}

/**
 * The Phone app's engine: caller ID, suggestions and call-log names from the dialer consumer, which
 * reads the GCDS at the level the shell gave the Phone app; the call log in the app's own database.
 */
export class PhoneEngine {
  /** Names and numbers for the keypad's letters, read once per change of the contacts. */
  #people: ReturnType<Dialer['everyone']> | undefined;

  constructor(
    private readonly identity: AppIdentity,
    private readonly region: string,
    private readonly dialer: Dialer,
    private readonly log: CallLogStore,
  ) {
    dialer.changes$.subscribe(() => {
      this.#people = undefined;
    });
  }

  #everyone(): ReturnType<Dialer['everyone']> {
    if (this.#people === undefined) {
      const people = this.dialer.everyone();
      people.catch(() => {
        if (this.#people === people) this.#people = undefined;
      });
      this.#people = people;
    }
    return this.#people;
  }

  /** Suggestions for typed keys: numbers by their digits, names by their letters, ranked (see smartDial). */
  async #suggest(typed: string, limit: number) {
    const digits = typed.replace(/\D/g, '');
    const [byNumber, people, calls] = await Promise.all([
      this.dialer.suggest(typed, limit * 2),
      /^[2-9]+$/.test(typed.trim()) ? this.#everyone() : Promise.resolve([]),
      this.log.recent(CALLS_COUNTED),
    ]);
    const counts = callCounts(calls.map((call) => call.number));
    const candidates: Array<DialCandidate & { tel: NumberMatch; spelled?: string }> = byNumber.map(
      (match) => ({
        personId: match.personId,
        name: match.displayName,
        number: match.matchedTel.value,
        kind: NUMBER_KIND[match.match],
        calls: counts.get(callKey(match.matchedTel.value)) ?? 0,
        tel: match,
      }),
    );
    for (const person of people) {
      const kind = nameMatch(digits, person.displayName);
      if (kind === undefined || person.phones.length === 0) continue;
      // The number called most, else the person's first: what tapping the name would dial.
      const phone = [...person.phones].sort(
        (a, b) => (counts.get(callKey(b.value)) ?? 0) - (counts.get(callKey(a.value)) ?? 0),
      )[0]!;
      candidates.push({
        personId: person.personId,
        name: person.displayName,
        number: phone.value,
        kind,
        calls: counts.get(callKey(phone.value)) ?? 0,
        tel: { personId: person.personId, displayName: person.displayName, matchedTel: phone },
        spelled: spelledPart(person.displayName, digits),
      });
    }
    return rankDialCandidates(candidates, limit) as typeof candidates;
  }

  readonly appApi: PhoneAppApi = {
    whoAmI: () => ({ appId: this.identity.appId, accessLevel: this.identity.accessLevel }),
    callerId: async (number) => {
      const checked = checkedNumber(number);
      return callerIdOf(checked, await this.dialer.lookupNumber(checked), this.region);
    },
    suggest: async (typed, limit = 8) => {
      if (typeof typed !== 'string' || !KEYPAD_TEXT.test(typed) || !/\d/.test(typed)) return [];
      const ranked = await this.#suggest(typed, limit);
      return ranked.map((candidate) => ({
        ...dialSuggestionOf(candidate.tel, this.region),
        ...(candidate.spelled === undefined ? {} : { spelled: candidate.spelled }),
      }));
    },
    callLog: async (limit = 100) => {
      const calls = await this.log.recent(limit);
      const names = await this.dialer.namesFor([...new Set(calls.map((call) => call.number))]);
      return calls.map(
        (call): CallLogEntry => ({
          id: call.id,
          kind: call.kind,
          at: call.at,
          caller: callerIdOf(call.number, names.get(call.number) ?? [], this.region),
        }),
      );
    },
    logCall: async (number, kind) => {
      const checked = checkedNumber(number);
      if (!CALL_KINDS.includes(kind))
        throw new Error(`a call is incoming, outgoing, missed or declined, not “${kind}”`);
      const [call] = await this.log.add([{ number: checked, kind, at: Date.now() }]);
      return {
        id: call!.id,
        kind,
        at: call!.at,
        caller: callerIdOf(checked, await this.dialer.lookupNumber(checked), this.region),
      };
    },
    subscribe: (onChange) => {
      merge(this.dialer.changes$, this.log.changes$)
        .pipe(throttleTime(150, asyncScheduler, { leading: true, trailing: true }))
        .subscribe(() => {
          void onChange();
        });
    },
  };
}
