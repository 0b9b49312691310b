import type { Contact } from '@gcds/shared';

/** A provider record with the true identity of the person behind it. */
export interface LabelledRecord {
  provider: 'local' | 'vcard' | 'facebook-sim';
  contact: Contact;
  person: string;
}

const GIVEN = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
];
const FAMILY = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
];
const ACCENTED: Array<[string, string]> = [
  ['José', 'Jose'],
  ['Zoë', 'Zoe'],
  ['Renée', 'Renee'],
  ['François', 'Francois'],
  ['Jürgen', 'Jurgen'],
];

function mobile(i: number): { e164: string; national: string; international00: string } {
  const line = String(1000 + i).padStart(4, '0');
  return { e164: `+1415555${line}`, national: `(415) 555-${line}`, international00: `011 1 415 555 ${line}` };
}

/**
 * The labelled duplicate set: the same people across sources with the variants real exports have
 * (phone formats, name order, diacritics, nicknames, email case), and different people who share a name, a family
 * landline or an office switchboard, and a father and son "Jr.". Deterministic.
 */
export function labelledDuplicateSet(): LabelledRecord[] {
  const records: LabelledRecord[] = [];
  let n = 0;
  // 1. The same person in two or three sources, with format variants.
  for (let i = 0; i < 60; i += 1) {
    const given = GIVEN[i % GIVEN.length]!;
    const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!}${i >= 100 ? i : ''}`;
    const phone = mobile(i);
    const email = `${given}.${family}${i}@example.org`.toLowerCase();
    const person = `same-${i}`;
    records.push({
      provider: 'local',
      person,
      contact: { id: `l-${n++}`, given, family, tel: [{ value: phone.national, type: ['cell'] }] },
    });
    records.push({
      provider: 'vcard',
      person,
      contact: {
        id: `v-${n++}`,
        formattedName: `${given} ${family}`,
        given,
        family,
        tel: [{ value: i % 2 === 0 ? phone.e164 : phone.international00 }],
        email: [{ value: email.toUpperCase() }],
      },
    });
    if (i % 3 === 0) {
      records.push({
        provider: 'facebook-sim',
        person,
        contact: { id: `f-${n++}`, formattedName: `${family} ${given}`, email: [{ value: ` ${email} ` }] },
      });
    }
  }
  // 2. Diacritics on one side only.
  ACCENTED.forEach(([accented, plain], i) => {
    const phone = mobile(200 + i);
    const person = `accent-${i}`;
    records.push({
      provider: 'local',
      person,
      contact: { id: `l-${n++}`, given: accented, family: 'Müller', tel: [{ value: phone.e164 }] },
    });
    records.push({
      provider: 'vcard',
      person,
      contact: { id: `v-${n++}`, given: plain, family: 'Muller', tel: [{ value: phone.national }] },
    });
  });
  // 3. A nickname on one side (Bob / Robert), same mobile.
  const NICKNAMES: Array<[string, string]> = [
    ['Bob', 'Robert'],
    ['Liz', 'Elizabeth'],
    ['Bill', 'William'],
    ['Kate', 'Katherine'],
    ['Mike', 'Michael'],
  ];
  NICKNAMES.forEach(([nick, full], i) => {
    const phone = mobile(250 + i);
    const person = `nickname-${i}`;
    records.push({
      provider: 'local',
      person,
      contact: { id: `l-${n++}`, given: nick, family: 'Stone', tel: [{ value: phone.national }] },
    });
    records.push({
      provider: 'vcard',
      person,
      contact: { id: `v-${n++}`, given: full, family: 'Stone', tel: [{ value: phone.e164 }] },
    });
  });
  // 4. Different people who share a name and nothing else (never merge on a name alone).
  for (let i = 0; i < 10; i += 1) {
    records.push({
      provider: 'local',
      person: `namesake-a-${i}`,
      contact: { id: `l-${n++}`, given: 'John', family: 'Smith', tel: [{ value: mobile(300 + i).e164 }] },
    });
    records.push({
      provider: 'vcard',
      person: `namesake-b-${i}`,
      contact: {
        id: `v-${n++}`,
        given: 'John',
        family: 'Smith',
        email: [{ value: `john.smith${i}@example.com` }],
      },
    });
  }
  // 5. A family landline: different people, one number.
  for (let i = 0; i < 8; i += 1) {
    const home = mobile(400 + i).e164;
    records.push({
      provider: 'local',
      person: `family-${i}-mum`,
      contact: {
        id: `l-${n++}`,
        given: 'Maria',
        family: `Garcia${i}`,
        tel: [{ value: home, type: ['home'] }],
      },
    });
    records.push({
      provider: 'vcard',
      person: `family-${i}-dad`,
      contact: {
        id: `v-${n++}`,
        given: 'Pedro',
        family: `Garcia${i}`,
        tel: [{ value: home, type: ['home'] }],
      },
    });
  }
  // 6. An office switchboard shared by colleagues, some with the same name.
  const switchboard = '+442079460000';
  for (let i = 0; i < 6; i += 1) {
    records.push({
      provider: i % 2 === 0 ? 'local' : 'vcard',
      person: `colleague-${i}`,
      contact: {
        id: `${i % 2 === 0 ? 'l' : 'v'}-${n++}`,
        given: i < 2 ? 'Sam' : `Colleague${i}`,
        family: 'Jones',
        org: 'Acme Ltd',
        tel: [{ value: switchboard, type: ['work'] }],
      },
    });
  }
  // 7. Father and son: same name but for "Jr.", same landline.
  for (let i = 0; i < 5; i += 1) {
    const home = mobile(500 + i).e164;
    records.push({
      provider: 'local',
      person: `father-${i}`,
      contact: { id: `l-${n++}`, given: 'Robert', family: `Brown${i}`, tel: [{ value: home }] },
    });
    records.push({
      provider: 'vcard',
      person: `son-${i}`,
      contact: {
        id: `v-${n++}`,
        given: 'Robert',
        family: `Brown${i}`,
        suffix: 'Jr.',
        tel: [{ value: home }],
      },
    });
  }
  return records;
}

export interface PairScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Pairwise precision and recall of predicted groups against the labels. */
export function scorePairs(
  records: LabelledRecord[],
  predictedGroupOf: (record: LabelledRecord) => string,
): PairScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < records.length; i += 1) {
    for (let j = i + 1; j < records.length; j += 1) {
      const a = records[i]!;
      const b = records[j]!;
      const truth = a.person === b.person;
      const predicted = predictedGroupOf(a) === predictedGroupOf(b);
      if (truth && predicted) tp += 1;
      else if (predicted) fp += 1;
      else if (truth) fn += 1;
    }
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}
