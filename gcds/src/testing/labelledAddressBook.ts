import type { Contact, ContactTel } from '@gcds/shared';

/**
 * A labelled address book, generated and seeded: one book of people exported four times, as four
 * exporters write them, with the ways real duplicates differ and the people who must stay apart. It is
 * the ground truth `scoreMerge` scores passive merge against; the GCDS never sees the labels.
 */

/** The four exports: a phone's vCard 2.1, a Google 3.0, an Outlook 2.1, a social network's 3.0. */
export const EXPORTERS = ['phone', 'google', 'outlook', 'social'] as const;
export type Exporter = (typeof EXPORTERS)[number];

/** How a person's cards differ from one another: what a true pair of theirs is an example of. */
export const VARIANT_CLASSES = [
  'sameFormat',
  'severalNumbers',
  'nameOrder',
  'middleName',
  'nickname',
  'diacritics',
  'firstNameOnly',
  'sameSource',
  'company',
  'throughThird',
  'nothingShared',
] as const;
export type VariantClass = (typeof VARIANT_CLASSES)[number];

/** People who must never be merged with one another, by why they look alike. */
export const HARD_NEGATIVE_KINDS = [
  'parentChild',
  'namesake',
  'familyLandline',
  'colleagues',
  'companyEmployee',
] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

export interface LabelledCard {
  exporter: Exporter;
  contact: Contact;
  /** The true identity behind the card. */
  person: string;
  variant: VariantClass;
  /** Groups of different people who look alike (`kind:id`): a merge inside one is a hard negative. */
  lookAlikes: string[];
}

