import { serialize } from 'node:v8';
import { buildCollationTable, type MergedContact, mergedNameTexts, nameWords } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterGroupOfEntry } from './contactsQueries';
import { listOrderOf, listPosition, orderOf, sectionOf } from './listPosition';
import { listWordsOf } from './listWords';
import { listEntryOf, projectContact } from './projectContact';
import { emailWords, queryWords } from './searchText';

const local = { provider: 'local', contactId: 'l1' };
const fb = { provider: 'facebook-sim', contactId: 'f1' };
const settings = { collation: buildCollationTable('en') };
const { collation } = settings;

function merged(fields: Partial<MergedContact>): MergedContact {
  return mergedContact({ sources: [local], ...fields });
}

const text = (value: string) => ({ value, source: local });

/** The person of a typical row in the bench's book. */
const lea = merged({
  personId: '01a237ff-5c1e-7a3b-9d2e-4f6a8b0c1d2e',
  given: text('Léa'),
  family: text('Michel'),
  formattedName: text('Léa Michel'),
  org: text('Société Générale de Démo'),
  email: [{ value: { value: 'lea.michel@example.org' }, source: local, alsoIn: [] }],
  tel: [{ value: { value: '+33 6 94 80 73 01', type: ['cell'] }, source: local, alsoIn: [] }],
});

