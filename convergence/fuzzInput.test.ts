import type { ContactsConsumer } from '@gcds/consumer-contacts';
import type { DialerConsumer } from '@gcds/consumer-dialer';
import type { FacebookSimApi, FriendProfile } from '@gcds/provider-facebook-sim';
import type { LocalContactsApi } from '@gcds/provider-local';
import { type Contact, type DataStoreOwner, defineProvider } from '@gcds/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCounts, resetCounts, soakMode } from './convergenceCounts';
import { IDENTITIES, markerOf, type RecordSpec, significantDigits, vcardOf } from './identities';
import { observe, wholeList } from './observedState';
import { PipelineUnderTest } from './pipelineUnderTest';

/*
 * Fuzzed and hostile input through the whole pipeline: mutated vCard files, huge fields, invalid phones,
 * control characters and lone surrogates, 10 MB photos, thousands of repeated properties, and a provider
 * that writes malformed records. Each case must end with a clear error or the record shown; nothing may
 * crash or stop, nothing may be half-written, and every good record around it must still arrive.
 */

const SUITE = 'fuzz-input';
const totals = {
  mutatedFiles: 0,
  mutations: 0,
  hostileValues: 0,
  photos: 0,
  repeatedProperties: 0,
  malformedRecords: 0,
  badInputCases: 0,
  crashes: 0,
};

/** What an engine says about its own faults: never in a message about a card. */
const INTERNAL_MESSAGE = /Cannot read propert|undefined|is not a function|is not iterable|\bat .*:\d+:\d+/;
beforeAll(() => resetCounts(SUITE));
afterAll(() => recordCounts(SUITE, totals));

const both = (identity: number, phoneStyle = 0): RecordSpec => ({
  identity,
  keys: 'both',
  phoneStyle,
  emailStyle: 0,
  version: 0,
});

function contactsOf(world: PipelineUnderTest): ContactsConsumer {
  const instance = world.slot('contacts').instance;
  if (instance?.kind !== 'contacts') throw new Error('the contacts app is not open');
  return instance.consumer;
}

function dialerOf(world: PipelineUnderTest): DialerConsumer {
  const instance = world.slot('dialer').instance;
  if (instance?.kind !== 'dialer') throw new Error('the dialer is not open');
  return instance.consumer;
}

/** Settles and checks that no service failed and every reader is consistent; returns what it shows. */
async function settledWithoutCrash(world: PipelineUnderTest) {
  try {
    await world.settle();
  } catch (error) {
    totals.crashes += 1;
    throw error;
  }
  const observed = await observe(world);
  const problems = [...observed.errors, ...observed.consumers.flatMap((c) => c.problems)];
  if (problems.length > 0) totals.crashes += 1;
  expect(problems).toEqual([]);
  return observed;
}

/** The person the certified Contacts app shows for a record's marker, if any. */
async function shownWithOrg(world: PipelineUnderTest, org: string) {
  const contacts = contactsOf(world);
  for (const item of await wholeList(contacts, 50)) {
    const detail = await contacts.getDetail(item.entry.personId);
    if (detail?.org?.value === org) return { entry: item.entry, detail };
  }
  return undefined;
}

/** A good card's person arrived whole: name, number, address and marker, in Contacts and in caller ID. */
async function expectArrived(world: PipelineUnderTest, key: string, spec: RecordSpec) {
  const identity = IDENTITIES[spec.identity]!;
  const shown = await shownWithOrg(world, markerOf(key, spec));
  expect(shown, `${key} (${identity.given}) is shown`).toBeDefined();
  expect(shown!.entry.displayName).toBe(`${identity.given} ${identity.family}`);
  expect(shown!.entry.phones.map((p) => significantDigits(p.value))).toEqual([
    significantDigits(identity.e164),
  ]);
  expect(shown!.entry.emails.map((e) => e.toLowerCase())).toEqual([identity.email]);
  const callers = await dialerOf(world).lookupNumber(identity.e164);
  expect(callers.map((c) => c.personId)).toContain(shown!.entry.personId);
}

// --- 1. mutated vCard files ---

