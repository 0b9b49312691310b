import { startPipeline } from '@gcds/gcds/testing';
import { createLocalProvider } from '@gcds/provider-local';
import type { ContactDraft } from '@gcds/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createDialerConsumer, type DialerConsumer } from '../src';

/**
 * One address book, saved by a user who travels: numbers in international form, in the national form
 * of several countries, with an extension, short codes, and numbers two people share.
 */
const BOOK: ContactDraft[] = [
  {
    given: 'Ada',
    family: 'Lovelace',
    tel: [
      { value: '+44 20 7946 0958', type: ['work'], label: 'Office' },
      { value: '07400 123456', type: ['cell'] },
    ],
  },
  // Shares Ada's office line, saved the London way, and marks it preferred.
  { given: 'Charles', family: 'Babbage', tel: [{ value: '020 7946 0958', type: ['work'], pref: true }] },
  {
    given: 'Grace',
    family: 'Hopper',
    tel: [
      { value: '+1 (212) 555-0199', type: ['cell'], pref: true },
      { value: '+1 212 555 0100 x23', type: ['work'] },
    ],
  },
  // The switchboard Grace's extension hangs off.
  { given: 'Alan', family: 'Turing', tel: [{ value: '212-555-0100', type: ['work'], label: 'Switchboard' }] },
  { given: 'Eve', family: 'Exact', tel: [{ value: '+1 415 555 0101', type: ['home'] }] },
  // Saved without an area code: found by its last seven digits only.
  { given: 'Dora', family: 'Local', tel: [{ value: '555 0101', type: ['home'] }] },
  { given: 'Emergency', family: 'Services', tel: [{ value: '112' }] },
  // Ends in 112: must never ring as the emergency number, nor the other way round.
  { given: 'Marie', family: 'Curie', tel: [{ value: '+33 1 23 45 61 12', type: ['home'] }] },
  { given: 'Léa', family: 'Martin', tel: [{ value: '06 12 34 56 78', type: ['cell'] }] },
  { given: 'Hugo', family: 'Martin', tel: [{ value: '+33 6 12 34 56 78', type: ['cell'] }] },
  { given: 'Jürgen', family: 'Müller', tel: [{ value: '+49 30 901820', type: ['work'] }] },
  { given: 'Ken', family: 'Tanaka', tel: [{ value: '+81 3-1234-5678' }] },
  { org: 'Mobile Carrier', tel: [{ value: '*611', label: 'Support' }] },
];

const worlds = new Map<string, Promise<{ dialer: DialerConsumer; stop(): Promise<void> }>>();

/** The book on the real pipeline (local provider → GCDS → dialer), everything read in `region`. */
function dialerIn(region: string): Promise<DialerConsumer> {
  let world = worlds.get(region);
  if (world === undefined) {
    world = (async () => {
      const pipeline = await startPipeline({ region });
      const local = await pipeline.registry.install(createLocalProvider());
      await local.api.importMany(BOOK);
      await pipeline.gcds.whenIdle();
      const dialer = await createDialerConsumer({
        platform: pipeline.platform,
        identity: pipeline.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' }),
        region,
        dbName: `caller-id-table-${region}`,
      });
      await dialer.syncNow();
      return {
        dialer,
        async stop() {
          await dialer.stop();
          await pipeline.gcds.stop();
        },
      };
    })();
    worlds.set(region, world);
  }
  return world.then((w) => w.dialer);
}

afterAll(async () => {
  for (const world of worlds.values()) await (await world).stop();
});

type Case = [region: string, incoming: string, expected: string[]];

