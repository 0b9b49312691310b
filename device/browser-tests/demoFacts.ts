import { type DemoSource, type DemoTruth, generateDemoBook } from '../src/demo/demoBook';

/** The demo set the tests open the phone on (`?people=300`): big enough for every kind of person. */
export const TEST_PEOPLE = 300;

/**
 * The test's answer key: the same deterministic demo book the phone seeds itself with, read in Node, to
 * pick people of each kind by what is true of them (never by what the apps show).
 */
export const book = generateDemoBook({ people: TEST_PEOPLE });

const latin = /^[\p{Script=Latin} '-]+$/u;
const nameCount = new Map<string, number>();
for (const t of book.truth) nameCount.set(t.name, (nameCount.get(t.name) ?? 0) + 1);
const givenCount = new Map<string, number>();
for (const t of book.truth) {
  const given = t.name.split(' ')[0]!;
  givenCount.set(given, (givenCount.get(given) ?? 0) + 1);
}

function person(test: (t: DemoTruth) => boolean, what: string, skip = 0): DemoTruth {
  const found = book.truth.filter(
    (t) => t.hardCase === undefined && latin.test(t.name) && nameCount.get(t.name) === 1 && test(t),
  )[skip];
  if (found === undefined) throw new Error(`the demo book has no ${what}`);
  return found;
}

const only =
  (...sources: DemoSource[]) =>
  (t: DemoTruth) =>
    t.sources.length === sources.length && sources.every((s) => t.sources.includes(s));

/** Known only to facebook-sim: certified apps (Contacts) see them; Phone and Messages must not. */
export const facebookOnly = person(
  (t) => only('facebook-sim')(t) && t.phones.length > 0 && t.emails.length > 0,
  'facebook-only person with a number and an email',
);
/** In the phone's own contacts only. */
export const localOnly = person((t) => only('local')(t) && t.phones.length > 0, 'local-only person');
export const otherLocalOnly = person(
  (t) => only('local')(t) && t.phones.length > 0,
  'second local-only person',
  1,
);
/** In the .vcf only. */
export const vcardOnly = person((t) => only('vcard')(t) && t.phones.length > 0, 'vCard-only person');
export const otherVcardOnly = person(
  (t) => only('vcard')(t) && t.phones.length > 0,
  'second vCard-only person',
  1,
);
/** Written down twice with only a different number format: the GCDS merges them by itself. */
export const autoMerged = person(
  (t) => only('local', 'vcard')(t) && t.variants.every((v) => v === 'format') && t.phones.length > 0,
  'local + vCard duplicate differing only in number format',
);
/** Written down twice with a typo in the family name: the GCDS only suggests the merge. */
export const typoPair = person(
  (t) =>
    t.sources.length === 2 &&
    t.variants.length === 1 &&
    t.variants[0] === 'typo' &&
    givenCount.get(t.name.split(' ')[0]!) === 1,
  'duplicate with a typo whose given name no one else has',
);
/** A local contact with a photo (a PNG attached after the import). */
export const withPhoto = (() => {
  const draft = book.local.find(
    (d) =>
      book.localPhotos.some((p) => p.id === d.id) &&
      nameCount.get(`${d.given} ${d.family}`) === 1 &&
      latin.test(`${d.given} ${d.family}`),
  );
  if (draft === undefined) throw new Error('the demo book has no local contact with a photo');
  return `${draft.given} ${draft.family}`;
})();
