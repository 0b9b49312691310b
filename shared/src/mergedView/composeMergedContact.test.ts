import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessLevel } from '../access/accessLevel';
import type { Contact } from '../contact/contact';
import type { PersonRecord, Pointer } from '../person/person';
import { composeMergedContact, type PointedSource } from './composeMergedContact';

const LEVELS: Record<string, AccessLevel> = {
  local: 'privileged',
  vcard: 'privileged',
  fb: 'certified',
  web: 'web',
};

function pointer(provider: string, contactId: string): Pointer {
  return { provider, contactId, accessLevel: LEVELS[provider] ?? 'web', revision: 1 };
}

/** A person from `provider:id` records, in pointer order (first = primary). */
function compose(
  records: Array<[string, Contact | undefined]>,
  readerLevel: AccessLevel = 'certified',
  personId = 'p1',
) {
  const sources: PointedSource[] = records.map(([provider, contact], i) => ({
    pointer: pointer(provider, contact?.id ?? `gone${i}`),
    contact,
  }));
  const person: PersonRecord = { id: personId, pointers: sources.map((s) => s.pointer), reasons: [] };
  return composeMergedContact(person, sources, { readerLevel, region: 'US' });
}

const ref = (provider: string, contactId: string) => ({ provider, contactId });

describe('composeMergedContact: a lone phone', () => {
  it('keeps a phone with nothing to compare it with as written, and drops one without a digit', () => {
    expect(
      compose([['local', { id: 'l1', tel: [{ value: '06 12 34 56 78', type: ['cell'] }] }]])?.tel,
    ).toEqual([
      { value: { value: '06 12 34 56 78', type: ['cell'] }, source: ref('local', 'l1'), alsoIn: [] },
    ]);
    expect(compose([['local', { id: 'l1', tel: [{ value: 'ext. none' }] }]])?.tel).toEqual([]);
    expect(
      compose([
        ['local', { id: 'l1' }],
        ['vcard', { id: 'v1', tel: [{ value: '+1 415 555 0100' }] }],
      ])?.tel,
    ).toEqual([{ value: { value: '+1 415 555 0100' }, source: ref('vcard', 'v1'), alsoIn: [] }]);
  });
});

