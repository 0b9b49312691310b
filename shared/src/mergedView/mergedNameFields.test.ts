import { describe, expect, it } from 'vitest';
import { contactDisplayName } from '../contact/displayName';
import type { MergedContact } from './mergedContact';
import { mergedDisplayName, mergedNameFields, mergedNameSource, mergedNameTexts } from './mergedNameFields';

const local = { provider: 'local', contactId: 'l1' };
const vcard = { provider: 'vcard', contactId: 'v1' };

const ADA: MergedContact = {
  personId: 'p1',
  sources: [local, vcard],
  prefix: { value: 'Lady', source: local },
  given: { value: 'Ada', source: local },
  additional: { value: 'Augusta', source: vcard },
  family: { value: 'Lovelace', source: local },
  suffix: { value: 'FRS', source: vcard },
  formattedName: { value: 'Ada Lovelace', source: local },
  org: { value: 'Analytical Engines', source: vcard },
  jobTitle: { value: 'Analyst', source: vcard },
  nickname: [{ value: 'Enchantress', source: vcard, alsoIn: [] }],
  tel: [{ value: { value: '+44 20 7946 0958', type: ['cell'] }, source: local, alsoIn: [] }],
  email: [{ value: { value: 'ada@example.org' }, source: vcard, alsoIn: [local] }],
  adr: [],
  url: [],
  impp: [],
  category: [],
};

const NAMELESS: MergedContact = {
  personId: 'p2',
  sources: [local],
  nickname: [],
  tel: [{ value: { value: '+1 415 555 0101' }, source: local, alsoIn: [] }],
  email: [{ value: { value: 'who@example.org' }, source: local, alsoIn: [] }],
  adr: [],
  url: [],
  impp: [],
  category: [],
};

describe('mergedNameFields', () => {
  it('takes each name field and nickname from the merged view, without its sources', () => {
    expect(mergedNameFields(ADA)).toEqual({
      prefix: 'Lady',
      given: 'Ada',
      additional: 'Augusta',
      family: 'Lovelace',
      suffix: 'FRS',
      formattedName: 'Ada Lovelace',
      org: 'Analytical Engines',
      nickname: ['Enchantress'],
    });
  });

  it('adds the addresses only when asked, as the sources wrote them', () => {
    expect(mergedNameFields(ADA, { withAddresses: true })).toMatchObject({
      tel: [{ value: '+44 20 7946 0958', type: ['cell'] }],
      email: [{ value: 'ada@example.org' }],
    });
    expect(mergedNameFields(ADA)).not.toHaveProperty('tel');
    expect(mergedNameFields(ADA)).not.toHaveProperty('email');
  });

  it('leaves a nameless person nameless unless addresses may name them', () => {
    expect(contactDisplayName(mergedNameFields(NAMELESS))).toBe('');
    expect(contactDisplayName(mergedNameFields(NAMELESS, { withAddresses: true }))).toBe('who@example.org');
  });
});

describe('mergedDisplayName', () => {
  it('names a person by the merged fields, and a nameless one only when addresses may name them', () => {
    expect(mergedDisplayName(ADA)).toBe('Ada Lovelace');
    expect(mergedDisplayName(NAMELESS)).toBe('');
    expect(mergedDisplayName(NAMELESS, { withAddresses: true })).toBe('who@example.org');
  });
});

describe('mergedNameTexts', () => {
  it('lists the name parts, the formatted name and the nicknames, not the organisation', () => {
    expect(mergedNameTexts(ADA)).toEqual(['Ada', 'Augusta', 'Lovelace', 'Ada Lovelace', 'Enchantress']);
    expect(mergedNameTexts(NAMELESS)).toEqual([]);
  });
});

describe('mergedNameSource', () => {
  it('is the source of the formatted name, else of the name parts, and nothing for a nameless person', () => {
    expect(mergedNameSource(ADA)).toEqual(local);
    const { formattedName: _f, given: _g, family: _l, prefix: _p, ...partsFromVcard } = ADA;
    expect(mergedNameSource(partsFromVcard)).toEqual(vcard);
    expect(mergedNameSource(NAMELESS)).toBeUndefined();
  });
});
