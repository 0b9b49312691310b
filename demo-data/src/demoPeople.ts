import { demoAvatar } from './demoAvatar';
import {
  EMAIL_DOMAINS,
  JOB_TITLES,
  NAME_LOCALES,
  type NameLocale,
  NICKNAMES,
  ORGANISATIONS,
} from './demoNames';
import type { DemoPhone, DemoRegion, PhoneAllocator } from './demoPhones';
import type { SeededRandom } from './seededRandom';

export type PhoneType = 'cell' | 'home' | 'work';

/** One real person of the demo world, before any source writes them down (with its own habits). */
export interface DemoPerson {
  index: number;
  locale: string;
  familyFirst: boolean;
  given: string;
  family: string;
  phones: Array<{ phone: DemoPhone; type: PhoneType }>;
  emails: string[];
  org?: string;
  jobTitle?: string;
  bday?: { year?: number; month: number; day: number };
  photo?: Uint8Array;
}

/** Where people's numbers come from; weighted by how many fictional numbers each region has. */
const REGION_WEIGHTS: ReadonlyArray<[DemoRegion, number]> = [
  ['FR', 45],
  ['AU', 25],
  ['GB', 18],
  ['DE', 8],
  ['US', 4],
];

/** Lower-case ASCII for an email local part: diacritics dropped, ß → ss, apostrophes and spaces gone. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('ß', 'ss')
    .replaceAll('ł', 'l')
    .replaceAll('Ł', 'L')
    .replaceAll('ø', 'o')
    .replaceAll('Ø', 'O')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

export function weightedPick<T>(random: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items.at(-1)![0];
}

function pickLocale(random: SeededRandom): NameLocale {
  return weightedPick(
    random,
    NAME_LOCALES.map((locale) => [locale, locale.weight] as const),
  );
}

/** A region with numbers to spare: a nearly full one hands over to France, the largest. */
function pickRegion(random: SeededRandom, phones: PhoneAllocator): DemoRegion {
  const region = weightedPick(random, REGION_WEIGHTS);
  return phones.fullness(region) < 0.7 ? region : 'FR';
}

export class PeopleGenerator {
  readonly #emails = new Set<string>();
  /**
   * The suffix each taken base@domain was last given: addresses are never freed, so every lower suffix
   * is still taken and the search resumes there (from 2 each time it was quadratic in a large book).
   */
  readonly #lastSuffix = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    private readonly phones: PhoneAllocator,
  ) {}

  /** A new phone number for someone living in a region. */
  newPhone(region?: DemoRegion): DemoPhone {
    return this.phones.next(region ?? pickRegion(this.random, this.phones));
  }

  /** An address nobody else in the book has. */
  newEmail(given: string, family: string, latin: boolean): string {
    const r = this.random;
    const domain = r.pick(EMAIL_DOMAINS);
    const base = latin
      ? r.pick([
          `${asciiFold(given)}.${asciiFold(family)}`,
          `${asciiFold(given).slice(0, 1)}${asciiFold(family)}`,
          `${asciiFold(given)}${r.int(1, 99)}`,
        ])
      : r.pick(['contact', 'me', 'hello', 'mail']);
    const plain = `${base}@${domain}`;
    let address = plain;
    if (this.#emails.has(plain)) {
      let n = this.#lastSuffix.get(plain) ?? 2;
      while (this.#emails.has(`${base}${n}@${domain}`)) n += 1;
      address = `${base}${n}@${domain}`;
      this.#lastSuffix.set(plain, n);
    }
    this.#emails.add(address);
    return address;
  }

  person(index: number): DemoPerson {
    const r = this.random;
    const locale = pickLocale(r);
    const given = r.pick(locale.given);
    const baseFamily = r.pick(locale.family);
    const family =
      locale.feminineFamily !== undefined && locale.femaleGiven?.includes(given)
        ? locale.feminineFamily(baseFamily)
        : baseFamily;
    const region = pickRegion(r, this.phones);
    const phones: DemoPerson['phones'] = [{ phone: this.newPhone(region), type: 'cell' }];
    if (r.chance(0.3)) phones.push({ phone: this.newPhone(region), type: r.pick(['home', 'work'] as const) });
    const emails = r.chance(0.7) ? [this.newEmail(given, family, locale.latin)] : [];
    if (r.chance(0.15)) emails.push(this.newEmail(given, family, locale.latin));
    const person: DemoPerson = {
      index,
      locale: locale.id,
      familyFirst: locale.familyFirst,
      given,
      family,
      phones,
      emails,
    };
    if (r.chance(0.35)) {
      person.org = r.pick(ORGANISATIONS);
      if (r.chance(0.7)) person.jobTitle = r.pick(JOB_TITLES);
    }
    if (r.chance(0.25)) {
      const month = r.int(1, 12);
      person.bday = { month, day: r.int(1, 28), ...(r.chance(0.7) ? { year: r.int(1940, 2008) } : {}) };
    }
    if (r.chance(0.12)) person.photo = demoAvatar(r);
    return person;
  }
}

/** A short form of the given name when one is common (Robert → Bob), else undefined. */
export function nicknameOf(random: SeededRandom, given: string): string | undefined {
  const forms = NICKNAMES[given];
  return forms === undefined ? undefined : random.pick(forms);
}

/** The name as a person of that locale reads it: `佐藤 健`, `Ada Lovelace`. */
export function localeOrderName(person: Pick<DemoPerson, 'given' | 'family' | 'familyFirst'>): string {
  return person.familyFirst ? `${person.family} ${person.given}` : `${person.given} ${person.family}`;
}