describe('composeMergedContact: single-valued fields', () => {
  it('takes every field the primary has from the primary, with its source', () => {
    const merged = compose([
      ['local', { id: 'l1', given: 'Ada', family: 'Lovelace', org: 'Analytical Engines', note: 'first' }],
      ['vcard', { id: 'v1', given: 'Augusta', family: 'King', org: 'Babbage & Co', note: 'second' }],
    ]);
    expect(merged?.given).toEqual({ value: 'Ada', source: ref('local', 'l1') });
    expect(merged?.family).toEqual({ value: 'Lovelace', source: ref('local', 'l1') });
    expect(merged?.org).toEqual({ value: 'Analytical Engines', source: ref('local', 'l1') });
    expect(merged?.note).toEqual({ value: 'first', source: ref('local', 'l1') });
    expect(merged?.sources).toEqual([ref('local', 'l1'), ref('vcard', 'v1')]);
  });

  it('fills fields the primary lacks from the next source that has them', () => {
    const merged = compose([
      ['local', { id: 'l1', given: 'Ada', jobTitle: '   ' }],
      ['vcard', { id: 'v1', family: 'Lovelace', jobTitle: 'Mathematician', bday: { month: 12, day: 10 } }],
      ['web', { id: 'w1', family: 'King', department: 'Maths', bday: { year: 1815, month: 12, day: 10 } }],
    ]);
    expect(merged?.given?.source).toEqual(ref('local', 'l1'));
    expect(merged?.family).toEqual({ value: 'Lovelace', source: ref('vcard', 'v1') });
    // A blank value is no value: the next source fills it.
    expect(merged?.jobTitle).toEqual({ value: 'Mathematician', source: ref('vcard', 'v1') });
    expect(merged?.department).toEqual({ value: 'Maths', source: ref('web', 'w1') });
    expect(merged?.bday).toEqual({ value: { month: 12, day: 10 }, source: ref('vcard', 'v1') });
  });

  it('takes the formatted name only from the source the name comes from', () => {
    const fromParts = compose([
      ['local', { id: 'l1', given: 'Ada', family: 'Lovelace' }],
      ['vcard', { id: 'v1', formattedName: 'Countess of Lovelace' }],
    ]);
    expect(fromParts?.formattedName).toBeUndefined();
    const unnamedPrimary = compose([
      ['local', { id: 'l1', tel: [{ value: '+1 415 555 0100' }] }],
      ['vcard', { id: 'v1', formattedName: 'Ada King' }],
    ]);
    expect(unnamedPrimary?.formattedName).toEqual({ value: 'Ada King', source: ref('vcard', 'v1') });
  });

  it('takes the name the user chose whole from its source, and the rest from the primary', () => {
    const local = {
      id: 'l1',
      given: 'Ada',
      family: 'Lovelace',
      additional: 'Byron',
      org: 'Analytical Engines',
    };
    const vcard = {
      id: 'v1',
      formattedName: 'Augusta King',
      given: 'Augusta',
      family: 'King',
      note: 'from vCard',
    };
    const sources: PointedSource[] = [
      { pointer: pointer('local', 'l1'), contact: local },
      { pointer: pointer('vcard', 'v1'), contact: vcard },
    ];
    const person: PersonRecord = {
      id: 'p1',
      pointers: sources.map((s) => s.pointer),
      reasons: [],
      nameFrom: ref('vcard', 'v1'),
    };
    const merged = composeMergedContact(person, sources, { readerLevel: 'certified', region: 'US' });
    expect(merged?.formattedName).toEqual({ value: 'Augusta King', source: ref('vcard', 'v1') });
    expect(merged?.given).toEqual({ value: 'Augusta', source: ref('vcard', 'v1') });
    expect(merged?.family).toEqual({ value: 'King', source: ref('vcard', 'v1') });
    // No middle name from the other source slips into the chosen one.
    expect(merged?.additional).toBeUndefined();
    expect(merged?.org).toEqual({ value: 'Analytical Engines', source: ref('local', 'l1') });
    expect(merged?.note).toEqual({ value: 'from vCard', source: ref('vcard', 'v1') });
    // A chosen source this reader may not read, or one without a name, leaves the primary's name.
    const hidden = { ...person, nameFrom: ref('fb', 'f1') };
    const unnamed = composeMergedContact(
      { ...person, pointers: [...person.pointers, pointer('fb', 'f1')], nameFrom: ref('fb', 'f1') },
      [...sources, { pointer: pointer('fb', 'f1'), contact: { id: 'f1', note: 'no name' } }],
      { readerLevel: 'certified', region: 'US' },
    );
    expect(
      composeMergedContact(hidden, sources, { readerLevel: 'privileged', region: 'US' })?.given?.value,
    ).toBe('Ada');
    expect(unnamed?.given?.value).toBe('Ada');
  });

  it('takes the photo from the primary, else from the next source with one', () => {
    const merged = compose([
      ['local', { id: 'l1', given: 'Ada' }],
      ['vcard', { id: 'v1', photo: { id: 'sha-1', thumbnailId: 'sha-1t', mediaType: 'image/png' } }],
      ['web', { id: 'w1', photo: { id: 'sha-2', mediaType: 'image/jpeg' } }],
    ]);
    expect(merged?.photo).toEqual({
      value: { id: 'sha-1', thumbnailId: 'sha-1t', mediaType: 'image/png' },
      source: ref('vcard', 'v1'),
    });
  });

  it('marks favourite and ICE when any source does, naming the first that does', () => {
    const merged = compose([
      ['local', { id: 'l1', given: 'Ada', favorite: false }],
      ['vcard', { id: 'v1', favorite: true }],
      ['web', { id: 'w1', ice: true, favorite: true }],
    ]);
    expect(merged?.favorite).toEqual({ value: true, source: ref('vcard', 'v1') });
    expect(merged?.ice).toEqual({ value: true, source: ref('web', 'w1') });
    const neither = compose([['local', { id: 'l1', given: 'Ada', favorite: false }]]);
    expect(neither?.favorite).toBeUndefined();
    expect(neither?.ice).toBeUndefined();
  });

  it('keeps the latest updatedAt of its sources', () => {
    const merged = compose([
      ['local', { id: 'l1', given: 'Ada', updatedAt: 100 }],
      ['vcard', { id: 'v1', updatedAt: 300 }],
      ['web', { id: 'w1' }],
    ]);
    expect(merged?.updatedAt).toBe(300);
  });
});

