import {
  createSeededRandom,
  type DemoPerson,
  type DemoPhone,
  type DemoRegion,
  demoAvatar,
  localeOrderName,
  NICKNAMES,
  nicknameOf,
  PeopleGenerator,
  PhoneAllocator,
  type PhoneStyle,
  type PhoneType,
  type SeededRandom,
  weightedPick,
  writtenAs,
} from '@gcds/demo-data';
import type { FriendProfile, WirePhone } from '@gcds/provider-facebook-sim';
import { exportVcards } from '@gcds/provider-vcard';
import type { Contact, ContactDraft, ContactTel, StoredBlob } from '@gcds/shared';

import type { DemoBook, DemoBookOptions, DemoSource, DemoTruth, DuplicateVariant } from './demoBookTypes';

export type { DemoBook, DemoBookOptions, DemoSource, DemoTruth, DuplicateVariant } from './demoBookTypes';

export const DEFAULT_DEMO_SEED = 20_241_107;
export const DEFAULT_DEMO_PEOPLE = 2_000;
export const LARGE_DEMO_PEOPLE = 30_000;

/** The share of people written down in more than one source. */
export const DUPLICATE_SHARE = 0.2;

const SINGLE_SOURCE: ReadonlyArray<readonly [DemoSource[], number]> = [
  [['local'], 50],
  [['vcard'], 30],
  [['facebook-sim'], 20],
];

const DUPLICATE_SOURCES: ReadonlyArray<readonly [DemoSource[], number]> = [
  [['local', 'vcard'], 35],
  [['local', 'facebook-sim'], 30],
  [['vcard', 'facebook-sim'], 15],
  [['local', 'vcard', 'facebook-sim'], 20],
];

/** A person as one source wrote them down. */
interface Entry {
  given?: string;
  family?: string;
  suffix?: string;
  nickname?: string;
  tel: Array<{ value: string; type: PhoneType }>;
  email: string[];
  org?: string;
  jobTitle?: string;
  bday?: DemoPerson['bday'];
  photo?: Uint8Array;
}

function hasDiacritics(text: string): boolean {
  return text.normalize('NFD') !== text;
}

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function entryOf(person: DemoPerson, style: PhoneStyle, home: DemoRegion): Entry {
  return {
    given: person.given,
    family: person.family,
    tel: person.phones.map(({ phone, type }) => ({ value: writtenAs(phone, style, home), type })),
    email: [...person.emails],
    ...(person.org === undefined ? {} : { org: person.org }),
    ...(person.jobTitle === undefined ? {} : { jobTitle: person.jobTitle }),
    ...(person.bday === undefined ? {} : { bday: person.bday }),
    ...(person.photo === undefined ? {} : { photo: person.photo }),
  };
}

function applicableVariants(person: DemoPerson): DuplicateVariant[] {
  const variants: DuplicateVariant[] = ['format', 'format', 'name-order', 'typo', 'typo'];
  if (NICKNAMES[person.given] !== undefined) variants.push('nickname', 'nickname');
  if (hasDiacritics(person.given + person.family)) variants.push('no-diacritics', 'no-diacritics');
  if (person.emails.length > 0) variants.push('email-only', 'email-case');
  return variants;
}

function variantEntry(
  random: SeededRandom,
  person: DemoPerson,
  variant: DuplicateVariant,
  home: DemoRegion,
  firstStyle: PhoneStyle,
): Entry {
  const styles: PhoneStyle[] = ['national', 'international', 'e164', 'compact'];
  const other = random.pick(styles.filter((style) => style !== firstStyle));
  const entry = entryOf(person, other, home);
  switch (variant) {
    case 'format':
      return entry;
    case 'nickname':
      return { ...entry, given: nicknameOf(random, person.given) ?? person.given };
    case 'name-order':
      return { ...entry, given: person.family, family: person.given };
    case 'no-diacritics':
      return { ...entry, given: stripDiacritics(person.given), family: stripDiacritics(person.family) };
    case 'email-only':
      return { ...entry, tel: [] };
    case 'email-case':
      return { ...entry, email: entry.email.map((email) => email.toUpperCase()) };
    case 'typo':
      return { ...entry, family: withTypo(person.family, random) };
  }
}

/** The family name with one interior letter doubled (`Müller` → `Mülller`), as a hurried typist writes it. */
export function withTypo(family: string, random: SeededRandom): string {
  const chars = [...family];
  if (chars.length < 3) return `${family}${chars.at(-1) ?? ''}`;
  const at = random.int(1, chars.length - 2);
  return [...chars.slice(0, at + 1), chars[at], ...chars.slice(at + 1)].join('');
}

