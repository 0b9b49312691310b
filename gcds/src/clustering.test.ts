import { describe, expect, it } from 'vitest';
import { assignPersonIds, clusterSources, decisionKey } from './clustering';
import { pairEvidence } from './mergeRules';
import type { Decision, SourceRecord } from './types';

function phone(e164: string, types: string[] = ['cell']) {
  const national = e164.replace(/^\+\d/, '');
  return { key: `e:${e164}`, indexKeys: [`e:${e164}`, `s:${national.slice(-7)}`], isShortCode: false, types };
}

/** "ada lovelace": given words, then the family name last. */
function readingOf(name: string) {
  const words = name.split(' ');
  return { given: words.slice(0, -1), family: words.slice(-1) };
}

function source(
  provider: string,
  contactId: string,
  fields: {
    name?: string;
    suffix?: string;
    phones?: ReturnType<typeof phone>[];
    emails?: string[];
    personId?: string;
  },
): SourceRecord {
  const phones = fields.phones ?? [];
  const key = `${provider}\u001f${contactId}`;
  return {
    key,
    provider,
    contactId,
    accessLevel: provider === 'facebook-sim' ? 'certified' : 'privileged',
    revision: 1,
    personId: fields.personId ?? `person-${key}`,
    originPersonId: `origin-${key}`,
    nameKeys: fields.name === undefined ? [] : [fields.name],
    nameSuffix: fields.suffix ?? '',
    names: fields.name === undefined ? [] : [readingOf(fields.name)],
    company: '',
    org: '',
    displayName: fields.name ?? '',
    phones,
    phoneKeys: phones.flatMap((p) => p.indexKeys),
    emails: fields.emails ?? [],
  };
}

const ada = '+14155550100';

describe('pairEvidence: conservative passive merge', () => {
  it('merges the same name with a shared mobile number across providers', () => {
    const a = source('local', '1', { name: 'ada lovelace', phones: [phone(ada)] });
    const b = source('vcard', '9', { name: 'ada lovelace', phones: [phone(ada)] });
    expect(pairEvidence(a, b, new Set())).toMatchObject({
      auto: true,
      keys: ['name:ada lovelace', `phone:${ada}`],
    });
  });

  it('never merges on a name alone', () => {
    const a = source('local', '1', { name: 'john smith' });
    const b = source('vcard', '9', { name: 'john smith' });
    expect(pairEvidence(a, b, new Set())).toMatchObject({ auto: false, veto: 'nothing in common' });
  });

  it('takes a different second email or number for a subset, never a conflict', () => {
    const a = source('local', '1', { name: 'ada lovelace', phones: [phone(ada)], emails: ['ada@a.org'] });
    const b = source('vcard', '9', { name: 'ada lovelace', phones: [phone(ada)], emails: ['ada@b.org'] });
    expect(pairEvidence(a, b, new Set())).toMatchObject({
      auto: true,
      keys: ['name:ada lovelace', `phone:${ada}`],
    });
    const d = source('vcard', '9', {
      name: 'ada lovelace',
      phones: [phone('+14155550199')],
      emails: ['ada@a.org'],
    });
    expect(pairEvidence(a, d, new Set())).toMatchObject({
      auto: true,
      keys: ['name:ada lovelace', 'email:ada@a.org'],
    });
  });

  it('never merges on a switchboard; a number differently named people share only between full names', () => {
    const a = source('local', '1', { name: 'ann lee', phones: [phone(ada, ['work'])] });
    const b = source('vcard', '9', { name: 'ann lee', phones: [phone(ada, ['work'])] });
    expect(pairEvidence(a, b, new Set()).veto).toBe('only a shared line in common');
    const c = source('local', '1', { name: 'ann lee', phones: [phone(ada, ['home'])] });
    const d = source('vcard', '9', { name: 'ann lee', phones: [phone(ada, ['home'])] });
    const firstNameOnly = source('vcard', '8', { name: 'ann', phones: [phone(ada, ['home'])] });
    firstNameOnly.names = [{ given: ['ann'], family: [] }];
    expect(pairEvidence(c, d, new Set()).auto).toBe(true);
    expect(pairEvidence(c, d, new Set([`e:${ada}`])).auto).toBe(true);
    expect(pairEvidence(c, d, new Set([`e:${ada}`, `?e:${ada}`])).auto).toBe(false);
    expect(pairEvidence(c, firstNameOnly, new Set()).auto).toBe(true);
    expect(pairEvidence(c, firstNameOnly, new Set([`e:${ada}`])).auto).toBe(false);
  });

  it('keeps father and son apart (suffix); one provider needs the same numbers, or a shared phone and email', () => {
    const father = source('local', '1', { name: 'john smith', phones: [phone(ada)] });
    const son = source('vcard', '2', { name: 'john smith', suffix: 'jr', phones: [phone(ada)] });
    expect(pairEvidence(father, son, new Set()).auto).toBe(false);
    const one = source('local', '1', { name: 'ada lovelace', phones: [phone(ada)] });
    const two = source('local', '2', { name: 'ada lovelace', phones: [phone(ada)] });
    expect(pairEvidence(one, two, new Set()).auto).toBe(true);
    const more = source('local', '5', { name: 'ada lovelace', phones: [phone(ada), phone('+14155550111')] });
    expect(pairEvidence(one, more, new Set()).veto).toMatch(/same provider/);
    const three = source('local', '3', { name: 'ada lovelace', phones: [phone(ada)], emails: ['a@x.org'] });
    const four = source('local', '4', { name: 'ada lovelace', phones: [phone(ada)], emails: ['a@x.org'] });
    expect(pairEvidence(three, four, new Set()).auto).toBe(true);
    const mailOnly = source('local', '6', { name: 'ada lovelace', emails: ['a@x.org'] });
    expect(pairEvidence(three, mailOnly, new Set()).auto).toBe(false);
  });

  it('matches an unparsed number to a parsed one by a 7-digit suffix, never two different E.164s', () => {
    const raw = { key: 'r:5550100', indexKeys: ['r:5550100', 's:5550100'], isShortCode: false, types: [] };
    const a = source('local', '1', { name: 'ada lovelace', phones: [phone(ada)] });
    const b = source('vcard', '2', { name: 'ada lovelace', phones: [raw] });
    expect(pairEvidence(a, b, new Set()).auto).toBe(true);
    const c = source('vcard', '3', { name: 'ada lovelace', phones: [phone('+442075550100')] });
    expect(pairEvidence(a, c, new Set()).auto).toBe(false);
  });
});