/** A small seeded generator (mulberry32): the same book on every run and runtime. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Dennis',
  'Noah',
  'Emma',
  'Olivia',
  'Liam',
  'Ava',
  'Sophia',
  'Mia',
  'Ethan',
  'Lucas',
  'Harper',
  'Evelyn',
  'Aria',
  'Logan',
  'Chloe',
  'Nora',
  'Hazel',
  'Ruth',
  'Ivy',
  'Owen',
  'Caleb',
  'Leah',
  'Zara',
  'Maya',
  'Ines',
  'Omar',
  'Yusuf',
  'Priya',
  'Ravi',
  'Anil',
  'Mei',
  'Hana',
  'Kenji',
  'Sora',
  'Lars',
  'Ingrid',
  'Astrid',
  'Pablo',
  'Lucia',
  'Marta',
  'Diego',
  'Nadia',
  'Igor',
  'Olga',
  'Wanda',
  'Gloria',
  'Heidi',
  'Bruno',
  'Felix',
  'Hugo',
  'Iris',
  'Jade',
  'Keith',
  'Lena',
  'Milo',
  'Nina',
  'Oscar',
  'Paula',
  'Quinn',
  'Rosa',
  'Seth',
  'Tara',
  'Uma',
  'Vera',
  'Wade',
  'Xena',
  'Yara',
  'Zeke',
  'Amir',
  'Basil',
  'Cora',
  'Dara',
  'Elias',
  'Fiona',
  'Gavin',
  'Holly',
  'Ian',
  'Joel',
  'Kira',
  'Leon',
  'Mona',
  'Neil',
];
const FAMILY = [
  'Moore',
  'Rogers',
  'Pham',
  'Nguyen',
  'Garcia',
  'Okafor',
  'Schmidt',
  'Kowalski',
  'Rossi',
  'Tanaka',
  'Kim',
  'Patel',
  'Singh',
  'Haddad',
  'Cohen',
  'Novak',
  'Horvat',
  'Jensen',
  'Larsen',
  'Silva',
  'Santos',
  'Murphy',
  'Kelly',
  'Walsh',
  'Byrne',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Dubois',
  'Laurent',
  'Moreau',
  'Lefevre',
  'Bianchi',
  'Romano',
  'Costa',
  'Ferreira',
  'Alves',
  'Ivanov',
  'Petrov',
  'Popescu',
  'Nagy',
  'Toth',
  'Varga',
  'Yilmaz',
  'Demir',
  'Sahin',
  'Chen',
  'Wang',
  'Liu',
  'Zhao',
  'Huang',
  'Wu',
  'Sato',
  'Suzuki',
  'Ito',
  'Park',
  'Choi',
  'Jung',
  'Khan',
  'Ali',
  'Hussain',
  'Ahmed',
  'Mensah',
  'Owusu',
  'Boateng',
  'Adeyemi',
  'Eze',
  'Mwangi',
  'Otieno',
  'Banda',
  'Phiri',
  'Dlamini',
  'Brooks',
  'Price',
  'Bennett',
  'Wood',
  'Barnes',
  'Ross',
  'Henderson',
  'Coleman',
  'Jenkins',
  'Perry',
  'Powell',
  'Long',
  'Patterson',
  'Hughes',
  'Flores',
  'Washington',
  'Butler',
  'Simmons',
  'Foster',
  'Gonzales',
  'Bryant',
  'Alexander',
  'Russell',
  'Griffin',
  'Diaz',
  'Hayes',
  'Myers',
  'Ford',
  'Hamilton',
  'Graham',
  'Sullivan',
  'Wallace',
  'Woods',
  'Cole',
  'West',
  'Jordan',
  'Owens',
  'Reynolds',
  'Fisher',
  'Ellis',
  'Harrison',
  'Gibson',
  'Mcdonald',
  'Cruz',
  'Marshall',
  'Ortiz',
  'Gomez',
  'Murray',
  'Freeman',
  'Wells',
  'Webb',
  'Simpson',
  'Stevens',
  'Tucker',
  'Porter',
  'Hunter',
  'Hicks',
  'Crawford',
  'Henry',
  'Boyd',
  'Mason',
  'Morales',
  'Kennedy',
  'Warren',
  'Dixon',
  'Ramos',
  'Reyes',
  'Burns',
  'Gordon',
  'Shaw',
];
/** Nickname and full name, as the shared nickname table knows them. */
const NICKNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Terri', 'Theresa'],
  ['Pam', 'Pamela'],
  ['Cindy', 'Cynthia'],
  ['Matt', 'Matthew'],
  ['Bill', 'William'],
  ['Jackie', 'Jacqueline'],
  ['Bob', 'Robert'],
  ['Liz', 'Elizabeth'],
  ['Kate', 'Katherine'],
  ['Mike', 'Michael'],
  ['Jim', 'James'],
  ['Tom', 'Thomas'],
  ['Dave', 'David'],
  ['Jen', 'Jennifer'],
  ['Sue', 'Susan'],
  ['Tony', 'Anthony'],
  ['Becky', 'Rebecca'],
  ['Greg', 'Gregory'],
  ['Dan', 'Daniel'],
  ['Nick', 'Nicholas'],
];
/** A name with diacritics, and as an exporter that loses them writes it. */
const ACCENTED: ReadonlyArray<readonly [string, string]> = [
  ['François', 'Francois'],
  ['Zoë', 'Zoe'],
  ['Renée', 'Renee'],
  ['José', 'Jose'],
  ['Jürgen', 'Jurgen'],
  ['Ødegård', 'Odegard'],
  ['Müller', 'Muller'],
  ['Sørensen', 'Sorensen'],
  ['Nuñez', 'Nunez'],
  ['Çelik', 'Celik'],
  ['Håkon', 'Hakon'],
  ['Łukasz', 'Lukasz'],
  ['Dvořák', 'Dvorak'],
  ['Agnès', 'Agnes'],
  ['Öztürk', 'Ozturk'],
];
const MIDDLE = [
  'Jean',
  'Marie',
  'Anne',
  'Lee',
  'James',
  'Grace',
  'Paul',
  'Rose',
  'John',
  'Lynn',
  'Ray',
  'Kay',
];
const COMPANY_WORDS = [
  'Tidewater',
  'Northwind',
  'Bluepeak',
  'Ironbridge',
  'Silverline',
  'Harbor',
  'Redwood',
  'Summit',
  'Pioneer',
  'Granite',
  'Lakeside',
  'Crescent',
  'Meridian',
  'Beacon',
  'Cobalt',
  'Falcon',
  'Juniper',
  'Orchard',
];
const COMPANY_KINDS = [
  'Freight',
  'Dental',
  'Partners',
  'Labs',
  'Logistics',
  'Bakery',
  'Studio',
  'Consulting',
];
const AREAS = ['415', '212', '617', '312', '206', '303', '512', '404', '503', '702', '614', '919'];

