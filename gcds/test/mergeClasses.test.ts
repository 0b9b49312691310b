import type { Contact } from '@gcds/shared';
import { sourceKey } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { clusterSources } from '../src/clustering';
import { sourceMatchKeys } from '../src/matchKeys';
import { holderConflict, sharedIdentifiers } from '../src/sharedIdentifiers';
import { SUGGESTION_THRESHOLD, suggestionFor } from '../src/suggestions';
import type { SourceRecord } from '../src/types';

type Card = [provider: string, id: string, fields: Omit<Contact, 'id'>];

function sourceOf([provider, id, fields]: Card): SourceRecord {
  return {
    key: sourceKey({ provider, contactId: id }),
    provider,
    contactId: id,
    accessLevel: 'privileged',
    revision: 1,
    personId: '',
    originPersonId: id,
    ...sourceMatchKeys({ id, ...fields }, 'US'),
  };
}

/** The people passive merge makes of the cards, as sorted `id+id` groups, the whole book at once. */
function people(...cards: Card[]): string[] {
  const sources = cards.map(sourceOf);
  return clusterSources(sources, [], sharedIdentifiers(sources))
    .map((cluster) =>
      cluster.members
        .map((member) => member.contactId)
        .sort()
        .join('+'),
    )
    .sort();
}

const cell = (value: string) => ({ value, type: ['cell'] });
const home = (value: string) => ({ value, type: ['home'] });
const work = (value: string) => ({ value, type: ['work'] });
const mail = (value: string) => ({ value });
const MOBILE = '+1 415 555 0142';
const OTHER = '+1 212 555 0199';
const LANDLINE = '+1 617 555 0123';
const MAIN = '+1 312 555 0100';

describe('several numbers and addresses: each source knows a subset', () => {
  it('merges a shared email with different phones, and a shared mobile with a different second email', () => {
    expect(
      people(
        [
          'phone',
          'a',
          { given: 'Terri', family: 'Moore', tel: [cell(MOBILE)], email: [mail('t@home.example')] },
        ],
        [
          'google',
          'b',
          { given: 'Terri', family: 'Moore', tel: [cell(OTHER)], email: [mail('t@home.example')] },
        ],
        [
          'outlook',
          'c',
          { given: 'Terri', family: 'Moore', tel: [cell(MOBILE)], email: [mail('t@work.example')] },
        ],
      ),
    ).toEqual(['a+b+c']);
  });

  it('never merges different family names, whatever they share', () => {
    expect(
      people(
        [
          'phone',
          'a',
          { given: 'Terri', family: 'Moore', tel: [cell(MOBILE)], email: [mail('t@home.example')] },
        ],
        [
          'google',
          'b',
          { given: 'Terri', family: 'Rogers', tel: [cell(MOBILE)], email: [mail('t@home.example')] },
        ],
      ),
    ).toEqual(['a', 'b']);
  });
});

