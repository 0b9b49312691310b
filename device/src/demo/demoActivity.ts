import type { CallKind } from '../protocol/phoneApi';
import { type DemoBook, type DemoSource, type DemoTruth, generateDemoBook } from './demoBook';

/** Who is really behind a demo call or thread (the tests' answer key; the apps never see it). */
export interface DemoParty {
  name: string;
  sources: DemoSource[];
}

export interface DemoCall {
  number: string;
  kind: CallKind;
  minutesAgo: number;
  party?: DemoParty;
}

export interface DemoMessage {
  address: string;
  direction: 'in' | 'out';
  text: string;
  minutesAgo: number;
  party?: DemoParty;
}

export interface DemoActivity {
  calls: DemoCall[];
  messages: DemoMessage[];
}

const CONVERSATIONS: ReadonlyArray<ReadonlyArray<readonly ['in' | 'out', string]>> = [
  [
    ['in', 'Are we still on for lunch tomorrow?'],
    ['out', 'Yes! 12:30 at the usual place.'],
    ['in', 'Perfect, see you there.'],
  ],
  [
    ['out', 'I left the keys with the neighbour.'],
    ['in', 'Thanks, got them.'],
  ],
  [
    ['in', 'Happy birthday! 🎉'],
    ['out', 'Thank you so much!'],
  ],
  [
    ['in', 'Can you send me the photos from Saturday?'],
    ['out', 'Sending them tonight.'],
  ],
  [['in', 'Running 10 minutes late, sorry.']],
];

/**
 * A stranger's number: in the mobile range France's regulator keeps for fiction (06 39 98 …), which the
 * demo book never gives anyone, so no contact can ever have it.
 */
export const STRANGER_NUMBER = '+33639989999';

/**
 * The activity is drawn from the first people of the book, and the first people of a book are the
 * same whatever its size: so a phone with 30,000 people makes it from a book of this many, not 30,000.
 */
export const ACTIVITY_PEOPLE = 300;

/** The demo activity of a phone seeded with these demo options, cheaply (see ACTIVITY_PEOPLE). */
export function demoActivityFor(demo: { seed: number; people: number }): DemoActivity {
  return demoActivity(generateDemoBook({ seed: demo.seed, people: Math.min(demo.people, ACTIVITY_PEOPLE) }));
}

function only(...sources: DemoSource[]) {
  return (t: DemoTruth) =>
    t.hardCase === undefined &&
    t.sources.length === sources.length &&
    sources.every((s) => t.sources.includes(s)) &&
    t.phones.length > 0;
}

/**
 * A few days of calls and messages for the demo phone: with people from the phone's own contacts, the
 * vCard file, a duplicate of both, friends known only from facebook-sim (the Phone and Messages apps
 * may not name them) and a stranger. Deterministic: the same book gives the same activity.
 */
export function demoActivity(book: DemoBook): DemoActivity {
  const pick = (test: (t: DemoTruth) => boolean, count: number) => book.truth.filter(test).slice(0, count);
  const party = (t: DemoTruth): DemoParty => ({ name: t.name, sources: [...t.sources] });
  const people = [
    ...pick(only('local'), 3),
    ...pick(only('vcard'), 2),
    ...pick(only('local', 'vcard'), 1),
    ...pick(only('local', 'facebook-sim'), 1),
    ...pick(only('facebook-sim'), 2),
  ];
  const kinds: CallKind[] = ['incoming', 'outgoing', 'missed', 'incoming', 'outgoing'];
  const calls: DemoCall[] = people.map((t, i) => ({
    number: t.phones[0]!,
    kind: kinds[i % kinds.length]!,
    minutesAgo: 25 + i * 190,
    party: party(t),
  }));
  const stranger = STRANGER_NUMBER;
  calls.push({ number: stranger, kind: 'missed', minutesAgo: 8 });

  const messages: DemoMessage[] = [];
  people.slice(0, CONVERSATIONS.length + 3).forEach((t, i) => {
    const conversation = CONVERSATIONS[i % CONVERSATIONS.length]!;
    const address = i === 1 && t.emails[0] !== undefined ? t.emails[0] : t.phones[0]!;
    conversation.forEach(([direction, text], k) => {
      messages.push({
        address,
        direction,
        text,
        minutesAgo: 40 + i * 230 - k * 6,
        party: party(t),
      });
    });
  });
  messages.push({
    address: stranger,
    direction: 'in',
    text: 'Your parcel is waiting at the pick-up point.',
    minutesAgo: 12,
  });
  return { calls, messages };
}