describe('composeMergedContact: multi-valued fields', () => {
  it('unites phones without duplicates, gathering types and preference', () => {
    const merged = compose([
      ['local', { id: 'l1', tel: [{ value: '+1 (415) 555-0100', type: ['cell'] }, { value: '  ' }] }],
      [
        'vcard',
        { id: 'v1', tel: [{ value: '+1 415 555 0100', type: ['voice'], pref: true, label: 'Mobile' }] },
      ],
      ['web', { id: 'w1', tel: [{ value: '+1-212-555-0199' }] }],
    ]);
    expect(merged?.tel).toEqual([
      {
        value: { value: '+1 (415) 555-0100', type: ['cell', 'voice'], pref: true, label: 'Mobile' },
        source: ref('local', 'l1'),
        alsoIn: [ref('vcard', 'v1')],
      },
      { value: { value: '+1-212-555-0199' }, source: ref('web', 'w1'), alsoIn: [] },
    ]);
  });

  it('knows a national and an international spelling of one number, but keeps extensions and short codes apart', () => {
    const merged = compose([
      ['local', { id: 'l1', tel: [{ value: '(415) 555-0100' }, { value: '+1 415 555 0100 ext. 12' }] }],
      ['vcard', { id: 'v1', tel: [{ value: '+14155550100' }, { value: '112' }, { value: '911' }] }],
      ['web', { id: 'w1', tel: [{ value: '001 415 555 0100' }, { value: '112' }] }],
    ]);
    // `00` is read as an international prefix even in the US (address books travel): one number.
    expect(merged?.tel.map((t) => [t.value.value, t.alsoIn.map((r) => r.provider)])).toEqual([
      ['(415) 555-0100', ['vcard', 'web']],
      ['+1 415 555 0100 ext. 12', []],
      ['112', ['web']],
      ['911', []],
    ]);
  });

  it('unites emails case-insensitively, keeping the first spelling', () => {
    const merged = compose([
      ['local', { id: 'l1', email: [{ value: 'Ada@Example.org' }] }],
      ['vcard', { id: 'v1', email: [{ value: ' ada@example.ORG ' }, { value: 'ada@work.example' }] }],
    ]);
    expect(merged?.email.map((e) => [e.value.value, e.source.provider, e.alsoIn.length])).toEqual([
      ['Ada@Example.org', 'local', 1],
      ['ada@work.example', 'vcard', 0],
    ]);
  });

  it('unites urls, addresses, categories and nicknames without duplicates', () => {
    const merged = compose([
      [
        'local',
        {
          id: 'l1',
          url: [{ value: 'https://Example.org/' }],
          adr: [{ street: '12 St James Sq', locality: 'London', type: ['home'] }],
          category: ['Family', 'Friends'],
          nickname: ['Ada'],
        },
      ],
      [
        'vcard',
        {
          id: 'v1',
          url: [{ value: 'https://example.org' }, { value: 'https://example.org/Path' }],
          adr: [
            { street: '12  st james sq', locality: 'LONDON', type: ['work'] },
            { street: 'Ockham Park', locality: 'Surrey' },
            {},
          ],
          category: [' family ', 'Mathematics'],
          nickname: ['ada', 'Enchantress'],
        },
      ],
    ]);
    expect(merged?.url.map((u) => u.value.value)).toEqual([
      'https://Example.org/',
      'https://example.org/Path',
    ]);
    expect(merged?.adr.map((a) => a.value.street)).toEqual(['12 St James Sq', 'Ockham Park']);
    expect(merged?.adr[0]?.alsoIn).toEqual([ref('vcard', 'v1')]);
    expect(merged?.category.map((c) => c.value)).toEqual(['Family', 'Friends', 'Mathematics']);
    expect(merged?.nickname.map((n) => n.value)).toEqual(['Ada', 'Enchantress']);
  });

  it('does not name a source twice when it repeats an entry', () => {
    const merged = compose([
      ['local', { id: 'l1', email: [{ value: 'a@x.org' }, { value: 'A@X.org' }] }],
      ['vcard', { id: 'v1', email: [{ value: 'a@x.org' }, { value: 'a@x.org' }] }],
    ]);
    expect(merged?.email).toEqual([
      { value: { value: 'a@x.org' }, source: ref('local', 'l1'), alsoIn: [ref('vcard', 'v1')] },
    ]);
  });
});

