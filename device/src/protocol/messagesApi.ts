import { type AppMethodTable, isCount, isText, isTextList, methodTable, optional } from './appRpc';
/**
 * What the Messages app's frame may ask its engine. The engine reads contacts at the level the shell
 * gave the Messages app (privileged): a person known only from facebook-sim is never a recipient here.
 */

export type AddressKind = 'phone' | 'email';

/** Someone to write to: one of a contact's numbers or email addresses. */
export interface Recipient {
  personId: string;
  name: string;
  address: string;
  /** The address as shown (a number in national or international form). */
  displayAddress: string;
  kind: AddressKind;
  /** mobile, home, work… */
  label?: string;
}

export interface ThreadSummary {
  /** The normalised address (E.164 or a folded email), the same for every way of writing it. */
  id: string;
  address: string;
  displayAddress: string;
  kind: AddressKind;
  /** Resolved when read, from the app's own contacts. */
  name?: string;
  personId?: string;
  lastText: string;
  lastAt: number;
  count: number;
}

export interface ChatMessage {
  id: number;
  threadId: string;
  direction: 'in' | 'out';
  text: string;
  at: number;
}

export interface MessagesAppApi {
  whoAmI(): { appId: string; accessLevel: string };
  searchRecipients(query: string, limit?: number): Promise<Recipient[]>;
  /** Threads, newest first. */
  threads(): Promise<ThreadSummary[]>;
  thread(threadId: string): Promise<{ summary: ThreadSummary; messages: ChatMessage[] } | undefined>;
  /**
   * Sends one text to each address (one thread per address, as SMS does). Refuses an empty text or an
   * address that is neither a number nor an email, naming it, and then sends nothing.
   */
  send(addresses: string[], text: string): Promise<string[]>;
  /** Calls `onChange` after a change to the contacts or the messages (coalesced). */
  subscribe(onChange: () => void): void;
}

/** What the Messages engine serves its frame, and the arguments each call accepts. */
export const MESSAGES_APP_METHODS: AppMethodTable<MessagesAppApi> = methodTable<MessagesAppApi>({
  whoAmI: { args: [] },
  searchRecipients: { args: [isText, optional(isCount)] },
  threads: { args: [] },
  thread: { args: [isText] },
  send: { args: [isTextList, isText] },
});