function localDraft(id: string, entry: Entry): ContactDraft {
  const tel: ContactTel[] = entry.tel.map((t) => ({
    value: t.value,
    type: [t.type === 'cell' ? 'cell' : t.type],
  }));
  return {
    id,
    ...(entry.given ? { given: entry.given } : {}),
    ...(entry.family ? { family: entry.family } : {}),
    ...(entry.suffix ? { suffix: entry.suffix } : {}),
    ...(entry.nickname === undefined ? {} : { nickname: [entry.nickname] }),
    ...(tel.length === 0 ? {} : { tel }),
    ...(entry.email.length === 0 ? {} : { email: entry.email.map((value) => ({ value })) }),
    ...(entry.org === undefined ? {} : { org: entry.org }),
    ...(entry.jobTitle === undefined ? {} : { jobTitle: entry.jobTitle }),
    ...(entry.bday === undefined ? {} : { bday: entry.bday }),
  };
}

const WIRE_PHONE_TYPE: Record<PhoneType, WirePhone['type']> = { cell: 'mobile', home: 'home', work: 'work' };

function friendProfile(entry: Entry): FriendProfile {
  return {
    first_name: entry.given ?? '',
    last_name: entry.family ?? '',
    ...(entry.nickname === undefined ? {} : { nickname: entry.nickname }),
    phones: entry.tel.map((t) => ({ number: t.value, type: WIRE_PHONE_TYPE[t.type] })),
    emails: entry.email.map((address) => ({ address, type: 'personal' as const })),
    ...(entry.bday === undefined ? {} : { birthday: entry.bday }),
    ...(entry.org === undefined
      ? {}
      : {
          work: {
            employer: entry.org,
            ...(entry.jobTitle === undefined ? {} : { position: entry.jobTitle }),
          },
        }),
    ...(entry.photo === undefined ? {} : { picture: { bytes: entry.photo, mediaType: 'image/png' } }),
  };
}

/** Collects each source's records, then renders them in the source's own format. */
class BookWriter {
  readonly local: ContactDraft[] = [];
  readonly localPhotos: DemoBook['localPhotos'] = [];
  readonly cards: Contact[] = [];
  readonly cardPhotos = new Map<string, StoredBlob>();
  readonly facebook: FriendProfile[] = [];

  add(source: DemoSource, key: string, entry: Entry, familyFirst: boolean): void {
    if (source === 'local') {
      const id = `demo-${key}`;
      this.local.push(localDraft(id, entry));
      if (entry.photo !== undefined) this.localPhotos.push({ id, bytes: entry.photo });
    } else if (source === 'vcard') {
      const draft = localDraft(`card-${key}`, entry);
      const name = [entry.given, entry.family].filter(Boolean);
      const card: Contact = {
        ...(draft as Contact),
        uid: `urn:uuid:demo-card-${key}`,
        ...(name.length > 0 ? { formattedName: (familyFirst ? name.reverse() : name).join(' ') } : {}),
      };
      if (entry.photo !== undefined) {
        const photoId = `photo-${key}`;
        card.photo = { id: photoId, mediaType: 'image/png' };
        this.cardPhotos.set(photoId, { bytes: entry.photo, mediaType: 'image/png' });
      }
      this.cards.push(card);
    } else {
      this.facebook.push(friendProfile(entry));
    }
  }

  vcard(random: SeededRandom): string {
    // A backup from an older phone (3.0) appended to a newer export (4.0), as people's files are.
    const split = Math.floor(this.cards.length * (0.6 + random.next() * 0.2));
    return (
      exportVcards(this.cards.slice(0, split), { version: '4.0', photos: this.cardPhotos }) +
      exportVcards(this.cards.slice(split), { version: '3.0', photos: this.cardPhotos })
    );
  }
}

/**
 * The demo address book: `people` people spread over the local provider, a .vcf for the vCard provider
 * and friends of the simulated social network, about a fifth of them written down in two or three
 * sources with the differences real duplicates have (number formats, nicknames, name order, missing
 * diacritics, an email in capitals, only an email). Then a few hard cases that must stay apart: a family
 * sharing a landline, colleagues behind one switchboard, two different people with the same name, a
 * father and son. Deterministic: the same options give the same book, byte for byte.
 */
