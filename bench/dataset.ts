import {
  asciiFold,
  createSeededRandom,
  EMAIL_DOMAINS,
  JOB_TITLES,
  NAME_LOCALES,
  NICKNAMES,
  ORGANISATIONS,
  type SeededRandom,
  weightedPick,
} from '@gcds/demo-data';
import type { Contact, ContactTel } from '@gcds/shared';

/** The three providers of the bench, by their real provider ids. */
export const BENCH_PROVIDERS = ['local', 'vcard', 'facebook-sim'] as const;
export type BenchProviderId = (typeof BENCH_PROVIDERS)[number];

/** How a second copy of a person differs from the first, as real duplicates do. */
type Variant = 'format' | 'email-case' | 'name-order' | 'no-diacritics' | 'nickname' | 'email-only';

export interface BenchDataset {
  seed: number;
  /** Provider records in all (the "contacts" of the benchmark). */
  n: number;
  /** Different people behind them. */
  people: number;
  /** Records that are a second or third copy of a person in another provider (about 20% of n). */
  duplicateRecords: number;
  records: Record<BenchProviderId, Contact[]>;
}

export const DEFAULT_BENCH_SEED = 7_340_021;

/** Share of people written down in two or three providers; gives about 20% duplicate records. */
const DUPLICATED_PEOPLE = 0.21;

const SINGLE: ReadonlyArray<readonly [BenchProviderId[], number]> = [
  [['local'], 50],
  [['vcard'], 30],
  [['facebook-sim'], 20],
];
const SEVERAL: ReadonlyArray<readonly [BenchProviderId[], number]> = [
  [['local', 'vcard'], 35],
  [['local', 'facebook-sim'], 30],
  [['vcard', 'facebook-sim'], 15],
  [['local', 'vcard', 'facebook-sim'], 20],
];

/** North American area codes (the bench's home region is US) and a few foreign mobile plans. */
const AREA_CODES = [201, 212, 213, 303, 305, 312, 404, 415, 503, 512, 602, 617, 646, 702, 713, 805, 917];

interface Phone {
  e164: string;
  /** Written as a US address book would: several layouts of the same number. */
  written: readonly string[];
}

interface Person {
  given: string;
  family: string;
  familyFirst: boolean;
  phones: Array<{ phone: Phone; type: string }>;
  emails: string[];
  org?: string;
  jobTitle?: string;
  bday?: { month: number; day: number; year?: number };
}

class PhoneBook {
  readonly #used = new Set<string>();
  constructor(private readonly random: SeededRandom) {}

  next(): Phone {
    while (true) {
      const phone = this.#candidate();
      if (!this.#used.has(phone.e164)) {
        this.#used.add(phone.e164);
        return phone;
      }
    }
  }

  #candidate(): Phone {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.85) {
      const area = String(r.pick(AREA_CODES));
      const exchange = String(r.int(201, 998));
      const line = r.digits(4);
      return {
        e164: `+1${area}${exchange}${line}`,
        written: [
          `(${area}) ${exchange}-${line}`,
          `+1 ${area}-${exchange}-${line}`,
          `+1${area}${exchange}${line}`,
          `${area}.${exchange}.${line}`,
        ],
      };
    }
    if (roll < 0.92) {
      const rest = r.digits(6);
      return { e164: `+447911${rest}`, written: [`+44 7911 ${rest}`, `+447911${rest}`] };
    }
    const pairs = [r.digits(2), r.digits(2), r.digits(2), r.digits(2)];
    return { e164: `+336${pairs.join('')}`, written: [`+33 6 ${pairs.join(' ')}`, `+336${pairs.join('')}`] };
  }
}

class EmailBook {
  readonly #used = new Set<string>();
  constructor(private readonly random: SeededRandom) {}