describe('names written differently by each exporter', () => {
  it('merges "Moore, Terri", "Terri Moore" and "TERRI  moore"', () => {
    expect(
      people(
        ['outlook', 'a', { formattedName: 'Moore, Terri', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Terri', family: 'Moore', tel: [cell(MOBILE)] }],
        ['social', 'c', { formattedName: 'TERRI  moore', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a+b+c']);
  });

  it('never merges "Moore, Terri" with a Terri of another family name', () => {
    expect(
      people(
        ['outlook', 'a', { formattedName: 'Moore, Terri', tel: [cell(MOBILE)] }],
        ['google', 'b', { formattedName: 'Terri Morse', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a', 'b']);
  });

  it('merges "Ruth J. Rogers", "Ruth Jean Rogers" and "Ruth Rogers"', () => {
    expect(
      people(
        ['outlook', 'a', { formattedName: 'Rogers, Ruth J.', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Ruth', additional: 'Jean', family: 'Rogers', tel: [cell(MOBILE)] }],
        ['phone', 'c', { given: 'Ruth', family: 'Rogers', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a+b+c']);
  });

  it('never puts "Ruth J. Rogers" and "Ruth K. Rogers" in one person, not even through "Ruth Rogers"', () => {
    const groups = people(
      [
        'outlook',
        'a',
        { formattedName: 'Ruth J. Rogers', tel: [cell(MOBILE)], email: [mail('r@x.example')] },
      ],
      ['google', 'b', { formattedName: 'Ruth K. Rogers', email: [mail('r@x.example')] }],
      ['phone', 'c', { given: 'Ruth', family: 'Rogers', tel: [cell(MOBILE)], email: [mail('r@x.example')] }],
    );
    expect(groups.some((group) => group.includes('a') && group.includes('b'))).toBe(false);
  });

  it('merges nicknames with the names they stand for', () => {
    const pairs = [
      ['Terri', 'Theresa'],
      ['Pam', 'Pamela'],
      ['Cindy', 'Cynthia'],
      ['Matt', 'Matthew'],
      ['Bill', 'William'],
      ['Jackie', 'Jacqueline'],
    ];
    for (const [nick, full] of pairs) {
      expect(
        people(
          ['phone', 'a', { given: nick, family: 'Moore', tel: [cell(MOBILE)] }],
          ['google', 'b', { given: full, additional: 'J.', family: 'Moore', tel: [cell(MOBILE)] }],
        ),
        `${nick} / ${full}`,
      ).toEqual(['a+b']);
    }
  });

  it('never merges names that are not nicknames of one another ("Jack" is John, "Jackie" Jacqueline)', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Jack', family: 'Moore', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Jackie', family: 'Moore', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a', 'b']);
  });

  it('merges diacritics present or lost, and never a different name that folds alike', () => {
    expect(
      people(
        ['phone', 'a', { given: 'François', family: 'Ødegård', tel: [cell(MOBILE)] }],
        ['social', 'b', { formattedName: 'Francois Odegard', tel: [cell(MOBILE)] }],
        ['google', 'c', { given: 'Frances', family: 'Odegard', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a+b', 'c']);
  });
});

describe('a first name only on the phone', () => {
  it('merges "Noah" with "Noah Pham" on his mobile, and the mobile stays his', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Noah', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Noah', family: 'Pham', tel: [cell(MOBILE)] }],
        ['outlook', 'c', { formattedName: 'Pham, Noah', tel: [cell(MOBILE)], email: [mail('n@x.example')] }],
      ),
    ).toEqual(['a+b+c']);
  });

  it('never merges "Noah" with another name, nor on a number differently named people hold', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Noah', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Emma', family: 'Pham', tel: [cell(MOBILE)] }],
      ),
    ).toEqual(['a', 'b']);
    // Linh keeps Noah's mobile on her card: "Noah" could be anyone holding it, the full names still merge.
    expect(
      people(
        ['phone', 'a', { given: 'Noah', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'Noah', family: 'Pham', tel: [cell(MOBILE)] }],
        ['outlook', 'c', { given: 'Noah', family: 'Pham', tel: [cell(MOBILE)] }],
        ['phone', 'd', { given: 'Linh', family: 'Pham', tel: [cell(OTHER), cell(MOBILE)] }],
      ),
    ).toEqual(['a', 'b+c', 'd']);
  });

  it('is no reason to call the number shared; two names that cannot be one person are', () => {
    const noah = sourceOf(['phone', 'a', { given: 'Noah', tel: [cell(MOBILE)] }]);
    const noahPham = sourceOf(['google', 'b', { given: 'Noah', family: 'Pham', tel: [cell(MOBILE)] }]);
    const emma = sourceOf(['google', 'c', { given: 'Emma', family: 'Pham', tel: [cell(MOBILE)] }]);
    const alex = sourceOf(['google', 'd', { given: 'Alex', family: 'Pham', tel: [cell(MOBILE)] }]);
    const alexander = sourceOf(['google', 'e', { given: 'Alexander', family: 'Pham', tel: [cell(MOBILE)] }]);
    const alexandra = sourceOf(['google', 'f', { given: 'Alexandra', family: 'Pham', tel: [cell(MOBILE)] }]);
    expect(holderConflict([noah, noahPham])).toBe('none');
    expect(holderConflict([noah, noahPham, emma])).toBe('shared');
    expect(holderConflict([alex, alexander, alexandra])).toBe('ambiguous');
  });
});

describe('duplicates inside one source', () => {
  it('merges the same card twice in one export, with the same numbers', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE), home(LANDLINE)] }],
        ['phone', 'b', { given: 'Ada', family: 'Lovelace', tel: [home(LANDLINE), cell(MOBILE)] }],
      ),
    ).toEqual(['a+b']);
  });

  it('never merges two cards of one export that share only some of their numbers, or only an email', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE)] }],
        ['phone', 'b', { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE), cell(OTHER)] }],
        ['phone', 'c', { given: 'Ada', family: 'Lovelace', email: [mail('ada@x.example')] }],
        ['phone', 'd', { given: 'Ada', family: 'Lovelace', email: [mail('ada@x.example')] }],
      ),
    ).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('company cards', () => {
  it('merges a company card in two exports on its main or work number', () => {
    expect(
      people(
        ['phone', 'a', { formattedName: 'Tidewater Freight', org: 'Tidewater Freight', tel: [work(MAIN)] }],
        ['outlook', 'b', { org: 'Tidewater Freight', tel: [{ value: MAIN, type: ['main'] }] }],
      ),
    ).toEqual(['a+b']);
  });

  it('never merges a company card with its employees, colleagues on the main number, or another company', () => {
    expect(
      people(
        ['phone', 'a', { formattedName: 'Tidewater Freight', org: 'Tidewater Freight', tel: [work(MAIN)] }],
        ['google', 'b', { given: 'Sam', family: 'Jones', org: 'Tidewater Freight', tel: [work(MAIN)] }],
        ['outlook', 'c', { given: 'Sam', family: 'Jones', org: 'Tidewater Freight', tel: [work(MAIN)] }],
        ['google', 'd', { given: 'Ann', family: 'Lee', org: 'Tidewater Freight', tel: [work(MAIN)] }],
        ['outlook', 'e', { org: 'Tidewater Dental', tel: [work(MAIN)] }],
      ),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('pairs linked only through a third card', () => {
  it('merges a phone-only card and an email-only card through a card with both', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE)] }],
        ['social', 'b', { formattedName: 'Ada Lovelace', email: [mail('ada@x.example')] }],
        [
          'google',
          'c',
          { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE)], email: [mail('ada@x.example')] },
        ],
      ),
    ).toEqual(['a+b+c']);
  });

  it('never chains the third card into a name it contradicts', () => {
    const groups = people(
      ['phone', 'a', { given: 'Ada', family: 'Lovelace', tel: [cell(MOBILE)] }],
      ['social', 'b', { formattedName: 'Ada Byron', email: [mail('ada@x.example')] }],
      ['google', 'c', { given: 'Ada', tel: [cell(MOBILE)], email: [mail('ada@x.example')] }],
    );
    expect(groups.some((group) => group.includes('a') && group.includes('b'))).toBe(false);
  });
});