/** `name | the phone entry as written | how it matched`, best first. Written by hand. */
const CASES: Case[] = [
  // United States
  ['US', '+1 415 555 0101', ['Eve Exact | +1 415 555 0101 | e164', 'Dora Local | 555 0101 | suffix']],
  ['US', '(415) 555-0101', ['Eve Exact | +1 415 555 0101 | e164', 'Dora Local | 555 0101 | suffix']],
  ['US', '4155550101', ['Eve Exact | +1 415 555 0101 | e164', 'Dora Local | 555 0101 | suffix']],
  ['US', '1-415-555-0101', ['Eve Exact | +1 415 555 0101 | e164', 'Dora Local | 555 0101 | suffix']],
  ['US', '555-0101', ['Dora Local | 555 0101 | digits', 'Eve Exact | +1 415 555 0101 | suffix']],
  ['US', '+1 212 555 0199', ['Grace Hopper | +1 (212) 555-0199 | e164']],
  // A call from the bare line: the switchboard entry first, Grace's extension on that line next.
  [
    'US',
    '+1 212 555 0100',
    ['Alan Turing | 212-555-0100 | e164', 'Grace Hopper | +1 212 555 0100 x23 | e164'],
  ],
  [
    'US',
    '212 555 0100 ext. 23',
    ['Grace Hopper | +1 212 555 0100 x23 | e164', 'Alan Turing | 212-555-0100 | e164'],
  ],
  ['US', '+1 212 555 0100;ext=45', ['Alan Turing | 212-555-0100 | e164']],
  // Same last seven digits as Grace's cell, different area code: both parsed, so not the same number.
  ['US', '+1 415 555 0199', []],
  [
    'US',
    '+44 20 7946 0958',
    ['Ada Lovelace | +44 20 7946 0958 | e164', 'Charles Babbage | 020 7946 0958 | suffix'],
  ],
  [
    'US',
    '011 44 20 7946 0958',
    ['Ada Lovelace | +44 20 7946 0958 | e164', 'Charles Babbage | 020 7946 0958 | suffix'],
  ],
  [
    'US',
    '0044 20 7946 0958',
    ['Ada Lovelace | +44 20 7946 0958 | e164', 'Charles Babbage | 020 7946 0958 | suffix'],
  ],
  [
    'US',
    '+33 6 12 34 56 78',
    ['Hugo Martin | +33 6 12 34 56 78 | e164', 'Léa Martin | 06 12 34 56 78 | suffix'],
  ],
  [
    'US',
    '011 33 6 12 34 56 78',
    ['Hugo Martin | +33 6 12 34 56 78 | e164', 'Léa Martin | 06 12 34 56 78 | suffix'],
  ],
  ['US', '112', ['Emergency Services | 112 | short-code']],
  ['US', '+33 1 23 45 61 12', ['Marie Curie | +33 1 23 45 61 12 | e164']],
  ['US', '1112', []],
  ['US', '911', []],
  ['US', '*611', ['Mobile Carrier | *611 | short-code']],
  ['US', '611', []],
  ['US', '+49 30 901820', ['Jürgen Müller | +49 30 901820 | e164']],
  ['US', '011 81 3 1234 5678', ['Ken Tanaka | +81 3-1234-5678 | e164']],
  ['US', '+1 650 555 0000', []],
  // United Kingdom
  [
    'GB',
    '020 7946 0958',
    ['Charles Babbage | 020 7946 0958 | e164', 'Ada Lovelace | +44 20 7946 0958 | e164'],
  ],
  [
    'GB',
    '+44 20 7946 0958',
    ['Charles Babbage | 020 7946 0958 | e164', 'Ada Lovelace | +44 20 7946 0958 | e164'],
  ],
  [
    'GB',
    '00 44 20 7946 0958',
    ['Charles Babbage | 020 7946 0958 | e164', 'Ada Lovelace | +44 20 7946 0958 | e164'],
  ],
  ['GB', '07400 123456', ['Ada Lovelace | 07400 123456 | e164']],
  ['GB', '+44 7400 123456', ['Ada Lovelace | 07400 123456 | e164']],
  ['GB', '112', ['Emergency Services | 112 | short-code']],
  ['GB', '999', []],
  ['GB', '+1 415 555 0101', ['Eve Exact | +1 415 555 0101 | e164', 'Dora Local | 555 0101 | suffix']],
  // France
  ['FR', '06 12 34 56 78', ['Hugo Martin | +33 6 12 34 56 78 | e164', 'Léa Martin | 06 12 34 56 78 | e164']],
  [
    'FR',
    '+33 6 12 34 56 78',
    ['Hugo Martin | +33 6 12 34 56 78 | e164', 'Léa Martin | 06 12 34 56 78 | e164'],
  ],
  [
    'FR',
    '0033 612 345 678',
    ['Hugo Martin | +33 6 12 34 56 78 | e164', 'Léa Martin | 06 12 34 56 78 | e164'],
  ],
  ['FR', '01 23 45 61 12', ['Marie Curie | +33 1 23 45 61 12 | e164']],
  ['FR', '112', ['Emergency Services | 112 | short-code']],
  ['FR', '07 12 34 56 78', []],
  // Germany
  ['DE', '030 901820', ['Jürgen Müller | +49 30 901820 | e164']],
  ['DE', '0049 30 901820', ['Jürgen Müller | +49 30 901820 | e164']],
  ['DE', '112', ['Emergency Services | 112 | short-code']],
];

describe('caller ID table', () => {
  it('has the cases the issue asks for', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map(([region]) => region)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(CASES)('%s: a call from %s', async (region, incoming, expected) => {
    const dialer = await dialerIn(region);
    const matches = await dialer.lookupNumber(incoming);
    expect(matches.map((m) => `${m.displayName} | ${m.matchedTel.value} | ${m.match}`)).toEqual(expected);
  });
});