interface Phone {
  e164: string;
  type: 'cell' | 'home' | 'work' | 'main';
}

/** What a card of a person says, before an exporter writes it. */
interface CardPlan {
  exporter: Exporter;
  given: string;
  middle?: string;
  family: string;
  suffix?: string;
  /** Write only the given name (a phone's "Noah"). */
  givenOnly?: boolean;
  /** Diacritics lost by this exporter. */
  plain?: boolean;
  org?: string;
  company?: boolean;
  phones: Phone[];
  emails: string[];
}

const ASCII: Readonly<Record<string, string>> = Object.fromEntries(ACCENTED.map(([a, p]) => [a, p]));

function e164Written(e164: string, exporter: Exporter): string {
  const area = e164.slice(2, 5);
  const exchange = e164.slice(5, 8);
  const line = e164.slice(8);
  if (exporter === 'phone') return `(${area}) ${exchange}-${line}`;
  if (exporter === 'google') return `+1 ${area}-${exchange}-${line}`;
  if (exporter === 'outlook') return `+1 (${area}) ${exchange}-${line}`;
  return e164;
}

function caseOf(text: string, upper: boolean): string {
  return upper ? text.toUpperCase() : text;
}

/** The card as its exporter writes it: structured fields, formatted name, numbers and addresses. */
function written(plan: CardPlan, id: string, rand: () => number): Contact {
  const word = (w: string) => (plan.plain ? (ASCII[w] ?? w) : w);
  const given = word(plan.given);
  const family = word(plan.family);
  const tel: ContactTel[] = plan.phones.map((phone) => ({
    value: e164Written(phone.e164, plan.exporter),
    type: [phone.type],
  }));
  const email = plan.emails.map((value) => ({ value: rand() < 0.15 ? value.toUpperCase() : value }));
  const contact: Contact = { id, ...(tel.length > 0 ? { tel } : {}), ...(email.length > 0 ? { email } : {}) };
  if (plan.org !== undefined) contact.org = plan.org;
  if (plan.company) {
    contact.formattedName = plan.org ?? '';
    return contact;
  }
  const suffix = plan.suffix === undefined ? '' : ` ${plan.suffix}`;
  if (plan.givenOnly) {
    contact.given = given;
    contact.formattedName = given;
    return contact;
  }
  switch (plan.exporter) {
    case 'phone':
      contact.given = given;
      contact.family = family;
      if (plan.suffix !== undefined) contact.suffix = plan.suffix;
      contact.formattedName = `${given} ${family}${suffix}`;
      break;
    case 'google':
      contact.given = given;
      contact.family = family;
      if (plan.middle !== undefined) contact.additional = plan.middle;
      if (plan.suffix !== undefined) contact.suffix = plan.suffix;
      contact.formattedName = `${given}${plan.middle === undefined ? '' : ` ${plan.middle}`} ${family}${suffix}`;
      break;
    case 'outlook': {
      // "File as": family first, then a comma; the middle name as an initial.
      const middle = plan.middle === undefined ? '' : ` ${plan.middle[0]}.`;
      contact.formattedName = `${family}, ${given}${middle}${suffix}`;
      break;
    }
    case 'social': {
      const spaced = rand() < 0.3;
      contact.formattedName = caseOf(`${given}${spaced ? '  ' : ' '}${family}${suffix}`, rand() < 0.1);
      break;
    }
  }
  return contact;
}

/** Options for the generated book; the defaults are the set the targets are stated on. */
export interface LabelledBookOptions {
  people?: number;
  seed?: number;
}

/**
 * The labelled book: `people` people (3,000 by default) in the four exports. Each person has a
 * variant class in about the proportions of real books (most look the same in every export; the rest
 * write names differently, know different subsets of numbers and addresses, or have a first name only
 * on the phone), and hard negatives among them: parents and children with a shared landline or email,
 * namesakes with nothing in common, families on one landline, colleagues on a company's main number,
 * company cards and their employees.
 */
