import type { SeededRandom } from '@gcds/demo-data';
import { defaultSilhouettePicture, identiconPicture, type PictureBytes } from '@gcds/demo-data';
import { generatePhone, PHONE_REGIONS, type PhoneRegion, type PhoneStyle } from './phoneNumbers';
import type { WireBirthday, WireEmail, WirePhone, WireWork } from './wireFormat';

/** A friend's profile as the server stores it, picture bytes included. */
export interface FriendProfile {
  first_name: string;
  middle_name?: string;
  last_name: string;
  nickname?: string;
  phones: WirePhone[];
  emails: WireEmail[];
  birthday?: WireBirthday;
  work?: WireWork;
  picture?: PictureBytes;
}

const NAMES: Record<PhoneRegion, { given: readonly string[]; family: readonly string[] }> = {
  US: {
    given: ['James', 'Mary', 'Olivia', 'Liam', 'Noah', 'Emma', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Zoë'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', "O'Brien", 'Nguyen', 'Kim'],
  },
  GB: {
    given: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Poppy', 'James'],
    family: ['Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Smith'],
  },
  FR: {
    given: ['Léa', 'Hugo', 'Chloé', 'Louis', 'Zoé', 'Gabriel', 'Inès'],
    family: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard'],
  },
  DE: {
    given: ['Lukas', 'Mia', 'Jürgen', 'Lena', 'Jonas', 'Hannah'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Strauß'],
  },
  ES: {
    given: ['José', 'Lucía', 'Martín', 'Sofía', 'Álvaro', 'María'],
    family: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez'],
  },
  AU: {
    given: ['Jack', 'Charlotte', 'William', 'Matilda', 'Olivia'],
    family: ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson'],
  },
  BR: {
    given: ['João', 'Ana', 'Pedro', 'Beatriz', 'Gabriel', 'Júlia'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira'],
  },
};

const MIDDLE_NAMES = ['Marie', 'Lee', 'Ann', 'James', 'Rose', 'Alexander'];
const NICKNAMES = ['Bubba', 'Sunny', 'Ace', 'Kiki', 'Doc', 'Red'];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example'];
const EMPLOYERS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const POSITIONS = ['Engineer', 'Designer', 'Nurse', 'Teacher', 'Accountant', 'Chef'];

/** Lower-case ASCII for an email local part: diacritics dropped, ß → ss, apostrophes gone. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('ß', 'ss')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

export interface FriendGeneratorOptions {
  /** The region of the phone's owner: friends there often write national numbers. */
  homeRegion?: PhoneRegion;
}

function phoneStyle(random: SeededRandom, region: PhoneRegion, homeRegion: PhoneRegion): PhoneStyle {
  if (region === homeRegion) return random.pick(['national', 'national', 'e164', 'international'] as const);
  return random.pick(['e164', 'international'] as const);
}

function newPhone(random: SeededRandom, region: PhoneRegion, homeRegion: PhoneRegion): WirePhone {
  const type = random.pick(['mobile', 'mobile', 'mobile', 'home', 'work'] as const);
  const kind = type === 'mobile' ? 'mobile' : 'landline';
  return {
    number: generatePhone(random, region, kind, phoneStyle(random, region, homeRegion)).written,
    type,
  };
}

function personalEmail(random: SeededRandom, first: string, last: string): WireEmail {
  const local = `${asciiFold(first)}.${asciiFold(last)}${random.chance(0.4) ? random.int(1, 99) : ''}`;
  const domain = random.pick(EMAIL_DOMAINS);
  // Some people type their address with capitals (Zoe.Kim@…); matching downstream must not care.
  const typed = random.chance(0.1)
    ? local.replace(/(^|\.)([a-z])/g, (_, dot, c: string) => dot + c.toUpperCase())
    : local;
  return { address: `${typed}@${domain}`, type: 'personal' };
}

function workEmail(first: string, last: string, employer: string): WireEmail {
  return {
    address: `${asciiFold(first).slice(0, 1)}${asciiFold(last)}@${asciiFold(employer)}.example`,
    type: 'work',
  };
}

function newPicture(random: SeededRandom): PictureBytes {
  return random.chance(0.15) ? defaultSilhouettePicture() : identiconPicture(random);
}

/** A plausible profile: names of one region, 0-3 phones, 0-2 emails, maybe a birthday, a job, a picture. */
export function generateFriendProfile(
  random: SeededRandom,
  options: FriendGeneratorOptions = {},
): FriendProfile {
  const homeRegion = options.homeRegion ?? 'US';
  const region = random.chance(0.6) ? homeRegion : random.pick(PHONE_REGIONS);
  const names = NAMES[region];
  const first = random.pick(names.given);
  const last =
    region === 'ES' ? `${random.pick(names.family)} ${random.pick(names.family)}` : random.pick(names.family);
  const profile: FriendProfile = { first_name: first, last_name: last, phones: [], emails: [] };
  if (random.chance(0.2)) profile.middle_name = random.pick(MIDDLE_NAMES);
  if (random.chance(0.1)) profile.nickname = random.pick(NICKNAMES);
  const phoneCount = random.chance(0.85) ? random.int(1, 3) : 0;
  for (let i = 0; i < phoneCount; i += 1) profile.phones.push(newPhone(random, region, homeRegion));
  if (random.chance(0.3))
    profile.work = { employer: random.pick(EMPLOYERS), position: random.pick(POSITIONS) };
  if (random.chance(0.8)) profile.emails.push(personalEmail(random, first, last));
  if (profile.work !== undefined && random.chance(0.5))
    profile.emails.push(workEmail(first, last, profile.work.employer));
  if (random.chance(0.5)) {
    profile.birthday = { month: random.int(1, 12), day: random.int(1, 28) };
    if (random.chance(0.7)) profile.birthday.year = random.int(1950, 2008);
  }
  if (random.chance(0.7)) profile.picture = newPicture(random);
  return profile;
}

export type FriendEditKind =
  | 'phone-added'
  | 'phone-changed'
  | 'phone-removed'
  | 'email-added'
  | 'email-removed'
  | 'family-name-changed'
  | 'nickname-changed'
  | 'picture-changed'
  | 'picture-removed'
  | 'job-changed';

/** A random, plausible edit of `profile` (a new object; `profile` is left as it was). */
export function randomFriendEdit(
  random: SeededRandom,
  profile: FriendProfile,
  options: FriendGeneratorOptions = {},
): { kind: FriendEditKind; profile: FriendProfile } {
  const homeRegion = options.homeRegion ?? 'US';
  const next: FriendProfile = structuredClone(profile);
  const possible: FriendEditKind[] = [
    'phone-added',
    'email-added',
    'family-name-changed',
    'nickname-changed',
  ];
  possible.push('picture-changed', 'job-changed');
  if (next.phones.length > 0) possible.push('phone-changed', 'phone-removed');
  if (next.emails.length > 0) possible.push('email-removed');
  if (next.picture !== undefined) possible.push('picture-removed');
  const kind = random.pick(possible);
  const region = random.chance(0.7) ? homeRegion : random.pick(PHONE_REGIONS);
  switch (kind) {
    case 'phone-added':
      next.phones.push(newPhone(random, region, homeRegion));
      break;
    case 'phone-changed':
      next.phones[random.int(0, next.phones.length - 1)] = newPhone(random, region, homeRegion);
      break;
    case 'phone-removed':
      next.phones.splice(random.int(0, next.phones.length - 1), 1);
      break;
    case 'email-added':
      next.emails.push(personalEmail(random, next.first_name, `${next.last_name}${random.int(100, 999)}`));
      break;
    case 'email-removed':
      next.emails.splice(random.int(0, next.emails.length - 1), 1);
      break;
    case 'family-name-changed':
      next.last_name = random.pick(NAMES[region].family);
      break;
    case 'nickname-changed':
      next.nickname = random.pick(NICKNAMES.filter((name) => name !== next.nickname));
      break;
    case 'picture-changed':
      next.picture = identiconPicture(random);
      break;
    case 'picture-removed':
      delete next.picture;
      break;
    case 'job-changed':
      next.work = { employer: random.pick(EMPLOYERS), position: random.pick(POSITIONS) };
      break;
  }
  return { kind, profile: next };
}
