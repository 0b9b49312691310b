import {
  type Consumer,
  ConsumerBase,
  type ConsumerOptions,
  type ConsumerSync,
  checkQueryLimit,
  emailKey,
  FollowedIndex,
  type PhoneKeys,
  phoneKeys,
  phoneLookupKeys,
  phoneRegion,
  syncForConsumer,
} from '@gcds/shared';
import type { Observable } from 'rxjs';
import { readThreadCandidates } from './messagingQueries';
import { projectRecipient } from './projectRecipient';
import { parseRecipientQuery } from './recipientQuery';
import { MESSAGING_SCHEMA, type MessagingDb, RECIPIENT_STORE, type RecipientRow } from './recipientRows';
import type { RecipientSuggestion } from './recipientSearch';
import { RecipientSearchIndex } from './recipientSearchIndex';
import { nameForEmail, nameForNumber, type ThreadName } from './threadName';

/** The Messages app's identity is privileged in the seed. */
export type MessagingConsumerOptions = ConsumerOptions;

/** The Messages app's consumer: recipient search and thread names from its own IndexedDB. */
export interface MessagingConsumer extends Consumer<MessagingDb> {
  /** Addresses to offer while the To: field is typed, ranked; `limit` defaults to 10. */
  searchRecipients(query: string, limit?: number): Promise<RecipientSuggestion[]>;
  searchRecipients$(query: string, limit?: number): Observable<RecipientSuggestion[]>;
  /** Who a thread's number or email address is; undefined for a stranger. */
  displayNameFor(address: string): Promise<ThreadName | undefined>;
  /** The same for a thread list: each distinct address given, all read in one transaction. */
  displayNamesFor(addresses: readonly string[]): Promise<Map<string, ThreadName | undefined>>;
  /** Memory held for recipient search: undefined until the first search builds it (names never do). */
  recipientSearchStats(): ReturnType<RecipientSearchIndex['stats']> | undefined;
}

/**
 * Bumped when the row shape or the projection changes: the database is then rebuilt from the GCDS
 * (2: no typed digit forms in rows; search builds them in memory; 3: compact phone keys, no email
 * keys beside the addresses, name words only when the name key does not give them).
 */
const PROJECTION_TAG = 'messaging/3';

export async function createMessagingConsumer(options: MessagingConsumerOptions): Promise<MessagingConsumer> {
  const region = phoneRegion(options.region);
  const sync = await syncForConsumer(options, {
    defaultDbName: 'consumer-messaging',
    region,
    schema: MESSAGING_SCHEMA,
    project: projectRecipient(region),
    // Stored phone keys are read in the region: a new region rebuilds them.
    projectionVersion: `${PROJECTION_TAG}/${region}`,
  });
  return new MessagingConsumerImpl(
    sync,
    region,
    new FollowedIndex(sync, {
      store: RECIPIENT_STORE,
      build: (rows: readonly RecipientRow[]) => RecipientSearchIndex.from(rows),
    }),
  );
}

type ThreadAddress = { kind: 'email'; key: string } | { kind: 'phone'; keys: PhoneKeys } | { kind: 'none' };

class MessagingConsumerImpl extends ConsumerBase<MessagingDb> implements MessagingConsumer {
  readonly #region: string;
  readonly #searchIndex: FollowedIndex<RecipientRow, RecipientSearchIndex>;

  constructor(
    sync: ConsumerSync<MessagingDb>,
    region: string,
    searchIndex: FollowedIndex<RecipientRow, RecipientSearchIndex>,
  ) {
    // Live queries re-run once the search index has followed a commit, not as soon as it is written.
    super(sync, searchIndex.changes$);
    this.#region = region;
    this.#searchIndex = searchIndex;
  }

  async searchRecipients(query: string, limit = 10): Promise<RecipientSuggestion[]> {
    const parsed = parseRecipientQuery(query);
    checkQueryLimit(limit);
    if (parsed === undefined) return [];
    return (await this.#searchIndex.load()).search(parsed, limit);
  }

  searchRecipients$(query: string, limit = 10): Observable<RecipientSuggestion[]> {
    parseRecipientQuery(query);
    checkQueryLimit(limit);
    return this.live(() => this.searchRecipients(query, limit));
  }

  async displayNameFor(address: string): Promise<ThreadName | undefined> {
    return (await this.displayNamesFor([address])).get(address);
  }

  async displayNamesFor(addresses: readonly string[]): Promise<Map<string, ThreadName | undefined>> {
    if (!Array.isArray(addresses)) throw new TypeError('displayNamesFor takes an array of addresses');
    const parsed = new Map<string, ThreadAddress>();
    for (const address of addresses)
      if (!parsed.has(address)) parsed.set(address, this.#threadAddress(address));
    const all = [...parsed.values()];
    const { byPhoneKey, byEmailKey } = await readThreadCandidates(
      this.sync.db,
      all.flatMap((a) => (a.kind === 'phone' ? phoneLookupKeys(a.keys) : [])),
      all.flatMap((a) => (a.kind === 'email' ? [a.key] : [])),
    );
    const names = new Map<string, ThreadName | undefined>();
    for (const [address, thread] of parsed) {
      if (thread.kind === 'email')
        names.set(address, nameForEmail(thread.key, byEmailKey.get(thread.key) ?? []));
      else if (thread.kind === 'phone') {
        const rows = new Map(
          phoneLookupKeys(thread.keys).flatMap((key) =>
            (byPhoneKey.get(key) ?? []).map((row) => [row.personId, row]),
          ),
        );
        names.set(address, nameForNumber(thread.keys, rows.values()));
      } else names.set(address, undefined);
    }
    return names;
  }

  recipientSearchStats() {
    return this.#searchIndex.stats();
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#searchIndex.stop();
  }

  /** An address with an `@` is an email address; anything else is read as a number. */
  #threadAddress(address: string): ThreadAddress {
    if (typeof address !== 'string') throw new TypeError(`an address is a string, got ${typeof address}`);
    if (address.includes('@')) {
      const key = emailKey(address);
      return key === '' ? { kind: 'none' } : { kind: 'email', key };
    }
    const keys = phoneKeys(address, this.#region);
    return keys.digits === '' ? { kind: 'none' } : { kind: 'phone', keys };
  }
}