export function labelledAddressBook(options: LabelledBookOptions = {}): LabelledCard[] {
  const total = options.people ?? 3000;
  const rand = random(options.seed ?? 18);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chance = (p: number) => rand() < p;
  const usedNumbers = new Set<string>();
  const number = (type: Phone['type']): Phone => {
    for (;;) {
      const exchange = 200 + Math.floor(rand() * 800);
      if (exchange % 100 === 11) continue;
      const e164 = `+1${pick(AREAS)}${exchange}${String(Math.floor(rand() * 10000)).padStart(4, '0')}`;
      if (usedNumbers.has(e164)) continue;
      usedNumbers.add(e164);
      return { e164, type };
    }
  };
  let mailbox = 0;
  const address = (given: string, family: string) =>
    `${(ASCII[given] ?? given).toLowerCase()}.${(ASCII[family] ?? family).toLowerCase()}${mailbox++}@${pick([
      'example.com',
      'example.org',
      'mail.example',
    ])}`;

  const cards: LabelledCard[] = [];
  let cardId = 0;
  let people = 0;
  const emit = (person: string, variant: VariantClass, plans: CardPlan[], lookAlikes: string[] = []) => {
    people += 1;
    for (const plan of plans) {
      const id = `${plan.exporter}-${cardId++}`;
      cards.push({ exporter: plan.exporter, contact: written(plan, id, rand), person, variant, lookAlikes });
    }
  };
  /** Which exports a person is in: the phone and Google nearly always, Outlook and the network often. */
  const exportsOf = (): Exporter[] => {
    const chosen: Exporter[] = ['phone', 'google'];
    if (chance(0.6)) chosen.push('outlook');
    if (chance(0.45)) chosen.push('social');
    return chosen;
  };
  /** Cards of an ordinary person: a mobile and an email on each, the network without the number. */
  const ordinary = (base: Omit<CardPlan, 'exporter' | 'phones' | 'emails'>, mobile: Phone, email: string) =>
    exportsOf().map(
      (exporter): CardPlan => ({
        ...base,
        exporter,
        phones: exporter === 'social' ? [] : [mobile],
        emails: exporter === 'phone' && chance(0.5) ? [] : [email],
      }),
    );

  // Companies with a main number: their cards, and employees who carry the main number.
  const companies: Array<{ name: string; main: Phone; id: string; staff: number }> = [];
  const companyCount = Math.max(1, Math.round(total * 0.02));
  for (let i = 0; i < companyCount; i += 1) {
    const name = `${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length]}${i >= COMPANY_WORDS.length * COMPANY_KINDS.length ? ` ${i}` : ''}`;
    const company = { name, main: number('work'), id: `company-${i}`, staff: 0 };
    companies.push(company);
    const exporters: Exporter[] = chance(0.5) ? ['phone', 'outlook'] : ['google', 'outlook'];
    if (chance(0.3)) exporters.push(exporters[0] === 'phone' ? 'google' : 'phone');
    emit(
      company.id,
      'company',
      exporters.map((exporter) => ({
        exporter,
        given: '',
        family: '',
        company: true,
        org: name,
        phones: [{ ...company.main, type: chance(0.5) ? 'work' : 'main' }],
        emails:
          exporter === 'outlook' && chance(0.5)
            ? [`info@${name.toLowerCase().replace(/\W+/g, '')}.example`]
            : [],
      })),
      [`companyEmployee:${company.id}`],
    );
  }
  const employerOf = (): { name: string; main: Phone; id: string } | undefined => {
    if (!chance(0.12) || companies.length === 0) return undefined;
    const company = pick(companies);
    // A personal book knows a few people at each company: the main number stays under the bucket cap.
    if (company.staff >= 3) return undefined;
    company.staff += 1;
    return company;
  };

  while (people < total) {
    const roll = rand();
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const person = `p${people}`;
    const mobile = number('cell');
    const email = address(given, family);
    const employer = employerOf();
    const work = employer === undefined ? {} : { org: employer.name };
    const lookAlikes =
      employer === undefined ? [] : [`companyEmployee:${employer.id}`, `colleagues:${employer.id}`];
    const withWork = (plans: CardPlan[]) =>
      employer === undefined
        ? plans
        : plans.map((plan) =>
            plan.exporter === 'outlook' || plan.exporter === 'google'
              ? { ...plan, phones: [...plan.phones, { ...employer.main, type: 'work' as const }] }
              : plan,
          );
    if (roll < 0.26) {
      emit(person, 'sameFormat', withWork(ordinary({ given, family, ...work }, mobile, email)), lookAlikes);
    } else if (roll < 0.38) {
      // Each source knows a different subset: a second mobile, a home number, a second address.
      const second = address(given, family);
      const home = number('home');
      const plans: CardPlan[] = [
        { exporter: 'phone', given, family, phones: [mobile, home], emails: [] },
        { exporter: 'google', given, family, phones: [mobile], emails: [email, second] },
        { exporter: 'outlook', given, family, phones: [number('cell')], emails: [email] },
      ];
      if (chance(0.5)) plans.push({ exporter: 'social', given, family, phones: [], emails: [second] });
      emit(person, 'severalNumbers', withWork(plans.map((plan) => ({ ...plan, ...work }))), lookAlikes);
    } else if (roll < 0.48) {
      // Outlook's "Moore, Terri", the network's odd case and spacing.
      const plans = ordinary({ given, family, ...work }, mobile, email);
      if (!plans.some((plan) => plan.exporter === 'outlook'))
        plans.push({ exporter: 'outlook', given, family, ...work, phones: [mobile], emails: [email] });
      emit(person, 'nameOrder', withWork(plans), lookAlikes);
    } else if (roll < 0.57) {
      // "Ruth Jean Rogers" (Google), "Rogers, Ruth J." (Outlook), "Ruth Rogers" (the phone).
      const middle = pick(MIDDLE);
      const plans = ordinary({ given, family, ...work }, mobile, email).map((plan) =>
        plan.exporter === 'phone' || plan.exporter === 'social' ? plan : { ...plan, middle },
      );
      if (!plans.some((plan) => plan.exporter === 'outlook'))
        plans.push({
          exporter: 'outlook',
          given,
          family,
          middle,
          ...work,
          phones: [mobile],
          emails: [email],
        });
      emit(person, 'middleName', withWork(plans), lookAlikes);
    } else if (roll < 0.67) {
      // The phone and the network say "Terri", Google and Outlook "Theresa" (sometimes with a middle initial).
      const [nick, full] = pick(NICKNAMES);
      const middle = chance(0.3) ? pick(MIDDLE) : undefined;
      const plans = ordinary({ given: full, family, ...work }, mobile, email).map((plan) =>
        plan.exporter === 'phone' || plan.exporter === 'social'
          ? { ...plan, given: nick }
          : { ...plan, ...(middle === undefined ? {} : { middle }) },
      );
      emit(person, 'nickname', withWork(plans), lookAlikes);
    } else if (roll < 0.72) {
      const accentedGiven = chance(0.5);
      const [accent] = pick(ACCENTED);
      const plans = ordinary(
        accentedGiven ? { given: accent, family, ...work } : { given, family: accent, ...work },
        mobile,
        email,
      ).map((plan) =>
        plan.exporter === 'social' || plan.exporter === 'outlook' ? { ...plan, plain: true } : plan,
      );
      if (!plans.some((plan) => plan.plain))
        plans.push({ ...plans[0]!, exporter: 'social', plain: true, phones: [], emails: [email] });
      emit(person, 'diacritics', withWork(plans), lookAlikes);
    } else if (roll < 0.8) {
      // "Noah" on the phone, with the mobile "Noah Pham" has everywhere else.
      const plans = ordinary({ given, family, ...work }, mobile, email).map((plan) =>
        plan.exporter === 'phone' ? { ...plan, givenOnly: true, emails: [] } : plan,
      );
      emit(person, 'firstNameOnly', withWork(plans), lookAlikes);
    } else if (roll < 0.83) {
      // Twice in the phone's own export, the same numbers on both.
      const plans = ordinary({ given, family, ...work }, mobile, email);
      const phoneCard = plans.find((plan) => plan.exporter === 'phone')!;
      plans.push({ ...phoneCard });
      emit(person, 'sameSource', withWork(plans), lookAlikes);
    } else if (roll < 0.875) {
      // The phone knows the number, the network the address, Google both: linked only through Google.
      emit(
        person,
        'throughThird',
        withWork([
          { exporter: 'phone', given, family, ...work, phones: [mobile], emails: [] },
          { exporter: 'social', given, family, ...work, phones: [], emails: [email] },
          { exporter: 'google', given, family, ...work, phones: [mobile], emails: [email] },
        ]),
        lookAlikes,
      );
    } else if (roll < 0.935) {
      if (chance(0.5)) {
        // Nothing in common but the name and the employer: a suggestion, never a merge.
        const company = employer ?? pick(companies);
        emit(
          person,
          'nothingShared',
          [
            {
              exporter: 'outlook',
              given,
              family,
              org: company.name,
              phones: [{ ...company.main, type: 'work' }],
              emails: [],
            },
            { exporter: 'social', given, family, org: company.name, phones: [], emails: [email] },
          ],
          [`companyEmployee:${company.id}`, `colleagues:${company.id}`],
        );
      } else {
        // The network knows only an old address no other export has.
        const plans = ordinary({ given, family }, mobile, email).filter((plan) => plan.exporter !== 'social');
        plans.push({ exporter: 'social', given, family, phones: [], emails: [address(given, family)] });
        emit(person, 'nothingShared', plans);
      }
    } else if (roll < 0.965) {
      // A family on one landline: different given names, one family name, each with their own mobile.
      // The second is often "Noah" on the phone, and the first's phone card may hold the second's
      // mobile too (a partner's number): then that mobile is shared and "Noah" says too little.
      const home = number('home');
      const members = 2 + Math.floor(rand() * 2);
      const family = `family-${people}`;
      const givens = new Set<string>();
      while (givens.size < members) givens.add(pick(GIVEN));
      const surname = pick(FAMILY);
      const mobiles = [...givens].map(() => number('cell'));
      const partnerNumber = chance(0.3);
      [...givens].forEach((member, index) => {
        const firstNameOnly = index === 1 && chance(0.5);
        const plans = ordinary(
          { given: member, family: surname },
          mobiles[index]!,
          address(member, surname),
        ).map((plan): CardPlan => {
          if (plan.exporter === 'social') return plan;
          const phones = [...plan.phones, home];
          if (index === 0 && partnerNumber && plan.exporter === 'phone') phones.push(mobiles[1]!);
          return {
            ...plan,
            phones,
            ...(firstNameOnly && plan.exporter === 'phone' ? { givenOnly: true } : {}),
          };
        });
        emit(`p${people}`, firstNameOnly ? 'firstNameOnly' : 'sameFormat', plans, [
          `familyLandline:${family}`,
        ]);
      });
    } else if (roll < 0.985) {
      // A parent and a child of one name: a shared landline or email, the child "Jr.", the parent
      // sometimes "Sr.".
      const sharedHome = chance(0.5) ? number('home') : undefined;
      const sharedMail = sharedHome === undefined ? address(given, family) : undefined;
      const group = `parentChild:${people}`;
      const parentSuffix = chance(0.4) ? 'Sr.' : undefined;
      // Google's card of the child sometimes lost the "Jr.": then only the child's own mobile
      // and address, which the parent's cards lack, tell it from the parent.
      const droppedSuffix = chance(0.3);
      for (const suffix of [parentSuffix, 'Jr.']) {
        const own = number('cell');
        const mail = address(given, family);
        const plans = ordinary({ given, family, ...(suffix === undefined ? {} : { suffix }) }, own, mail).map(
          (plan): CardPlan => ({
            ...plan,
            ...(suffix === 'Jr.' && droppedSuffix && plan.exporter === 'google' ? { suffix: undefined } : {}),
            phones:
              sharedHome !== undefined && plan.exporter !== 'social'
                ? [...plan.phones, sharedHome]
                : plan.phones,
            emails: sharedMail !== undefined ? [...plan.emails, sharedMail] : plan.emails,
          }),
        );
        emit(`p${people}`, 'sameFormat', plans, [group]);
      }
    } else {
      // Namesakes: two people of one full name with nothing in common.
      const group = `namesake:${people}`;
      for (let i = 0; i < 2; i += 1) {
        emit(
          `p${people}`,
          'sameFormat',
          ordinary({ given, family }, number('cell'), address(given, family)),
          [group],
        );
      }
    }
  }
  return cards;
}
