import type { ContactsConsumer, ListItem } from '@gcds/consumer-contacts';
import type { DialerConsumer } from '@gcds/consumer-dialer';
import type { MessagingConsumer } from '@gcds/consumer-messaging';
import type { PersonRecord } from '@gcds/shared';
import { IDENTITIES, significantDigits } from './identities';
import type { PipelineUnderTest } from './pipelineUnderTest';
import { mayRead, type ProviderId, type ReaderLevel } from './referenceModel';

/** A person as a consumer shows it, named by its sources' model keys. */
export interface ObservedPerson {
  personId: string;
  sources: string[];
  displayName: string;
  org: string | undefined;
  phones: string[];
  emails: string[];
}

/** Who the dialer says a number belongs to. */
export interface ObservedCallerId {
  number: string;
  people: Array<{ sources: string[]; displayName: string }>;
}

/** Who the Messages app names a thread's address after, and how many others share it. */
export interface ObservedThreadName {
  address: string;
  person: { sources: string[]; displayName: string } | undefined;
  others: number;
}

export type ObservedConsumer =
  | { name: string; kind: 'contacts'; level: ReaderLevel; people: ObservedPerson[]; problems: string[] }
  | {
      name: string;
      kind: 'dialer';
      level: ReaderLevel;
      rows: number;
      callerIds: ObservedCallerId[];
      problems: string[];
    }
  | {
      name: string;
      kind: 'messaging';
      level: ReaderLevel;
      rows: number;
      threads: ObservedThreadName[];
      problems: string[];
    };

export interface ObservedState {
  /** The GCDS's people as sorted model keys. */
  gcdsGroups: string[][];
  consumers: ObservedConsumer[];
  /** Errors the services report after settling. */
  errors: string[];
}

/** Every place of the list, page by page, the way the app scrolls it. */
export async function wholeList(consumer: ContactsConsumer, pageSize = 7): Promise<ListItem[]> {
  const items: ListItem[] = [];
  let page = await consumer.firstPage(pageSize);
  items.push(...page.items);
  while (page.next !== undefined) {
    page = await consumer.pageAfter(page.next, pageSize);
    items.push(...page.items);
  }
  return items;
}

