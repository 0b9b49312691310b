import { describe, expect, it } from 'vitest';
import { type ListItem, letterGroupOfEntry } from '../src';
import { contact, putAll, startWorld, wholeList } from './contactsHarness';

/** Seven people with one name, two of them favourites, among others: equal names share a position. */
const NAMESAKES = [
  ...Array.from({ length: 7 }, (_, i) =>
    contact(`ann${i}`, {
      given: 'Ann',
      family: 'Lee',
      tel: [{ value: `+1 415 555 01${String(i).padStart(2, '0')}` }],
      email: [{ value: `ann${i}@lee${i}.example` }],
      ...(i % 3 === 0 ? { favorite: true } : {}),
    }),
  ),
  contact('ada', { given: 'Ada', family: 'Lovelace', org: 'Analytical Engines' }),
  contact('zoe', { given: 'Zoë', family: 'Lee', ice: true }),
  contact('bob', { given: 'Bob', family: 'Annan' }),
];

const placeOf = (item: ListItem) => `${item.section}:${item.entry.displayName}:${item.entry.personId}`;

describe('contacts consumer: compact rows', () => {
  it('pages through namesakes one by one, in both orders, from and after any place', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), NAMESAKES);
    const consumer = await world.consumer();
    await world.settle(consumer);
    for (const order of ['givenFirst', 'familyFirst'] as const) {
      const whole = await wholeList(consumer, 100, order);
      // Everyone under a letter once, each favourite once more, Zoë in ICE.
      expect(whole.filter((i) => i.section === 'all')).toHaveLength(10);
      expect(whole.filter((i) => i.section === 'favorites')).toHaveLength(3);
      expect(whole.filter((i) => i.section === 'ice').map((i) => i.entry.displayName)).toEqual(['Zoë Lee']);
      const places = whole.map((i) => i.position);
      expect(new Set(places).size).toBe(places.length);
      expect([...places].sort()).toEqual(places);
      // Namesakes come in person-id order, the index's order for equal positions.
      const anns = whole.filter((i) => i.section === 'all' && i.entry.displayName === 'Ann Lee');
      expect(anns.map((i) => i.entry.personId)).toEqual(anns.map((i) => i.entry.personId).sort());
      for (const size of [1, 2, 3]) {
        expect((await wholeList(consumer, size, order)).map(placeOf)).toEqual(whole.map(placeOf));
      }
      for (const [at, item] of whole.entries()) {
        const from = await consumer.pageFrom(item.position, 2);
        expect(from.items.map(placeOf)).toEqual(whole.slice(at, at + 2).map(placeOf));
        const after = await consumer.pageAfter(item.position, 2);
        expect(after.items.map(placeOf)).toEqual(whole.slice(at + 1, at + 3).map(placeOf));
      }
    }
    await consumer.stop();
  });

  it('counts letter groups from the positions alone, in both orders', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), NAMESAKES);
    const consumer = await world.consumer();
    await world.settle(consumer);
    expect((await consumer.groups('givenFirst')).map((g) => `${g.label}:${g.count}`)).toEqual([
      'ICE:1',
      '★:3',
      'A:8',
      'B:1',
      'Z:1',
    ]);
    const familyFirst = await consumer.groups('familyFirst');
    expect(familyFirst.map((g) => `${g.label}:${g.count}`)).toEqual(['ICE:1', '★:3', 'A:1', 'L:9']);
    const underL = await consumer.pageFrom(familyFirst.at(-1)!.start, 9);
    expect(
      underL.items.every((i) => letterGroupOfEntry(consumer.collation, i.entry, 'familyFirst').label === 'L'),
    ).toBe(true);
    expect(underL.items.map((i) => i.entry.displayName).slice(-2)).toEqual(['Zoë Lee', 'Ada Lovelace']);
    await consumer.stop();
  });

  it('stores compact rows and still finds people by name, organisation, email and number', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), NAMESAKES);
    const consumer = await world.consumer();
    await world.settle(consumer);
    const rows = await consumer.sync.db.getAll('list');
    expect(rows).toHaveLength(10);
    const ada = rows.find((row) => row.displayName === 'Ada Lovelace')!;
    expect(Object.keys(ada).sort()).toEqual([
      'displayName',
      'emails',
      'nameTokens',
      'org',
      'orgTokens',
      'personId',
      'phones',
      'positions',
    ]);
    expect(rows.every((row) => row.positions.every((p) => !p.includes(row.personId)))).toBe(true);
    const found = async (query: string) =>
      (await consumer.search(query, 20)).map((hit) => `${hit.field}:${hit.matched}`);
    expect(await found('lov')).toEqual(['name:Ada Lovelace']);
    expect(await found('analytical')).toEqual(['organisation:Analytical Engines']);
    expect(await found('lee3')).toEqual(['email:ann3@lee3.example']);
    expect(await found('5550104')).toEqual(['phone:+1 415 555 0104']);
    expect(await found('zoe')).toEqual(['name:Zoë Lee']);
    // "ann" starts the Anns' names and only a later word of Bob Annan's: the Anns first, in list order.
    const anns = await consumer.search('ann', 20);
    expect(anns.map((hit) => hit.entry.displayName)).toEqual([...Array(7).fill('Ann Lee'), 'Bob Annan']);
    await consumer.stop();
  });
});
