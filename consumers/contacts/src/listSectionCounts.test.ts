import { buildCollationTable, type MergedContact, type NameOrder } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactListEntry } from './contactRows';
import { groupStart, orderRange, sectionStart } from './listPosition';
import { ListSectionCounts } from './listSectionCounts';
import { listEntryOf } from './projectContact';

const local = { provider: 'local', contactId: 'l1' };
const text = (value: string) => ({ value, source: local });

function row(
  personId: string,
  given: string,
  family: string,
  flags: { favorite?: boolean; ice?: boolean } = {},
) {
  const fields: Partial<MergedContact> = { personId, sources: [local] };
  if (given !== '') fields.given = text(given);
  if (family !== '') fields.family = text(family);
  if (flags.favorite) fields.favorite = { value: true, source: local };
  if (flags.ice) fields.ice = { value: true, source: local };
  return listEntryOf(mergedContact(fields), { collation: buildCollationTable('sv') });
}

/**
 * What counts over the position index say (the way the list read them before): the places of each
 * section's range, and of each letter group's, its start up to the next group's, by plain comparison.
 */
function countedByRanges(rows: readonly ContactListEntry[], order: NameOrder) {
  const collation = buildCollationTable('sv');
  const places = rows.flatMap((r) => [...new Set(r.positions)]);
  const between = (low: string, high: string) => places.filter((p) => p >= low && p < high).length;
  const end = orderRange(order).upper as string;
  const counts: Array<[string, number]> = [
    ['ice', between(sectionStart(order, 'ice'), sectionStart(order, 'favorites'))],
    ['favorites', between(sectionStart(order, 'favorites'), sectionStart(order, 'all'))],
    ...collation.groups.map((group, i): [string, number] => {
      const next = collation.groups[i + 1];
      return [group.key, between(groupStart(order, group.key), next ? groupStart(order, next.key) : end)];
    }),
  ];
  return counts.filter(([, n]) => n > 0);
}

const NAMES = [
  'Åsa',
  'Anna',
  'Örjan',
  'Zoë',
  'Émile',
  'Ödön',
  '42',
  '#tag',
  'Ängel',
  'Bo',
  'ŁUKASZ',
  '',
  ' ',
  'Чехов',
  '名',
];

describe('list section counts', () => {
  it('counts favourites, ICE and each letter group in both name orders', () => {
    const counts = ListSectionCounts.from(buildCollationTable('sv'), [
      row('p1', 'Åsa', 'Berg', { favorite: true }),
      row('p2', 'Anna', 'Öberg', { ice: true }),
      row('p3', 'Bo', 'Anka'),
    ]);
    const shown = (order: NameOrder) => counts.groups(order).map((g) => `${g.label}:${g.count}`);
    // Swedish files Å after Z, as its own letter.
    expect(shown('givenFirst')).toEqual(['ICE:1', '★:1', 'A:1', 'B:1', 'Å:1']);
    expect(shown('familyFirst')).toEqual(['ICE:1', '★:1', 'A:1', 'B:1', 'Ö:1']);
    const [ice] = counts.groups('givenFirst');
    expect(ice?.start).toBe(sectionStart('givenFirst', 'ice'));
  });

  it('moves a renamed person to its new group and forgets a removed one', () => {
    const counts = ListSectionCounts.from(buildCollationTable('sv'), [
      row('p1', 'Anna', ''),
      row('p2', 'Bo', ''),
    ]);
    counts.set('p1', row('p1', 'Zoë', ''));
    expect(counts.groups('givenFirst').map((g) => `${g.label}:${g.count}`)).toEqual(['B:1', 'Z:1']);
    counts.set('p2', undefined);
    counts.set('p2', undefined);
    expect(counts.groups('givenFirst').map((g) => `${g.label}:${g.count}`)).toEqual(['Z:1']);
  });

  it('after any sets and removals, says what counts over the index ranges would', () => {
    const person = fc.record({
      id: fc.integer({ min: 0, max: 9 }).map((n) => `p${n}`),
      given: fc.constantFrom(...NAMES),
      family: fc.constantFrom(...NAMES),
      favorite: fc.boolean(),
      ice: fc.boolean(),
      removed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), (steps) => {
        const counts = new ListSectionCounts(buildCollationTable('sv'));
        const rows = new Map<string, ContactListEntry>();
        for (const step of steps) {
          const next = step.removed ? undefined : row(step.id, step.given, step.family, step);
          counts.set(step.id, next);
          if (next === undefined) rows.delete(step.id);
          else rows.set(step.id, next);
        }
        for (const order of ['givenFirst', 'familyFirst'] as const) {
          expect(counts.groups(order).map((g) => [g.id, g.count])).toEqual(
            countedByRanges([...rows.values()], order),
          );
        }
      }),
    );
  });
});
