import { type AppMethodTable, isCount, isText, methodTable, oneOf, optional } from './appRpc';
/**
 * What the Phone app's frame may ask its engine. The engine reads contacts at the level the shell gave
 * the Phone app (privileged): a number known only from facebook-sim has no name here.
 */

/** Who a number belongs to, as far as the Phone app may know. */
export interface CallerId {
  /** The number as dialled or received. */
  number: string;
  /** The number as the phone shows it (national form at home, international otherwise). */
  displayNumber: string;
  personId?: string;
  name?: string;
  /** The kind of number in that contact: mobile, home, work, or the contact's own label. */
  label?: string;
}

/** A contact whose number (or name on the keypad letters) starts with or contains what was typed. */
export interface DialSuggestion {
  personId: string;
  name: string;
  number: string;
  displayNumber: string;
  label?: string;
  /** Found by the name's letters on the keys (T9): the part of the name the digits spell, to mark. */
  spelled?: string;
}

/** `declined`: an incoming call the user turned down; `missed`: one nobody answered. */
export type CallKind = 'incoming' | 'outgoing' | 'missed' | 'declined';

export interface CallLogEntry {
  id: number;
  kind: CallKind;
  /** Milliseconds since the epoch. */
  at: number;
  /** Resolved when read, so a name appears as soon as the contact does (and goes when it goes). */
  caller: CallerId;
}

export interface PhoneAppApi {
  whoAmI(): { appId: string; accessLevel: string };
  callerId(number: string): Promise<CallerId>;
  suggest(typed: string, limit?: number): Promise<DialSuggestion[]>;
  callLog(limit?: number): Promise<CallLogEntry[]>;
  /** Records a call; a number with no digit is refused with a clear error. */
  logCall(number: string, kind: CallKind): Promise<CallLogEntry>;
  /** Calls `onChange` after a change to the contacts or the call log (coalesced). */
  subscribe(onChange: () => void): void;
}

/** What the Phone engine serves its frame, and the arguments each call accepts. */
export const PHONE_APP_METHODS: AppMethodTable<PhoneAppApi> = methodTable<PhoneAppApi>({
  whoAmI: { args: [] },
  callerId: { args: [isText] },
  suggest: { args: [isText, optional(isCount)] },
  callLog: { args: [optional(isCount)] },
  logCall: { args: [isText, oneOf('incoming', 'outgoing', 'missed', 'declined')] },
});