async function observeContacts(
  world: PipelineUnderTest,
  consumer: ContactsConsumer,
  gcdsPeople: readonly PersonRecord[],
): Promise<{ people: ObservedPerson[]; problems: string[] }> {
  const problems: string[] = [];
  const items = await wholeList(consumer);
  const people: ObservedPerson[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.section !== 'all') continue;
    const { entry } = item;
    if (seen.has(entry.personId)) problems.push(`person ${entry.personId} is listed twice`);
    seen.add(entry.personId);
    const detail = await consumer.getDetail(entry.personId);
    if (detail === undefined) {
      problems.push(`"${entry.displayName}" is listed but has no detail`);
      continue;
    }
    people.push({
      personId: entry.personId,
      sources: detail.sources.map((s) => world.keyOfPointer(s)).sort(),
      displayName: entry.displayName,
      org: detail.org?.value,
      phones: [...new Set(entry.phones.map((p) => significantDigits(p.value)))].sort(),
      emails: [...new Set(entry.emails.map((e) => e.toLowerCase()))].sort(),
    });
  }
  // Search finds everyone by the name the list shows (its last word, when it is a word of letters).
  for (const person of people) {
    const word = person.displayName.split(' ').at(-1) ?? '';
    if (!/^\p{L}[\p{L}\p{M}'-]*$/u.test(word)) continue;
    const hits = await consumer.search(word, 50);
    if (!hits.some((hit) => hit.entry.personId === person.personId)) {
      problems.push(`search "${word}" does not find "${person.displayName}" (${person.sources.join(' + ')})`);
    }
  }
  // Every row the app stores is a person it lists, once; and nobody else has a detail to open.
  const rows = await consumer.sync.db.count('list');
  if (rows !== seen.size) problems.push(`${rows} list rows for ${seen.size} listed people`);
  const unlisted = gcdsPeople.map((person) => person.id).filter((personId) => !seen.has(personId));
  for (const [i, detail] of (await consumer.getDetails(unlisted)).entries()) {
    if (detail !== undefined) problems.push(`person ${unlisted[i]} is not listed but has a detail`);
  }
  return { people: people.sort((a, b) => (a.sources[0]! < b.sources[0]! ? -1 : 1)), problems };
}

async function observeDialer(
  dialer: DialerConsumer,
  sourcesOf: Map<string, string[]>,
): Promise<{ rows: number; callerIds: ObservedCallerId[]; problems: string[] }> {
  const problems: string[] = [];
  const callerIds: ObservedCallerId[] = [];
  for (const identity of IDENTITIES) {
    const matches = await dialer.lookupNumber(identity.e164);
    const people = matches.map((match) => {
      const sources = sourcesOf.get(match.personId);
      if (sources === undefined)
        problems.push(`caller ID names person ${match.personId}, whom the GCDS lacks`);
      return { sources: sources ?? [`?${match.personId}`], displayName: match.displayName };
    });
    callerIds.push({ number: significantDigits(identity.e164), people });
  }
  return { rows: await dialer.sync.db.count('callerId'), callerIds, problems };
}

async function observeMessaging(
  messaging: MessagingConsumer,
  sourcesOf: Map<string, string[]>,
): Promise<{ rows: number; threads: ObservedThreadName[]; problems: string[] }> {
  const problems: string[] = [];
  const addresses = IDENTITIES.flatMap((identity) => [identity.e164, identity.email]);
  const names = await messaging.displayNamesFor(addresses);
  const threads = addresses.map((address): ObservedThreadName => {
    const name = names.get(address);
    if (name === undefined) return { address, person: undefined, others: 0 };
    const sources = sourcesOf.get(name.personId);
    if (sources === undefined)
      problems.push(`a thread is named after person ${name.personId}, whom the GCDS lacks`);
    return {
      address,
      person: { sources: sources ?? [`?${name.personId}`], displayName: name.displayName },
      others: name.others,
    };
  });
  return { rows: await messaging.sync.db.count('recipients'), threads, problems };
}

/** Reads what the pipeline shows, through the consumers' own queries. Call after `settle()`. */
export async function observe(world: PipelineUnderTest): Promise<ObservedState> {
  const people = await world.people();
  const gcdsGroups = people
    .map((person) => person.pointers.map((p) => world.keyOfPointer(p)).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const errors: string[] = [];
  if (world.gcdsStatus?.lastError !== undefined) errors.push(`GCDS: ${world.gcdsStatus.lastError.message}`);
  const consumers: ObservedConsumer[] = [];
  for (const slot of world.consumers.values()) {
    const instance = slot.instance;
    if (instance === undefined) continue;
    const { name, level } = slot.spec;
    const lastError = instance.consumer.sync.status().lastError;
    if (lastError !== undefined) errors.push(`${name}: ${lastError.message}`);
    if (instance.kind === 'contacts') {
      consumers.push({
        name,
        kind: 'contacts',
        level,
        ...(await observeContacts(world, instance.consumer, people)),
      });
      continue;
    }
    {
      // Caller-ID and recipient rows carry no sources: the GCDS record names them, cut to this level.
      const sourcesOf = new Map(
        people.map((person) => [
          person.id,
          person.pointers
            .filter((p) => mayRead(level, p.provider as ProviderId))
            .map((p) => world.keyOfPointer(p))
            .sort(),
        ]),
      );
      if (instance.kind === 'dialer') {
        consumers.push({
          name,
          kind: 'dialer',
          level,
          ...(await observeDialer(instance.consumer, sourcesOf)),
        });
      } else {
        consumers.push({
          name,
          kind: 'messaging',
          level,
          ...(await observeMessaging(instance.consumer, sourcesOf)),
        });
      }
    }
  }
  return { gcdsGroups, consumers, errors };
}