describe('composeMergedContact: what the reader may read', () => {
  const records: Array<[string, Contact | undefined]> = [
    [
      'fb',
      {
        id: 'f1',
        given: 'Augusta',
        family: 'King',
        tel: [{ value: '+1 415 555 0100' }, { value: '+44 20 7946 0001' }],
        email: [{ value: 'augusta@fb.example' }],
        photo: { id: 'fb-photo', mediaType: 'image/jpeg' },
        favorite: true,
        note: 'from facebook',
      },
    ],
    ['local', { id: 'l1', given: 'Ada', tel: [{ value: '+1 415 555 0100' }] }],
  ];

  it('falls back to the next readable pointer when the primary is above the reader', () => {
    const merged = compose(records, 'privileged');
    expect(merged?.sources).toEqual([ref('local', 'l1')]);
    expect(merged?.given).toEqual({ value: 'Ada', source: ref('local', 'l1') });
    expect(merged?.tel).toEqual([
      { value: { value: '+1 415 555 0100' }, source: ref('local', 'l1'), alsoIn: [] },
    ]);
    const text = JSON.stringify(merged);
    for (const fbValue of [
      'Augusta',
      'King',
      '7946',
      'augusta@',
      'fb-photo',
      'from facebook',
      'f1',
      '"fb"',
    ]) {
      expect(text).not.toContain(fbValue);
    }
    expect(merged?.favorite).toBeUndefined();
  });

  it('gives a certified reader everything, with facebook as primary', () => {
    const merged = compose(records, 'certified');
    expect(merged?.given?.value).toBe('Augusta');
    expect(merged?.tel[0]?.alsoIn).toEqual([ref('local', 'l1')]);
    expect(merged?.favorite?.source).toEqual(ref('fb', 'f1'));
  });

  it('ignores a record passed in for a pointer above the reader, whatever the caller did', () => {
    const fb = pointer('fb', 'f1');
    const person: PersonRecord = { id: 'p1', pointers: [fb], reasons: [] };
    const merged = composeMergedContact(person, [{ pointer: fb, contact: { id: 'f1', given: 'Leaked' } }], {
      readerLevel: 'privileged',
      region: 'US',
    });
    expect(merged).toBeUndefined();
    // A pointer relabelled down in the person does not help either: the source's own level counts too.
    const relabelled: PersonRecord = { id: 'p1', pointers: [{ ...fb, accessLevel: 'web' }], reasons: [] };
    expect(
      composeMergedContact(relabelled, [{ pointer: fb, contact: { id: 'f1', given: 'Leaked' } }], {
        readerLevel: 'privileged',
        region: 'US',
      }),
    ).toBeUndefined();
  });

  it('skips a vanished primary record and composes from the next', () => {
    const merged = compose([
      ['local', undefined],
      ['vcard', { id: 'v1', given: 'Ada' }],
    ]);
    expect(merged?.sources).toEqual([ref('vcard', 'v1')]);
    expect(merged?.given?.source).toEqual(ref('vcard', 'v1'));
  });

  it('composes nothing for a person with no readable existing source', () => {
    expect(compose([['fb', { id: 'f1', given: 'Augusta' }]], 'privileged')).toBeUndefined();
    expect(compose([['local', undefined]], 'certified')).toBeUndefined();
    expect(compose([], 'certified')).toBeUndefined();
  });

  it('ignores records for pointers the person does not have', () => {
    const person: PersonRecord = { id: 'p1', pointers: [pointer('local', 'l1')], reasons: [] };
    const merged = composeMergedContact(
      person,
      [
        { pointer: pointer('local', 'l1'), contact: { id: 'l1', given: 'Ada' } },
        { pointer: pointer('vcard', 'stranger'), contact: { id: 'stranger', email: [{ value: 'x@y.org' }] } },
      ],
      { readerLevel: 'certified', region: 'US' },
    );
    expect(merged?.sources).toEqual([ref('local', 'l1')]);
    expect(merged?.email).toEqual([]);
  });

  it('rejects a bad reader level or person with a clear error', () => {
    const person: PersonRecord = { id: 'p1', pointers: [], reasons: [] };
    expect(() =>
      composeMergedContact(person, [], { readerLevel: 'root' as AccessLevel, region: 'US' }),
    ).toThrow(/unknown reader level "root"/);
    expect(() =>
      composeMergedContact({ id: 'p1' } as PersonRecord, [], { readerLevel: 'web', region: 'US' }),
    ).toThrow(/needs an id and pointers/);
  });
});