export function generateDemoBook(options: DemoBookOptions = {}): DemoBook {
  const steps = demoBookSteps(options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
}

/** The local contacts written so far, as `demoBookSteps` yields them (they only grow). */
export type LocalSoFar = Pick<DemoBook, 'local' | 'localPhotos'>;

/** `generateDemoBook` one person at a time: after each, the local contacts so far; the book at the end. */
export function* demoBookSteps(options: DemoBookOptions = {}): Generator<LocalSoFar, DemoBook> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const count = options.people ?? DEFAULT_DEMO_PEOPLE;
  const home = options.homeRegion ?? 'FR';
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`people must be a whole number >= 0, not ${count}`);
  const random = createSeededRandom(seed);
  const generator = new PeopleGenerator(random.fork(1), new PhoneAllocator(random.fork(2)));
  const writer = new BookWriter();
  const truth: DemoTruth[] = [];
  const styles: PhoneStyle[] = ['national', 'national', 'international', 'e164', 'compact'];

  for (let index = 0; index < count; index += 1) {
    const person = generator.person(index);
    const duplicate = random.chance(DUPLICATE_SHARE);
    const sources = weightedPick(random, duplicate ? DUPLICATE_SOURCES : SINGLE_SOURCE);
    const firstStyle = random.pick(styles);
    const variants: DuplicateVariant[] = [];
    sources.forEach((source, n) => {
      let entry: Entry;
      if (n === 0) {
        entry = entryOf(person, firstStyle, home);
      } else {
        const variant = random.pick(applicableVariants(person));
        variants.push(variant);
        entry = variantEntry(random, person, variant, home, firstStyle);
        // A second copy rarely has the photo too.
        if (random.chance(0.7)) delete entry.photo;
      }
      writer.add(source, `${index}-${n}`, entry, person.familyFirst);
    });
    truth.push({
      index,
      name: localeOrderName(person),
      sources: [...sources],
      variants,
      phones: person.phones.map(({ phone }) => phone.e164),
      emails: person.emails,
    });
    yield writer;
  }

  addHardCases(generator, writer, truth, count, home, random);
  // Rendered when asked for (only the vCard provider does): nothing draws from `random` after it.
  let vcard: string | undefined;
  return {
    seed,
    homeRegion: home,
    local: writer.local,
    localPhotos: writer.localPhotos,
    get vcard() {
      vcard ??= writer.vcard(random);
      return vcard;
    },
    vcardCards: writer.cards.length,
    facebook: writer.facebook,
    truth,
  };
}

function addHardCases(
  generator: PeopleGenerator,
  writer: BookWriter,
  truth: DemoTruth[],
  start: number,
  home: DemoRegion,
  random: SeededRandom,
): void {
  let index = start;
  const add = (
    source: DemoSource,
    hardCase: string,
    given: string,
    family: string,
    phones: Array<{ phone: DemoPhone; type: PhoneType }>,
    extra: Partial<Entry> = {},
  ) => {
    const entry: Entry = {
      given,
      family,
      tel: phones.map(({ phone, type }) => ({ value: writtenAs(phone, 'national', home), type })),
      email: [],
      ...extra,
    };
    writer.add(source, `${index}-0`, entry, false);
    truth.push({
      index,
      name: [given, family, extra.suffix].filter(Boolean).join(' ') || (extra.org ?? ''),
      sources: [source],
      variants: [],
      phones: phones.map(({ phone }) => phone.e164),
      emails: entry.email,
      hardCase,
    });
    index += 1;
  };

  // A family landline: three people, one home number, each with a mobile of their own.
  const landline = generator.newPhone(home);
  add('local', 'family-landline', 'Chidi', 'Okafor', [
    { phone: generator.newPhone(home), type: 'cell' },
    { phone: landline, type: 'home' },
  ]);
  add('local', 'family-landline', 'Ngozi', 'Okafor', [
    { phone: generator.newPhone(home), type: 'cell' },
    { phone: landline, type: 'home' },
  ]);
  add('vcard', 'family-landline', 'Adaeze', 'Okafor', [{ phone: landline, type: 'home' }]);

  // A switchboard: colleagues whose cards all carry the company's main number.
  const switchboard = generator.newPhone(home);
  for (const [given, family] of [
    ['Margot', 'Lecomte'],
    ['Yusuf', 'Demir'],
    ['Ingrid', 'Solberg'],
    ['Paulo', 'Ferreira'],
  ] as const) {
    add('vcard', 'switchboard', given, family, [{ phone: switchboard, type: 'work' }], {
      org: 'Initrode',
      email: [generator.newEmail(given, family, true)],
    });
  }
  add('local', 'switchboard', '', '', [{ phone: switchboard, type: 'work' }], { org: 'Initrode' });

  // Two different people with the same name and nothing else in common.
  for (const source of ['local', 'facebook-sim'] as const) {
    add(source, 'same-name', 'Thomas', 'Martin', [{ phone: generator.newPhone(), type: 'cell' }], {
      email: [generator.newEmail('Thomas', 'Martin', true)],
    });
  }

  // Father and son: same name but for the suffix, same home number.
  const familyHome = generator.newPhone(home);
  add('local', 'father-son', 'Robert', 'Brown', [{ phone: familyHome, type: 'home' }]);
  add('vcard', 'father-son', 'Robert', 'Brown', [{ phone: familyHome, type: 'home' }], {
    suffix: 'Jr.',
    photo: demoAvatar(random),
  });
}
