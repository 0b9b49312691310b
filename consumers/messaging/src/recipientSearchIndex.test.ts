import type { Contact } from '@gcds/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergedOf } from '../test/mergedOf';
import { recipientRowOf } from './projectRecipient';
import { parseRecipientQuery } from './recipientQuery';
import type { RecipientRow } from './recipientRows';
import { rankRecipients } from './recipientSearch';
import { RecipientSearchIndex, typedForms } from './recipientSearchIndex';

function row(personId: string, fields: Omit<Contact, 'id'>): RecipientRow {
  const projected = recipientRowOf(mergedOf(fields, personId), 'GB');
  if (projected === undefined) throw new Error(`${personId} cannot be messaged`);
  return projected;
}

const BOOK = [
  row('ada', {
    given: 'Ada',
    family: 'Lovelace',
    tel: [{ value: '+44 20 7946 0958' }, { value: '07400 123456', type: ['cell'], pref: true }],
    email: [{ value: 'countess@analytical.example' }],
  }),
  row('grace', { given: 'Grace', family: 'Adams', email: [{ value: 'grace.adams@navy.example' }] }),
  row('emile', { given: 'Émile', family: 'Ådahl', tel: [{ value: '+33 6 12 34 56 78' }] }),
  row('ann', { email: [{ value: 'ada@nameless.example' }] }),
];

function shown(index: RecipientSearchIndex, query: string, limit = 10): string[] {
  const parsed = parseRecipientQuery(query);
  if (parsed === undefined) return [];
  return index.search(parsed, limit).map((s) => `${s.personId}|${s.address.value}|${s.matched}`);
}

describe('RecipientSearchIndex', () => {
  it('finds a name word prefix, several words in any order, with every address of the person', () => {
    const index = RecipientSearchIndex.from(BOOK);
    expect(shown(index, 'ada')).toEqual([
      'ada|07400 123456|name',
      'ada|+44 20 7946 0958|name',
      'ada|countess@analytical.example|name',
      'emile|+33 6 12 34 56 78|name',
      'grace|grace.adams@navy.example|name',
      'ann|ada@nameless.example|email',
    ]);
    expect(shown(index, 'lovel')).toEqual([
      'ada|07400 123456|name',
      'ada|+44 20 7946 0958|name',
      'ada|countess@analytical.example|name',
    ]);
    expect(shown(index, 'ADAHL emi')).toEqual(['emile|+33 6 12 34 56 78|name']);
    expect(shown(index, 'ada turing')).toEqual([]);
  });

  it('finds numbers by the digits of any typed form, whole numbers first', () => {
    const index = RecipientSearchIndex.from(BOOK);
    expect(shown(index, '07400')).toEqual(['ada|07400 123456|phone']);
    expect(shown(index, '+44 7400 123456')).toEqual(['ada|07400 123456|phone']);
    expect(shown(index, '0033 6 12')).toEqual(['emile|+33 6 12 34 56 78|phone']);
    expect(shown(index, '44')).toEqual(['ada|+44 20 7946 0958|phone', 'ada|07400 123456|phone']);
    expect(shown(index, '7946')).toEqual([]);
  });

  it('finds email addresses by prefix, after names, and limits', () => {
    const index = RecipientSearchIndex.from(BOOK);
    expect(shown(index, 'grace.ad')).toEqual(['grace|grace.adams@navy.example|email']);
    expect(shown(index, 'COUNTESS@')).toEqual(['ada|countess@analytical.example|email']);
    expect(shown(index, 'ada@')).toEqual(['ann|ada@nameless.example|email']);
    expect(shown(index, 'ada', 2)).toEqual(['ada|07400 123456|name', 'ada|+44 20 7946 0958|name']);
  });

  it('follows a person changed, added and removed after its haystacks were built', () => {
    const index = RecipientSearchIndex.from(BOOK);
    expect(shown(index, 'grace')).toEqual(['grace|grace.adams@navy.example|name']);
    index.set('grace', row('grace', { given: 'Grace', family: 'Hopper', tel: [{ value: '020 7946 0001' }] }));
    index.set('ada', undefined);
    index.set('new', row('new', { given: 'Adah', tel: [{ value: '07400 999999' }] }));
    expect(shown(index, 'grace')).toEqual(['grace|020 7946 0001|name']);
    expect(shown(index, 'adams')).toEqual([]);
    expect(shown(index, 'hop')).toEqual(['grace|020 7946 0001|name']);
    expect(shown(index, 'lovelace')).toEqual([]);
    expect(shown(index, 'ada')).toEqual([
      'new|07400 999999|name',
      'emile|+33 6 12 34 56 78|name',
      'ann|ada@nameless.example|email',
    ]);
    expect(shown(index, '07400')).toEqual(['new|07400 999999|phone']);
    expect(index.stats().people).toBe(4);
  });

  it('rebuilds once many people changed, and answers the same after', () => {
    const people = Array.from({ length: 300 }, (_, i) =>
      row(`p${String(i).padStart(3, '0')}`, {
        given: 'Person',
        family: `Fam${i}`,
        tel: [{ value: `0207946${i}` }],
      }),
    );
    const index = RecipientSearchIndex.from(people);
    expect(shown(index, 'fam299')).toEqual(['p299|0207946299|name']);
    // More changes than it ranks one by one (256): the next search lays the haystacks out again.
    for (const person of people.slice(0, 260))
      index.set(
        person.personId,
        row(person.personId, { given: 'Renamed', tel: person.phones.map(({ value }) => ({ value })) }),
      );
    expect(shown(index, 'renamed', 2)).toEqual(['p000|02079460|name', 'p001|02079461|name']);
    expect(shown(index, 'fam2', 1)).toEqual(['p260|0207946260|name']);
    expect(shown(index, 'fam', 1000)).toHaveLength(40);
    expect(index.stats()).toMatchObject({ people: 300 });
    expect(index.stats().approximateBytes).toBeGreaterThan(300 * 200);
  });

  it('lays out every typed form of a number once', () => {
    const [phone] = row('x', { given: 'X', tel: [{ value: '020 7946 0958' }] }).phones;
    expect(typedForms(phone!.keys)).toEqual(['02079460958', '442079460958', '2079460958']);
    const [short] = row('y', { given: 'Y', tel: [{ value: '112' }] }).phones;
    expect(typedForms(short!.keys)).toEqual(['112']);
  });
});

