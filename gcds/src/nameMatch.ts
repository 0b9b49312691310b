import { givenNameKeys } from '@gcds/shared';
import type { PersonName, SourceRecord } from './types';

/**
 * How two names agree: `full` when both have a given and a family name that agree, `partial` when one
 * side has less to say (a first name only, an initial for the first name).
 */
export type NameMatch = 'full' | 'partial';

type NamedSource = Pick<SourceRecord, 'names' | 'nameKeys' | 'nameSuffix' | 'company'>;

/** A given word and another agree: equal, nicknames of one name, or an initial and a word it begins. */
function givenWordsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const keys = givenNameKeys(a);
  return givenNameKeys(b).some((key) => keys.includes(key));
}

/**
 * Whether the given words of two readings agree: the first words agree, and each further word of the
 * side with fewer agrees with a distinct further word of the other, in order ("Ruth J." meets "Ruth
 * Jean" and "Ruth"; "Ruth J." never meets "Ruth K."). Undefined when they do not; else whether the
 * first words agreed only through an initial.
 */
function givenAgree(a: readonly string[], b: readonly string[]): { byInitial: boolean } | undefined {
  const [firstA, ...restA] = a;
  const [firstB, ...restB] = b;
  if (firstA === undefined || firstB === undefined) return { byInitial: false };
  if (!givenWordsAgree(firstA, firstB)) return undefined;
  const [fewer, more] = restA.length <= restB.length ? [restA, restB] : [restB, restA];
  let from = 0;
  for (const word of fewer) {
    let found = -1;
    for (let i = from; i < more.length; i += 1) {
      if (givenWordsAgree(word, more[i]!)) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    from = found + 1;
  }
  return { byInitial: firstA.length === 1 || firstB.length === 1 };
}

/** Family names agree when the words of one are all among the other's ("Smith" and "Smith Jones"). */
function familyAgrees(a: readonly string[], b: readonly string[]): boolean {
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.every((word) => more.includes(word));
}

function readingsMatch(a: PersonName, b: PersonName): NameMatch | undefined {
  const words = a.given.length + a.family.length;
  const otherWords = b.given.length + b.family.length;
  if (words === 0 || otherWords === 0) return undefined;
  const bothFamilies = a.family.length > 0 && b.family.length > 0;
  if (bothFamilies && !familyAgrees(a.family, b.family)) return undefined;
  const given = givenAgree(a.given, b.given);
  if (given === undefined) return undefined;
  // Something must be said by both: "Pham" and "Noah" share no word.
  const bothGiven = a.given.length > 0 && b.given.length > 0;
  if (!bothFamilies && !bothGiven) return undefined;
  return bothFamilies && bothGiven && !given.byInitial ? 'full' : 'partial';
}

/**
 * Whether two sources' names may be one person's, and how strongly: compatible when one's words,
 * nicknames folded and initials read, are contained in the other's with family names agreeing; the
 * generational suffixes must be equal (a father and his son "Jr." share everything else). Names that
 * share a match key (order, accents, nicknames folded; written together) agree as well.
 */
export function nameMatch(a: NamedSource, b: NamedSource): NameMatch | undefined {
  if (a.nameSuffix !== b.nameSuffix) return undefined;
  let best: NameMatch | undefined;
  for (const x of a.names ?? []) {
    for (const y of b.names ?? []) {
      const match = readingsMatch(x, y);
      if (match === 'full') return 'full';
      if (match !== undefined) best = match;
    }
  }
  if (best !== undefined) return best;
  const shared = a.nameKeys.find((key) => b.nameKeys.includes(key));
  if (shared === undefined) return undefined;
  return shared.includes(' ') ? 'full' : 'partial';
}

/** A company card: an organisation and no person's name. */
export function isCompanyCard(source: Pick<SourceRecord, 'company'>): boolean {
  return (source.company ?? '') !== '';
}

/** Whether a source has a person's name the matcher can compare. */
export function hasPersonName(source: Pick<SourceRecord, 'nameKeys' | 'company'>): boolean {
  return source.nameKeys.length > 0 && !isCompanyCard(source);
}

/**
 * Whether two sources cannot be one person (or one company) without the user saying so: different
 * suffixes, names that do not agree, or a company card and a person. A source with no name at all
 * contradicts no one: it says nothing either way.
 */
export function namesContradict(a: NamedSource, b: NamedSource): boolean {
  if (a.nameSuffix !== b.nameSuffix) return true;
  const companyA = isCompanyCard(a);
  const companyB = isCompanyCard(b);
  if (companyA || companyB) return !(companyA && companyB && a.company === b.company);
  if (a.nameKeys.length === 0 || b.nameKeys.length === 0) return false;
  return nameMatch(a, b) === undefined;
}