describe('clusterSources', () => {
  it('never chains A~B~C into one person when A and C contradict', () => {
    const a = source('local', 'a', { name: 'ada lovelace', phones: [phone(ada)], emails: ['ada@one.org'] });
    const b = source('vcard', 'b', { name: 'ada', phones: [phone(ada)] });
    b.names = [{ given: ['ada'], family: [] }];
    const c = source('facebook-sim', 'c', {
      name: 'ada byron',
      phones: [phone(ada), phone('+14155550111')],
      emails: ['ada@two.org'],
    });
    const clusters = clusterSources([a, b, c], [], new Set());
    const groups = clusters.map((cluster) =>
      cluster.members
        .map((m) => m.contactId)
        .sort()
        .join('+'),
    );
    // b may join either side, but a and c (different family names) never share a person.
    expect(groups).toHaveLength(2);
    expect(groups.some((g) => g.includes('a') && g.includes('c'))).toBe(false);
    expect(groups.some((g) => g.length === 3 && g.includes('b'))).toBe(true);
  });

  it('follows keep-together and keep-separate decisions over automatic evidence', () => {
    const a = source('local', 'a', { name: 'ada lovelace', phones: [phone(ada)] });
    const b = source('vcard', 'b', { name: 'ada lovelace', phones: [phone(ada)] });
    const c = source('vcard', 'c', { name: 'countess of lovelace' });
    const decisions: Decision[] = [
      {
        key: decisionKey(a.key, b.key),
        members: [a.key, b.key].sort() as [string, string],
        kind: 'separate',
        at: 0,
      },
      {
        key: decisionKey(a.key, c.key),
        members: [a.key, c.key].sort() as [string, string],
        kind: 'together',
        at: 0,
      },
    ];
    const clusters = clusterSources([a, b, c], decisions, new Set());
    expect(clusters.map((cl) => cl.members.map((m) => m.contactId).join('+')).sort()).toEqual(['a+c', 'b']);
    const joined = clusters.find((cl) => cl.members.length === 2)!;
    expect(joined.reasons).toEqual([
      {
        a: { provider: 'local', contactId: 'a' },
        b: { provider: 'vcard', contactId: 'c' },
        kind: 'user',
        keys: [],
      },
    ]);
  });

  it('puts the local source first, then the widest-readable', () => {
    const fb = source('facebook-sim', 'f', { name: 'ada lovelace', emails: ['ada@x.org'] });
    const vc = source('vcard', 'v', { name: 'ada lovelace', emails: ['ada@x.org'] });
    const lo = source('local', 'l', { name: 'ada lovelace', emails: ['ada@x.org'] });
    const [cluster] = clusterSources([fb, vc, lo], [], new Set());
    expect(cluster!.members.map((m) => m.provider)).toEqual(['local', 'vcard', 'facebook-sim']);
  });
});

describe('assignPersonIds', () => {
  it('gives split-off sources back the ids they founded, and keeps the merged id stable', () => {
    const a = { ...source('local', 'a', {}), personId: 'P1', originPersonId: 'P1' };
    const b = { ...source('vcard', 'b', {}), personId: 'P1', originPersonId: 'P2' };
    const split = assignPersonIds(
      [
        { members: [b], reasons: [] },
        { members: [a], reasons: [] },
      ],
      new Set(),
      () => 'fresh',
    );
    expect(split).toEqual(['P2', 'P1']);
    const merged = assignPersonIds(
      [{ members: [a, { ...b, personId: 'P2' }], reasons: [] }],
      new Set(),
      () => 'fresh',
    );
    expect(merged).toEqual(['P1']);
  });

  it('mints a new id when every candidate is taken outside the neighbourhood', () => {
    const a = { ...source('local', 'a', {}), personId: '', originPersonId: 'P9' };
    expect(assignPersonIds([{ members: [a], reasons: [] }], new Set(['P9']), () => 'fresh')).toEqual([
      'fresh',
    ]);
  });
});