describe('nothing in common but the name', () => {
  const outlook: Card = [
    'outlook',
    'a',
    { given: 'Sam', family: 'Jones', org: 'Acme Ltd', tel: [work(MAIN)] },
  ];
  const social: Card = [
    'social',
    'b',
    { formattedName: 'Sam Jones', org: 'Acme Ltd', email: [mail('s@x.example')] },
  ];

  it('never merges, but suggests the same name and employer, higher than the name alone', () => {
    expect(people(outlook, social)).toEqual(['a', 'b']);
    const withEmployer = suggestionFor(sourceOf(outlook), sourceOf(social));
    const [, , fields] = social;
    const nameOnly = suggestionFor(
      sourceOf(outlook),
      sourceOf(['social', 'c', { ...fields, org: 'Other Inc' }]),
    );
    expect(withEmployer?.reasons).toContain('org:acme ltd');
    expect(withEmployer!.score).toBeGreaterThan(nameOnly!.score);
    expect(nameOnly!.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
  });

  it('suggests nothing for different names on one switchboard', () => {
    const other: Card = ['google', 'c', { given: 'Ann', family: 'Lee', org: 'Acme Ltd', tel: [work(MAIN)] }];
    expect(suggestionFor(sourceOf(outlook), sourceOf(other))).toBeUndefined();
  });
});

describe('what must stay apart', () => {
  it('keeps parent and child apart (Jr., Sr., II, III), even on a shared landline and email', () => {
    for (const [parent, child] of [
      [undefined, 'Jr.'],
      ['Sr.', 'Jr.'],
      ['II', 'III'],
    ]) {
      const shared = { tel: [home(LANDLINE)], email: [mail('browns@x.example')] };
      expect(
        people(
          [
            'phone',
            'a',
            { given: 'Robert', family: 'Brown', ...(parent ? { suffix: parent } : {}), ...shared },
          ],
          ['google', 'b', { given: 'Robert', family: 'Brown', suffix: child, ...shared }],
          ['outlook', 'c', { formattedName: `Robert Brown ${child}`, ...shared }],
        ),
      ).toEqual(['a', 'b+c']);
    }
  });

  it('keeps a child whose export dropped the "Jr." from the parent: each has a mobile of their own', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Robert', family: 'Brown', tel: [cell(MOBILE), home(LANDLINE)] }],
        ['google', 'b', { given: 'Robert', family: 'Brown', tel: [cell(OTHER), home(LANDLINE)] }],
        [
          'outlook',
          'c',
          { given: 'Robert', family: 'Brown', suffix: 'Jr.', tel: [cell(OTHER), home(LANDLINE)] },
        ],
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('keeps a family on one landline apart; a full name on it still finds its own other card', () => {
    expect(
      people(
        ['phone', 'a', { given: 'Maria', family: 'Garcia', tel: [home(LANDLINE)] }],
        ['google', 'b', { given: 'Pedro', family: 'Garcia', tel: [home(LANDLINE)] }],
        ['outlook', 'c', { formattedName: 'Garcia, Maria', tel: [home(LANDLINE)] }],
        ['social', 'd', { formattedName: 'Maria', tel: [home(LANDLINE)] }],
      ),
    ).toEqual(['a+c', 'b', 'd']);
  });

  it('keeps two people of one full name with no identifier in common apart', () => {
    expect(
      people(
        ['phone', 'a', { given: 'John', family: 'Smith', tel: [cell(MOBILE)] }],
        ['google', 'b', { given: 'John', family: 'Smith', email: [mail('john@x.example')] }],
      ),
    ).toEqual(['a', 'b']);
  });
});
