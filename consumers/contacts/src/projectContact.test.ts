import { buildCollationTable, type MergedContact } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { listOrderOf, listPosition, orderOf, sectionOf } from './listPosition';
import { listEntryOf, projectContact } from './projectContact';

const local = { provider: 'local', contactId: 'l1' };
const fb = { provider: 'facebook-sim', contactId: 'f1' };
const settings = { collation: buildCollationTable('en') };

function merged(fields: Partial<MergedContact>): MergedContact {
  return mergedContact({ sources: [local], ...fields });
}

describe('list entry projection', () => {
  it('makes a compact entry: name, sort key, group, flags, thumbnail and search tokens', () => {
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
      groupLabel: 'E',
      groupKind: 'latin',
      favorite: true,
      ice: false,
      org: 'Acme Widgets',
      thumbnail: { source: fb, blobId: 'small', mediaType: 'image/png' },
      emails: ['Emile@Example.org'],
      phones: [{ value: '+1 (415) 555-0101', digits: '14155550101', label: 'Mobile' }],
    });
    expect(entry.nameTokens.sort()).toEqual(['brien', 'emile', 'mimi', 'o', 'obrien']);
    expect(entry.orgTokens).toEqual(['acme', 'widgets']);
    expect(entry.emailTokens).toContain('emile@example.org');
    expect(listOrderOf(entry.positions)).toBe(`1${settings.collation.sortKey("Émile O'Brien")}`);
    expect(entry.positions.map(sectionOf)).toEqual(['all', 'favorites', 'all', 'favorites']);
  });

  it('files a person without a name under its organisation, email or number', () => {
    const byOrg = listEntryOf(merged({ org: { value: 'Zeta Corp', source: local } }), settings);
    expect([byOrg.displayName, byOrg.groupLabel, byOrg.nameTokens]).toEqual([
      'Zeta Corp',
      'Z',
      ['zeta', 'corp'],
    ]);
    const byNumber = listEntryOf(
      merged({ tel: [{ value: { value: '+1 212 555 0199' }, source: local, alsoIn: [] }] }),
      settings,
    );
    expect([byNumber.displayName, byNumber.groupLabel, byNumber.groupKind]).toEqual([
      '+1 212 555 0199',
      '#',
      'number',
    ]);
    expect(byNumber.positions[0]?.charAt(2)).toBe('2');
  });

  it('keys a person in both name orders, and still shows the name as written', () => {
    const entry = listEntryOf(
      merged({ given: { value: 'Ada', source: local }, family: { value: 'Lovelace', source: local } }),
      settings,
    );
    expect(entry.displayName).toBe('Ada Lovelace');
    expect([entry.groupLabel, entry.familyFirst.groupLabel]).toEqual(['A', 'L']);
    // The sort keys are in the places only, not again beside them.
    expect(entry.positions).toEqual([
      listPosition('givenFirst', 'all', '1', settings.collation.sortKey('Ada Lovelace'), 'p1'),
      listPosition('familyFirst', 'all', '1', settings.collation.sortKey('Lovelace Ada'), 'p1'),
    ]);
    expect(Object.keys(entry)).not.toContain('sortKey');
    expect(Object.keys(entry.familyFirst).sort()).toEqual(['groupKey', 'groupKind', 'groupLabel']);
    expect(entry.groupKeys).toEqual([`g${entry.groupKey}`, `f${entry.familyFirst.groupKey}`]);
    // One place per order: the given-name places sort after every family-name place.
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
    expect(Object.keys(rows)).toEqual(['list']);
  });
});