const NASTY_LINES = [
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:2.1',
  'TEL;;;:',
  'N:;;;;;;;;;;',
  'PHOTO;ENCODING=b:%%%%',
  'NOTE;ENCODING=QUOTED-PRINTABLE:=C3=',
  'X-WEIRD;CHARSET=bogus:\u0000\u0001\u0007',
  'FN:\uD800 lone high',
  'FN:lone low \uDC00',
  'NOTE:\u202Eright-to-left override',
  'EMAIL:not an address',
  'TEL:++--()',
  'BDAY:--1399',
  'item1.X-ABLabel:',
  'BEGIN:foo',
  'END:bar',
  'item1.END:VCARD',
  'PHOTO:data:image/png;base64,%%',
  ':no name',
  'NAME WITH SPACES:value',
  `NOTE:${'x'.repeat(300_000)}`,
];

type CardMutation =
  | { kind: 'deleteLine'; card: number; at: number }
  | { kind: 'duplicateLine'; card: number; at: number }
  | { kind: 'insertLine'; card: number; at: number; line: string }
  | { kind: 'replaceChar'; card: number; at: number; char: string }
  | { kind: 'repeatLine'; card: number; at: number; times: number }
  | { kind: 'deleteEnd'; card: number }
  | { kind: 'deleteBegin'; card: number };

const CARDS = IDENTITIES.length;

const cardMutation: fc.Arbitrary<CardMutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLine' as const), card: fc.nat({ max: CARDS - 1 }), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), card: fc.nat({ max: CARDS - 1 }), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insertLine' as const),
    card: fc.nat({ max: CARDS - 1 }),
    at: fc.nat(),
    line: fc.constantFrom(...NASTY_LINES),
  }),
  fc.record({
    kind: fc.constant('replaceChar' as const),
    card: fc.nat({ max: CARDS - 1 }),
    at: fc.nat(),
    char: fc.constantFrom(':', ';', '\u0000', '\uD800', '\uDFFF', '\r', '=', '\\', '\u00e9', '\t'),
  }),
  fc.record({
    kind: fc.constant('repeatLine' as const),
    card: fc.nat({ max: CARDS - 1 }),
    at: fc.nat(),
    times: fc.integer({ min: 500, max: 3000 }),
  }),
  fc.record({ kind: fc.constant('deleteEnd' as const), card: fc.nat({ max: CARDS - 1 }) }),
  fc.record({ kind: fc.constant('deleteBegin' as const), card: fc.nat({ max: CARDS - 1 }) }),
);

/** The cards' lines with the mutations applied; mutations touch only the lines of their own card. */
function mutatedFile(mutations: readonly CardMutation[]): { text: string; touched: Set<number> } {
  const cards = Array.from({ length: CARDS }, (_, i) => vcardOf(`c${i}`, both(i, i % 3)).split('\r\n'));
  const touched = new Set<number>();
  for (const m of mutations) {
    const lines = cards[m.card]!;
    touched.add(m.card);
    // Content lines sit between BEGIN (0) and END (last); the UID is line 2.
    const content = (at: number) => 1 + (at % (lines.length - 2));
    if (m.kind === 'deleteEnd') lines.pop();
    else if (m.kind === 'deleteBegin') lines.shift();
    else if (m.kind === 'deleteLine') lines.splice(content(m.at), 1);
    else if (m.kind === 'duplicateLine') lines.splice(content(m.at), 0, lines[content(m.at)]!);
    else if (m.kind === 'insertLine') lines.splice(content(m.at), 0, m.line);
    else if (m.kind === 'repeatLine') {
      const at = content(m.at);
      // Thousands of a property, but a few megabytes at most: a huge line is repeated less.
      const times = Math.min(m.times, Math.floor(2_000_000 / (lines[at]!.length + 2)));
      lines.splice(at, 0, ...Array.from({ length: times }, () => lines[at]!));
    } else {
      const at = content(m.at);
      const line = lines[at]!;
      const position = m.at % Math.max(1, line.length);
      lines[at] = line.slice(0, position) + m.char + line.slice(position + 1);
    }
  }
  return { text: `${cards.map((lines) => lines.join('\r\n')).join('\r\n')}\r\n`, touched };
}