describe('list entry projection', () => {
  it('stores a typical person in a few fields, each needed: nothing that follows from the others', () => {
    const entry = listEntryOf(lea, settings);
    expect(entry).toEqual({
      personId: lea.personId,
      displayName: 'Léa Michel',
      positions: [
        listPosition('givenFirst', 'all', '1', collation.sortKey('Léa Michel')),
        listPosition('familyFirst', 'all', '1', collation.sortKey('Michel Léa')),
      ],
      emails: ['lea.michel@example.org'],
      phones: [{ value: '+33 6 94 80 73 01' }],
      org: 'Société Générale de Démo',
      nameTokens: ['lea', 'michel'],
      orgTokens: ['societe', 'generale', 'de', 'demo'],
    });
    // 990 bytes before the compact row (groups, flags, ids in the places, every word list stored).
    expect(serialize(entry).length).toBeLessThanOrEqual(450);
  });

  it('derives what it leaves out exactly as it would have stored it', () => {
    expect(listWordsOf(listEntryOf(lea, settings))).toEqual({
      nameTokens: ['lea', 'michel'],
      nameLead: 'lea',
      orgTokens: ['societe', 'generale', 'de', 'demo'],
      emailTokens: ['lea.michel@example.org', 'lea', 'michel', 'example', 'org'],
    });
    const entry = listEntryOf(lea, settings);
    expect([
      letterGroupOfEntry(collation, entry, 'givenFirst'),
      letterGroupOfEntry(collation, entry, 'familyFirst'),
    ]).toEqual([collation.groupOf('Léa'), collation.groupOf('Michel')]);
  });

  it('makes a compact entry: name, sort key, group, flags, thumbnail and search words', () => {
    const entry = listEntryOf(
      merged({
        given: { value: 'Émile', source: local },
        family: { value: "O'Brien", source: local },
        nickname: [{ value: 'Mimi', source: local, alsoIn: [] }],
        org: { value: 'Acme Widgets', source: local },
        email: [{ value: { value: 'Emile@Example.org' }, source: local, alsoIn: [] }],
        tel: [{ value: { value: '+1 (415) 555-0101', label: 'Mobile' }, source: local, alsoIn: [] }],
        photo: { value: { id: 'big', thumbnailId: 'small', mediaType: 'image/png' }, source: fb },
        favorite: { value: true, source: local },
      }),
      settings,
    );
    expect(entry).toMatchObject({
      personId: 'p1',
      displayName: "Émile O'Brien",
      favorite: true,
      org: 'Acme Widgets',
      thumbnail: { source: fb, blobId: 'small', mediaType: 'image/png' },
      emails: ['Emile@Example.org'],
      phones: [{ value: '+1 (415) 555-0101' }],
    });
    expect(entry.ice).toBeUndefined();
    expect(letterGroupOfEntry(collation, entry, 'givenFirst')).toMatchObject({ label: 'E', kind: 'latin' });
    expect([...entry.nameTokens].sort()).toEqual(['brien', 'emile', 'mimi', 'o', 'obrien']);
    const words = listWordsOf(entry);
    expect(words.orgTokens).toEqual(['acme', 'widgets']);
    expect(words.emailTokens).toContain('emile@example.org');
    expect(listOrderOf(entry.positions)).toBe(`1${collation.sortKey("Émile O'Brien")}`);
    expect(entry.positions.map(sectionOf)).toEqual(['all', 'favorites', 'all', 'favorites']);
  });

  it('files a person without a name under its organisation, email or number', () => {
    const byOrg = listEntryOf(merged({ org: { value: 'Zeta Corp', source: local } }), settings);
    expect([byOrg.displayName, letterGroupOfEntry(collation, byOrg, 'givenFirst').label]).toEqual([
      'Zeta Corp',
      'Z',
    ]);
    expect(listWordsOf(byOrg).nameTokens).toEqual(['zeta', 'corp']);
    const byNumber = listEntryOf(
      merged({ tel: [{ value: { value: '+1 212 555 0199' }, source: local, alsoIn: [] }] }),
      settings,
    );
    expect(byNumber.displayName).toBe('+1 212 555 0199');
    expect(letterGroupOfEntry(collation, byNumber, 'givenFirst')).toMatchObject({
      label: '#',
      kind: 'number',
    });
    expect(byNumber.positions[0]?.charAt(2)).toBe('2');
  });

  it('keys a person in both name orders, and still shows the name as written', () => {
    const entry = listEntryOf(
      merged({ given: { value: 'Ada', source: local }, family: { value: 'Lovelace', source: local } }),
      settings,
    );
    expect(entry.displayName).toBe('Ada Lovelace');
    expect(
      (['givenFirst', 'familyFirst'] as const).map(
        (order) => letterGroupOfEntry(collation, entry, order).label,
      ),
    ).toEqual(['A', 'L']);
    // The sort keys are in the positions only, and the person id is not in them: it is the row's key.
    expect(entry.positions).toEqual([
      listPosition('givenFirst', 'all', '1', collation.sortKey('Ada Lovelace')),
      listPosition('familyFirst', 'all', '1', collation.sortKey('Lovelace Ada')),
    ]);
    expect(Object.keys(entry).sort()).toEqual([
      'displayName',
      'emails',
      'nameTokens',
      'personId',
      'phones',
      'positions',
    ]);
    // One position per order: the given-name positions sort after every family-name one.
    expect(entry.positions.map(orderOf)).toEqual(['givenFirst', 'familyFirst']);
  });

  it('puts an ICE favourite in three sections and stores only its list row', () => {
    const person = merged({
      given: { value: 'Ada', source: local },
      favorite: { value: true, source: local },
      ice: { value: true, source: local },
    });
    const rows = projectContact(settings)(person, { id: 'p1', pointers: [], reasons: [] });
    const [list] = rows.list as Array<ReturnType<typeof listEntryOf>>;
    expect(list?.positions.map(sectionOf)).toEqual(['all', 'favorites', 'ice', 'all', 'favorites', 'ice']);
    expect([list?.favorite, list?.ice]).toEqual([true, true]);
    expect(Object.keys(rows)).toEqual(['list']);
  });

  it('loses no search word: what it stores and derives is what the full row held', () => {
    const word = fc.constantFrom('Ada', 'Jean-Luc', "O'Brien", 'Émile', 'de', 'Zoë', 'x', '  ', 'Ω', '山田');
    const words = fc.array(word, { maxLength: 3 }).map((parts) => parts.join(' '));
    const optional = fc.option(words, { nil: undefined });
    fc.assert(
      fc.property(
        optional,
        optional,
        optional,
        optional,
        optional,
        optional,
        (given, family, nick, org, department, email) => {
          const person = merged({
            ...(given === undefined ? {} : { given: text(given) }),
            ...(family === undefined ? {} : { family: text(family) }),
            nickname: nick === undefined ? [] : [{ ...text(nick), alsoIn: [] }],
            ...(org === undefined ? {} : { org: text(org) }),
            ...(department === undefined ? {} : { department: text(department) }),
            email:
              email === undefined ? [] : [{ value: { value: `${email}@x.org` }, source: local, alsoIn: [] }],
          });
          const entry = listEntryOf(person, settings);
          // The row as it was stored before it was compact (projection version 4).
          const nameTokens = new Set(mergedNameTexts(person).flatMap((t) => nameWords(t)));
          if (nameTokens.size === 0) for (const w of nameWords(entry.displayName)) nameTokens.add(w);
          const emails = person.email.map((e) => e.value.value.trim()).filter((v) => v !== '');
          expect(listWordsOf(entry)).toEqual({
            nameTokens: [...nameTokens],
            nameLead: queryWords(entry.displayName)[0] ?? '',
            orgTokens: [...new Set([org, department].flatMap((t) => (t === undefined ? [] : nameWords(t))))],
            emailTokens: [...new Set(emails.flatMap(emailWords))],
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
