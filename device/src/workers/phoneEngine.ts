import type { AppIdentity } from '@gcds/shared';
import { asyncScheduler, merge, type Observable, throttleTime } from 'rxjs';
import type { DemoCall } from '../demo/demoActivity';
import type { CallKind, CallLogEntry, PhoneAppApi } from '../protocol/phoneApi';
import { callerIdOf, dialSuggestionOf, type NumberMatch } from './callerIdView';
import type { CallLogStore, StoredCall } from './callLogStore';

/** What the Phone engine uses of the dialer consumer (its own IndexedDB copy of the GCDS). */
export interface Dialer {
  readonly changes$: Observable<unknown>;
  lookupNumber(number: string): Promise<NumberMatch[]>;
  suggest(digits: string, limit?: number): Promise<NumberMatch[]>;
  namesFor(numbers: readonly string[]): Promise<Map<string, NumberMatch[]>>;
}

const CALL_KINDS: readonly CallKind[] = ['incoming', 'outgoing', 'missed'];
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

/** Demo calls as stored calls, placed back in time from `now`. */
export function demoCalls(calls: readonly DemoCall[], now: number): Array<Omit<StoredCall, 'id'>> {
  return calls.map((call) => ({ number: call.number, kind: call.kind, at: now - call.minutesAgo * 60_000 }));
}

/**
 * The Phone app's engine: caller ID, suggestions and call-log names from the dialer consumer, which
 * reads the GCDS at the level the shell gave the Phone app; the call log in the app's own database.
 */
export class PhoneEngine {
  constructor(
    private readonly identity: AppIdentity,
    private readonly region: string,
    private readonly dialer: Dialer,
    private readonly log: CallLogStore,
  ) {}

  readonly appApi: PhoneAppApi = {
    whoAmI: () => ({ appId: this.identity.appId, accessLevel: this.identity.accessLevel }),
    callerId: async (number) => {
      const checked = checkedNumber(number);
      return callerIdOf(checked, await this.dialer.lookupNumber(checked), this.region);
    },
    suggest: async (typed, limit = 8) => {
      if (typeof typed !== 'string' || !KEYPAD_TEXT.test(typed) || !/\d/.test(typed)) return [];
      const matches = await this.dialer.suggest(typed, limit);
      return matches.map((match) => dialSuggestionOf(match, this.region));
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
        throw new Error(`a call is incoming, outgoing or missed, not “${kind}”`);
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