  next(given: string, family: string, latin: boolean): string {
    const r = this.random;
    const base = latin ? `${asciiFold(given)}.${asciiFold(family)}` : r.pick(['contact', 'me', 'hello']);
    const domain = r.pick(EMAIL_DOMAINS);
    let address = `${base}@${domain}`;
    for (let k = 2; this.#used.has(address); k += 1) address = `${base}${k}@${domain}`;
    this.#used.add(address);
    return address;
  }
}

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function newPerson(r: SeededRandom, phones: PhoneBook, emails: EmailBook, landline?: Phone): Person {
  const locale = weightedPick(
    r,
    NAME_LOCALES.map((l) => [l, l.weight] as const),
  );
  const person: Person = {
    given: r.pick(locale.given),
    family: r.pick(locale.family),
    familyFirst: locale.familyFirst,
    phones: [],
    emails: [],
  };
  if (r.chance(0.93)) person.phones.push({ phone: phones.next(), type: 'cell' });
  if (landline !== undefined) person.phones.push({ phone: landline, type: 'home' });
  else if (r.chance(0.25)) person.phones.push({ phone: phones.next(), type: r.pick(['home', 'work']) });
  if (r.chance(0.65)) person.emails.push(emails.next(person.given, person.family, locale.latin));
  if (r.chance(0.3)) {
    person.org = r.pick(ORGANISATIONS);
    if (r.chance(0.6)) person.jobTitle = r.pick(JOB_TITLES);
  }
  if (r.chance(0.25)) {
    person.bday = {
      month: r.int(1, 12),
      day: r.int(1, 28),
      ...(r.chance(0.7) ? { year: r.int(1940, 2008) } : {}),
    };
  }
  return person;
}

function variantsOf(person: Person): Variant[] {
  const variants: Variant[] = ['format', 'format', 'format', 'name-order'];
  if (NICKNAMES[person.given] !== undefined) variants.push('nickname');
  if (stripDiacritics(person.given + person.family) !== person.given + person.family) {
    variants.push('no-diacritics', 'no-diacritics');
  }
  if (person.emails.length > 0) variants.push('email-case', 'email-only');
  return variants;
}

/** One provider's record of a person; `copy` > 0 for the second and third copies, which vary. */
function recordOf(
  r: SeededRandom,
  person: Person,
  provider: BenchProviderId,
  id: string,
  copy: number,
  now: number,
): Contact {
  let given = person.given;
  let family = person.family;
  let emails = person.emails;
  let withPhones = true;
  if (copy > 0) {
    const variant = r.pick(variantsOf(person));
    if (variant === 'name-order') [given, family] = [family, given];
    else if (variant === 'no-diacritics') [given, family] = [stripDiacritics(given), stripDiacritics(family)];
    else if (variant === 'nickname') given = r.pick(NICKNAMES[given] ?? [given]);
    else if (variant === 'email-case') emails = emails.map((email) => email.toUpperCase());
    else if (variant === 'email-only') withPhones = false;
  }
  const tel: ContactTel[] = withPhones
    ? person.phones.map(({ phone, type }) => ({ value: r.pick(phone.written), type: [type] }))
    : [];
  const contact: Contact = {
    id,
    given,
    family,
    ...(tel.length > 0 ? { tel } : {}),
    ...(emails.length > 0 ? { email: emails.map((value) => ({ value })) } : {}),
    ...(person.org === undefined ? {} : { org: person.org }),
    ...(person.jobTitle === undefined ? {} : { jobTitle: person.jobTitle }),
    ...(person.bday === undefined ? {} : { bday: person.bday }),
    updatedAt: now,
  };
  if (provider === 'vcard') {
    contact.formattedName = person.familyFirst ? `${family} ${given}` : `${given} ${family}`;
    contact.uid = `urn:uuid:${id}`;
  } else if (provider === 'facebook-sim') {
    contact.uid = `fb:${id}`;
  }
  return contact;
}

/**
 * A deterministic address book of exactly `n` provider records over the three providers, about a fifth
 * of them second or third copies of a person held by another provider, with the differences real
 * duplicates have (number layout, name order, missing diacritics, a nickname, an email in capitals, an
 * email only). About 1% of people share a home landline with the next person. Numbers are US-formatted
 * (the bench's home region) with some foreign mobiles in international form.
 */
export function generateDataset(n: number, seed = DEFAULT_BENCH_SEED): BenchDataset {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`a dataset needs a whole number of contacts >= 1, not ${n}`);
  const r = createSeededRandom(seed);
  const phones = new PhoneBook(r.fork(1));
  const emails = new EmailBook(r.fork(2));
  const ids = r.fork(3);
  const records: BenchDataset['records'] = { local: [], vcard: [], 'facebook-sim': [] };
  const now = Date.UTC(2025, 0, 1);
  let written = 0;
  let people = 0;
  let duplicateRecords = 0;
  let landline: Phone | undefined;
  while (written < n) {
    const shareLandline = landline !== undefined && r.chance(0.5);
    const person = newPerson(r, phones, emails, shareLandline ? landline : undefined);
    landline = r.chance(0.01) ? phones.next() : undefined;
    people += 1;
    const providers = weightedPick(r, r.chance(DUPLICATED_PEOPLE) ? SEVERAL : SINGLE);
    for (const [copy, provider] of providers.entries()) {
      if (written === n) break;
      records[provider].push(recordOf(r, person, provider, ids.guid(), copy, now));
      written += 1;
      if (copy > 0) duplicateRecords += 1;
    }
  }
  return { seed, n, people, duplicateRecords, records };
}

/** Every record of the dataset, with its provider. */
export function allRecords(dataset: BenchDataset): Array<{ provider: BenchProviderId; contact: Contact }> {
  return BENCH_PROVIDERS.flatMap((provider) =>
    dataset.records[provider].map((contact) => ({ provider, contact })),
  );
}