describe('composeMergedContact: properties', () => {
  const providers = ['local', 'vcard', 'fb', 'web'] as const;
  const level = fc.constantFrom<AccessLevel>('web', 'privileged', 'certified');
  const source = fc.record({
    provider: fc.constantFrom(...providers),
    exists: fc.boolean(),
    given: fc.option(fc.constantFrom('Ada', 'Alan', ''), { nil: undefined }),
    emails: fc.array(fc.constantFrom('a@x.org', 'A@X.ORG', 'b@x.org', 'c@y.org'), { maxLength: 3 }),
  });

  it('never contains a source above the reader, never repeats an email, and is empty only when nothing is readable', () => {
    fc.assert(
      fc.property(fc.array(source, { maxLength: 5 }), level, (drawn, readerLevel) => {
        const records: Array<[string, Contact | undefined]> = drawn.map((d, i) => [
          d.provider,
          d.exists
            ? {
                id: `${d.provider}${i}`,
                ...(d.given === undefined ? {} : { given: d.given }),
                email: d.emails.map((value) => ({ value })),
              }
            : undefined,
        ]);
        const merged = compose(records, readerLevel);
        const rank = { web: 0, privileged: 1, certified: 2 };
        const readable = drawn.filter(
          (d) => d.exists && rank[LEVELS[d.provider] ?? 'web'] <= rank[readerLevel],
        );
        if (readable.length === 0) return merged === undefined;
        if (merged === undefined) return false;
        const allowed = merged.sources.every((s) => rank[LEVELS[s.provider] ?? 'web'] <= rank[readerLevel]);
        const keys = merged.email.map((e) => e.value.value.toLowerCase());
        const expectedEmails = new Set(readable.flatMap((d) => d.emails.map((e) => e.toLowerCase())));
        return (
          allowed &&
          merged.sources.length === readable.length &&
          new Set(keys).size === keys.length &&
          keys.length === expectedEmails.size
        );
      }),
    );
  });
});