describe('fuzzed input through the whole pipeline', () => {
  it('mutated vCard files: good cards arrive whole, broken ones are reported by line, nothing crashes', async () => {
    const runs = soakMode() ? 200 : 12;
    await fc.assert(
      fc.asyncProperty(
        fc.array(cardMutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (mutations, asBytes) => {
          const { text, touched } = mutatedFile(mutations);
          totals.mutatedFiles += 1;
          totals.mutations += mutations.length;
          const world = await PipelineUnderTest.start({ providers: ['vcard'] });
          try {
            const input = asBytes ? new TextEncoder().encode(text) : text;
            const report = await world.importVcardText(input);
            const lineCount = text.split('\r\n').length;
            for (const problem of [...report.errors, ...report.warnings]) {
              expect(problem.file).toBe('book.vcf');
              expect(problem.line).toBeGreaterThanOrEqual(1);
              expect(problem.line).toBeLessThanOrEqual(lineCount);
              expect(problem.message.trim()).not.toBe('');
              expect(problem.message).not.toMatch(INTERNAL_MESSAGE);
            }
            await settledWithoutCrash(world);
            for (let i = 0; i < CARDS; i += 1) {
              if (!touched.has(i)) await expectArrived(world, `c${i}`, both(i, i % 3));
            }
            // Re-importing the same file changes nothing: nothing was half-written the first time.
            const again = await world.importVcardText(input);
            expect({ added: again.added, updated: again.updated, removed: again.removed }).toEqual({
              added: 0,
              updated: 0,
              removed: 0,
            });
          } finally {
            await world.close();
          }
        },
      ),
      { seed: soakMode() ? Date.now() : 4242, numRuns: runs },
    );
  }, 600_000);

  it('bad input of issue 13: BEGIN/END properties, a UTF-8 file behind FF FE, NULs, legacy bytes, bad photos', async () => {
    const world = await PipelineUnderTest.start({ providers: ['vcard'] });
    try {
      totals.badInputCases += 6;
      const card = (i: number) => vcardOf(`b${i}`, both(i, i % 3)).split('\r\n');
      const withLine = (lines: string[], line: string) => [...lines.slice(0, -1), line, 'END:VCARD'];
      const nul = card(1).map((line) => (line.startsWith('N:') ? line.replace(';', '\u0000;') : line));
      const text = [
        card(0),
        withLine(card(4), 'END:foo'),
        nul,
        withLine(card(2), 'PHOTO;ENCODING=b;TYPE=PNG:%%%%'),
        withLine(card(5), 'BEGIN:VCALENDAR'),
        withLine(card(3), 'NOTE:caf\u0001'),
      ]
        .map((lines) => lines.join('\r\n'))
        .join('\r\n');
      // A UTF-16 mark in front of UTF-8, and one byte that is not UTF-8 (\u0001 stands for it).
      const utf8 = new TextEncoder().encode(`${text}\r\n`);
      const bytes = Uint8Array.from([0xff, 0xfe, ...utf8.map((byte) => (byte === 0x01 ? 0xe9 : byte))]);
      const report = await world.importVcardText(bytes);
      expect(report.added).toBe(4);
      expect(report.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^line \d+: a property named END inside the card .*\(the card "\S.*" starting at line \d+ was not imported\)$/,
        ),
        expect.stringMatching(/^line \d+: a property named BEGIN inside the card .*was not imported\)$/),
      ]);
      expect(report.warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^the file starts with FF FE, .* read as UTF-8/),
        expect.stringMatching(/a NUL byte was removed/),
        expect.stringMatching(/the PHOTO is not valid base64, so it was left out/),
        expect.stringMatching(/not valid UTF-8 and no CHARSET is declared: read as windows-1252/),
      ]);
      for (const problem of [...report.errors, ...report.warnings])
        expect(problem.message).not.toMatch(INTERNAL_MESSAGE);
      await settledWithoutCrash(world);
      for (const i of [0, 1, 2, 3]) await expectArrived(world, `b${i}`, both(i, i % 3));
    } finally {
      await world.close();
    }
  }, 120_000);

  // --- 2. hostile values through every provider ---

  const HOSTILE: Array<{ name: string; value: string }> = [
    { name: 'a 100,000-character name', value: `Long${'n'.repeat(100_000)}` },
    { name: 'a NUL and a bell', value: 'Nul\u0000Bell\u0007' },
    { name: 'a right-to-left override', value: 'Evil\u202Etxt.exe' },
    { name: 'a lone high surrogate', value: 'High\uD800' },
    { name: 'a lone low surrogate', value: '\uDC00Low' },
    { name: 'a cut emoji', value: 'Cut\uD83D' },
    { name: 'zero-width and BOM', value: '\uFEFFZero\u200BWidth' },
    { name: 'combining marks', value: 'Ze\u0301\u0301\u0301lda' },
    { name: 'an emoji sequence', value: '👩🏽‍💻 Coder' },
  ];
  const HOSTILE_PHONES = [
    'abc',
    '+',
    '++1 (555)',
    '12345678901234567890123456789',
    '*#06#',
    '1-800-FLOWERS',
    '٠١٢٣٤٥٦٧٨٩',
    '+1 415 555 0101 ext. 99999999999',
    '0',
  ];

  it('huge fields, invalid phones, control characters and lone surrogates: shown or refused clearly', async () => {
    const world = await PipelineUnderTest.start();
    const local = world.api<LocalContactsApi>('local');
    const server = world.server;
    const outcomes: string[] = [];
    let n = 0;
    for (const { name, value } of HOSTILE) {
      n += 1;
      totals.hostileValues += 3;
      // Local: the API checks input from UIs.
      try {
        world.nameRecord('local', `hl${n}`, `hl${n}`);
        await local.add({ id: `hl${n}`, given: value, family: 'Local', org: `org-hl${n}` });
        outcomes.push(`local ${name}: stored`);
      } catch (error) {
        expect((error as Error).message, `local refuses ${name} clearly`).toMatch(/\S/);
        outcomes.push(`local ${name}: refused (${(error as Error).name})`);
      }
      // vCard: one card among good ones.
      const report = await world.importVcardText(
        `${vcardOf(`good${n}`, both(0))}\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nUID:hv${n}\r\nFN:${value}\r\nORG:org-hv${n}\r\nEND:VCARD\r\n`,
        `hostile${n}.vcf`,
      );
      outcomes.push(
        `vcard ${name}: ${report.errors.length === 0 ? 'imported' : `error line ${report.errors[0]!.line}`}`,
      );
      // The network: a friend with that name.
      try {
        world.nameRecord(
          'facebook-sim',
          `hf${n}`,
          server.addFriend({
            first_name: value,
            last_name: 'Friend',
            phones: [],
            emails: [],
            work: { employer: `org-hf${n}` },
          }),
        );
        outcomes.push(`facebook ${name}: on the network`);
      } catch (error) {
        outcomes.push(`facebook ${name}: the network refused (${(error as Error).message})`);
      }
    }
    for (const [i, phone] of HOSTILE_PHONES.entries()) {
      totals.hostileValues += 2;
      world.nameRecord('local', `pl${i}`, `pl${i}`);
      try {
        await local.add({
          id: `pl${i}`,
          given: 'Phone',
          family: `Local${i}`,
          tel: [{ value: phone }],
          org: `org-pl${i}`,
        });
      } catch (error) {
        expect((error as Error).message).toMatch(/phone|number/i);
      }
      await world.importVcardText(
        `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:pv${i}\r\nFN:Phone Card${i}\r\nTEL:${phone}\r\nORG:org-pv${i}\r\nEND:VCARD\r\n`,
        `phones${i}.vcf`,
      );
      // Caller ID and dial suggestions take anything typed; they answer, they do not throw.
      await dialerOf(world).lookupNumber(phone);
    }
    const observed = await settledWithoutCrash(world);
    // Everything stored somewhere is shown by the certified Contacts app, and searching for it works.
    const contacts = contactsOf(world);
    const shownOrgs = new Set<string>();
    for (const item of await wholeList(contacts, 50)) {
      const detail = await contacts.getDetail(item.entry.personId);
      if (detail?.org !== undefined) shownOrgs.add(detail.org.value);
    }
    for (const key of [...Array(HOSTILE.length).keys()].map((i) => i + 1)) {
      if (outcomes.includes(`local ${HOSTILE[key - 1]!.name}: stored`))
        expect(shownOrgs).toContain(`org-hl${key}`);
      expect(shownOrgs).toContain(`org-hv${key}`);
      expect(shownOrgs).toContain(`org-hf${key}`);
    }
    for (const { value } of HOSTILE) await contacts.search(value.slice(0, 200));
    for (const i of HOSTILE_PHONES.keys()) expect(shownOrgs).toContain(`org-pv${i}`);
    expect(observed.gcdsGroups.flat().filter((k) => k.startsWith('?'))).toEqual([]);
    await world.close();
  }, 120_000);

  // --- 3. 10 MB photos ---

  const png = (size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < Math.min(size, 64); i += 1) bytes[i] = i;
    return bytes;
  };
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it('10 MB photos are refused with a clear error or warning and the contact still arrives; small ones arrive', async () => {
    const world = await PipelineUnderTest.start();
    const local = world.api<LocalContactsApi>('local');
    const huge = png(10 * 1024 * 1024);
    const small = png(300);
    totals.photos += 6;

    await world.localPut('l1', both(0));
    await expect(local.setPhoto('l1', huge, 'image/png')).rejects.toThrow(/at most \d+ are allowed/);
    await local.setPhoto('l1', small, 'image/png');

    const report = await world.importVcardText(
      [
        `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v2\r\nFN:Huge Photo\r\nORG:org-v2\r\nPHOTO;ENCODING=b;TYPE=PNG:${base64(huge)}\r\nEND:VCARD`,
        `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v3\r\nFN:Small Photo\r\nORG:org-v3\r\nPHOTO;ENCODING=b;TYPE=PNG:${base64(small)}\r\nEND:VCARD`,
        vcardOf('v4', both(1)),
      ].join('\r\n'),
    );
    // The card with a 10 MB photo is imported without it, and the import says so by line.
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        6,
        'line 6: the PHOTO is larger than 8 MiB, so it was left out (the card "Huge Photo" starting at line 1 was imported)',
      ],
    ]);

    const server = world.server;
    world.nameRecord(
      'facebook-sim',
      'f5',
      server.addFriend({
        first_name: 'Huge',
        last_name: 'Picture',
        phones: [],
        emails: [],
        work: { employer: 'org-f5' },
        picture: { bytes: huge, mediaType: 'image/png' },
      }),
    );
    world.nameRecord(
      'facebook-sim',
      'f6',
      server.addFriend({
        first_name: 'Small',
        last_name: 'Picture',
        phones: [],
        emails: [],
        work: { employer: 'org-f6' },
        picture: { bytes: small, mediaType: 'image/png' },
      }),
    );
    const sync = await world.api<FacebookSimApi>('facebook-sim').syncNow();
    expect(sync.photoProblems.map((p) => p.message).join(' ')).toMatch(/over \d+/);
    await settledWithoutCrash(world);

    const contacts = contactsOf(world);
    await expectArrived(world, 'v4', both(1));
    for (const [org, hasPhoto] of [
      ['org-l1-v0', true],
      ['org-v2', false],
      ['org-v3', true],
      ['org-f5', false],
      ['org-f6', true],
    ] as const) {
      const shown = await shownWithOrg(world, org);
      expect(shown, org).toBeDefined();
      expect(shown!.entry.thumbnail !== undefined, `${org} has a photo`).toBe(hasPhoto);
      if (hasPhoto) expect((await contacts.getThumbnail(shown!.entry))?.bytes.length).toBe(small.length);
    }
    await world.close();
  }, 120_000);

  // --- 4. thousands of repeated properties ---

  it('thousands of repeated properties: stored or refused, and the pipeline keeps going', async () => {
    const world = await PipelineUnderTest.start();
    const local = world.api<LocalContactsApi>('local');
    const many = 2000;
    const numbers = Array.from({ length: many }, (_, i) => `+1 212 555 ${String(i).padStart(4, '0')}`);
    totals.repeatedProperties += 3;
    // The local provider caps what a UI may hand it: a clear refusal, nothing stored.
    await expect(
      local.add({
        id: 'many-local',
        given: 'Many',
        family: 'Numbers',
        org: 'org-many-local',
        tel: numbers.map((value) => ({ value })),
      }),
    ).rejects.toThrow(/2000 entries in tel; at most \d+ are allowed/);
    expect(await local.get('many-local')).toBeUndefined();
    await world.importVcardText(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:many-vcard\r\nFN:Many Cards\r\nORG:org-many-vcard\r\n${numbers
        .map((n) => `TEL:${n}`)
        .join('\r\n')}\r\n${numbers.map((_, i) => `EMAIL:m${i}@example.org`).join('\r\n')}\r\nEND:VCARD\r\n`,
    );
    const profile: FriendProfile = {
      first_name: 'Many',
      last_name: 'Friends',
      phones: numbers.map((number) => ({ number, type: 'mobile' as const })),
      emails: [],
      work: { employer: 'org-many-friend' },
    };
    world.nameRecord('facebook-sim', 'many-friend', world.server.addFriend(profile));
    await world.localPut('l-after', both(0));
    await settledWithoutCrash(world);
    for (const org of ['org-many-vcard', 'org-many-friend']) {
      expect(await shownWithOrg(world, org), org).toBeDefined();
    }
    await expectArrived(world, 'l-after', both(0));
    expect((await dialerOf(world).lookupNumber('+1 212 555 1999')).length).toBeGreaterThan(0);
    await world.close();
  }, 300_000);

  // --- 5. a provider that writes malformed records ---

  it('a provider writing malformed records: its good records still reach every reader', async () => {
    const world = await PipelineUnderTest.start();
    let store: DataStoreOwner<Contact> | undefined;
    await world.registry.install(
      defineProvider({
        id: 'rogue',
        manifest: { displayName: 'A careless plugin', accessLevel: 'privileged', writable: false },
        start: (ctx) => {
          store = ctx.store;
          return {};
        },
      }),
    );
    const malformed: Array<[string, unknown]> = [
      ['m1', { id: 'm1', given: 'Bad', tel: 'not a list' }],
      ['m2', { id: 'm2', given: 42, family: { x: 1 } }],
      ['m3', { id: 'm3', given: 'Bad3', email: [null, { value: 7 }] }],
      ['m4', { id: 'm4', given: 'Bad4', tel: [{ value: null }, null, { value: 5 }] }],
      ['m5', { id: 'm5', given: 'Bad5', nickname: 'one', category: 5, url: [{ value: {} }] }],
      ['m6', { id: 'm6', given: 'Bad6', bday: 'yesterday', photo: { id: 5 }, adr: [{ street: ['a'] }] }],
      ['m7', null],
      ['m8', 'just a string'],
      ['m9', { id: 'someone-else', given: ['array'], suffix: 7, formattedName: { text: 'x' } }],
      [
        'm10',
        {
          id: 'm10',
          tel: [{ value: '+14155550101', type: 'cell' }],
          email: [{ value: 'ada.lovelace@example.org', type: 5 }],
        },
      ],
    ];
    const good: Array<[string, RecordSpec]> = [
      ['g1', both(1)],
      ['g2', both(2)],
    ];
    totals.malformedRecords += malformed.length;
    await store!.bulk([
      ...malformed.map(([id, data]) => ({ operation: 'put' as const, id, data: data as Contact })),
      ...good.map(([id, spec]) => ({
        operation: 'put' as const,
        id,
        data: {
          id,
          given: IDENTITIES[spec.identity]!.given,
          family: IDENTITIES[spec.identity]!.family,
          org: markerOf(id, spec),
          tel: [{ value: IDENTITIES[spec.identity]!.e164 }],
          email: [{ value: IDENTITIES[spec.identity]!.email }],
        },
      })),
    ]);
    // A good record of another provider, written after: the pipeline is not stuck.
    await world.localPut('l-after', both(0));
    await settledWithoutCrash(world);
    await expectArrived(world, 'l-after', both(0));
    for (const [id, spec] of good) {
      const shown = await shownWithOrg(world, markerOf(id, spec));
      expect(shown, `${id} arrived`).toBeDefined();
    }
    await world.close();
  }, 120_000);
});