describe('RecipientSearchIndex against ranking every person', () => {
  const syllable = fc.constantFrom('an', 'ada', 'bo', 'ann', 'al', 'b');
  const name = fc.array(syllable, { minLength: 0, maxLength: 2 }).map((parts) => parts.join(' '));
  const number = fc.constantFrom(
    '112',
    '020 7946 0958',
    '+44 20 7946 0000',
    '07400 123456',
    '+1 415 555 0101',
  );
  const email = fc.constantFrom('ada@x.example', 'an@y.example', 'bob@ada.example', 'a@b');
  const person = fc.record({
    personId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    given: name,
    tel: fc.array(
      number.map((value) => ({ value })),
      { maxLength: 2 },
    ),
    email: fc.array(
      email.map((value) => ({ value })),
      { maxLength: 2 },
    ),
  });
  const rowOf = ({ personId, ...fields }: { personId: string } & Omit<Contact, 'id'>) =>
    recipientRowOf(mergedOf(fields, personId), 'GB');
  const book = fc.uniqueArray(person, { selector: (p) => p.personId, maxLength: 8 });
  const query = fc.constantFrom(
    'a',
    'an',
    'ad',
    'ada a',
    'b a',
    'ann',
    'a@',
    '0',
    '02',
    '44',
    '112',
    '7',
    'mailto:',
  );
  const limit = fc.integer({ min: 1, max: 6 });

  const suggested = (list: ReturnType<typeof rankRecipients>) =>
    list.map((s) => `${s.personId}|${s.address.value}|${s.matched}`);

  it('shows what rankRecipients over every row shows, before and after changes', () => {
    fc.assert(
      fc.property(
        book,
        fc.array(fc.tuple(person, fc.boolean()), { maxLength: 6 }),
        query,
        limit,
        (people, changes, typed, max) => {
          const parsed = parseRecipientQuery(typed)!;
          const rows = new Map(
            people.flatMap((p) => (rowOf(p) === undefined ? [] : [[p.personId, rowOf(p)!]])),
          );
          const index = RecipientSearchIndex.from([...rows.values()]);
          expect(suggested(index.search(parsed, max))).toEqual(
            suggested(rankRecipients(parsed, rows.values(), max)),
          );
          for (const [changed, forget] of changes) {
            const now = forget ? undefined : rowOf(changed);
            if (now === undefined) rows.delete(changed.personId);
            else rows.set(changed.personId, now);
            index.set(changed.personId, now);
          }
          expect(suggested(index.search(parsed, max))).toEqual(
            suggested(rankRecipients(parsed, rows.values(), max)),
          );
        },
      ),
    );
  });
});
