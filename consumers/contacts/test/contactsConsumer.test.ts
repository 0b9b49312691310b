import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { type ContactsConsumer, letterGroupOfEntry, listEntryOf } from '../src';
import { contact, putAll, startWorld, wholeList } from './contactsHarness';

const PEOPLE = [
  contact('c1', { given: 'Zoë', family: 'Adams' }),
  contact('c2', { given: 'Ada', family: 'Lovelace', favorite: true, tel: [{ value: '+1 415 555 0101' }] }),
  contact('c3', { given: 'émile', family: 'Zola' }),
  contact('c4', { given: 'Emil', family: 'Nolde', ice: true }),
  contact('c5', { given: 'Ärla', family: 'Berg' }),
  contact('c6', { given: 'Alan', family: 'Turing', favorite: true, ice: true }),
  contact('c7', { given: 'Ωmega', family: 'Point' }),
  contact('c8', { given: 'Яна', family: 'Петрова' }),
  contact('c9', { given: 'Борис', family: 'Годунов' }),
  contact('c10', { tel: [{ value: '+1 212 555 0199' }] }),
  contact('c11', { given: '田中', family: '太郎' }),
  contact('c12', { given: 'anna', family: 'Andersson' }),
  contact('c13', { org: '3M Company' }),
  contact('c14', { given: 'Bob', family: 'Åkesson' }),
];

describe('contacts consumer: list', () => {
  it('orders ICE, favourites, then letters (Latin, Greek, Cyrillic, other) and # last, by pages', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), PEOPLE);
    const consumer = await world.consumer();
    await world.settle(consumer);

    const items = await wholeList(consumer, 3);
    const names = items.map((item) => `${item.section}:${item.entry.displayName}`);
    const collate = new Intl.Collator('en').compare;
    const byName = (list: string[]) => [...list].sort(collate);
    const letters = byName(PEOPLE.filter((p) => p.given !== undefined).map((p) => `${p.given} ${p.family}`));
    expect(names).toEqual([
      ...byName(['Emil Nolde', 'Alan Turing']).map((n) => `ice:${n}`),
      ...byName(['Ada Lovelace', 'Alan Turing']).map((n) => `favorites:${n}`),
      ...letters.map((n) => `all:${n}`),
      ...byName(['+1 212 555 0199', '3M Company']).map((n) => `all:${n}`),
    ]);
    // Accents and case do not move a name out of its letter: Ärla Berg sits among the A names in English.
    expect(letters.slice(0, 5)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'anna Andersson',
      'Ärla Berg',
      'Bob Åkesson',
    ]);
    // Pages of any size give the same list, and every place is distinct and increasing.
    expect((await wholeList(consumer, 100)).map((i) => i.position)).toEqual(items.map((i) => i.position));
    const positions = items.map((i) => i.position);
    expect([...positions].sort()).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    await consumer.stop();
  });

  it('counts letter groups and jumps to each of them', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), PEOPLE);
    const consumer = await world.consumer();
    await world.settle(consumer);
    const groups = await consumer.groups();
    expect(groups.map((g) => `${g.label}:${g.count}`)).toEqual([
      'ICE:2',
      '★:2',
      'A:4',
      'B:1',
      'E:2',
      'Z:1',
      'Ω:1',
      'Б:1',
      'Я:1',
      '•:1',
      '#:2',
    ]);
    for (const group of groups) {
      const page = await consumer.pageFrom(group.start, group.count);
      expect(page.items).toHaveLength(group.count);
      if (group.kind === 'ice')
        expect(page.items.every((i) => i.entry.ice && i.section === 'ice')).toBe(true);
      else if (group.kind === 'favorites') expect(page.items.every((i) => i.entry.favorite)).toBe(true);
      else {
        const under = page.items.map(
          (i) => letterGroupOfEntry(consumer.collation, i.entry, 'givenFirst').key,
        );
        expect(under.every((key) => key === group.id)).toBe(true);
      }
    }
    const e = groups.find((g) => g.label === 'E');
    const fromE = await consumer.pageFrom(e?.start ?? '', 2);
    expect(fromE.items.map((i) => i.entry.displayName)).toEqual(['Emil Nolde', 'émile Zola']);
    await consumer.stop();
  });

  it('reads either name order from the same rows, and rebuilds when the locale changes', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), [
      contact('a', { given: 'Zed', family: 'Andersson' }),
      contact('b', { given: 'Ärla', family: 'Berg', favorite: true }),
      contact('c', { given: 'Zoe', family: 'Zorn' }),
    ]);
    const english = await world.consumer();
    await world.settle(english);
    const revision = english.sync.status().revision;
    const names = async (order?: 'givenFirst' | 'familyFirst') =>
      (await wholeList(english, 2, order)).map((i) => `${i.section}:${i.entry.displayName}`);
    expect(await names()).toEqual([
      'favorites:Ärla Berg',
      'all:Ärla Berg',
      'all:Zed Andersson',
      'all:Zoe Zorn',
    ]);
    expect(await names('familyFirst')).toEqual([
      'favorites:Ärla Berg',
      'all:Zed Andersson',
      'all:Ärla Berg',
      'all:Zoe Zorn',
    ]);
    expect((await english.groups()).map((g) => `${g.label}:${g.count}`)).toEqual(['★:1', 'A:1', 'Z:2']);
    const byFamily = await english.groups('familyFirst');
    expect(byFamily.map((g) => `${g.label}:${g.count}`)).toEqual(['★:1', 'A:1', 'B:1', 'Z:1']);
    // A family-order letter jumps within the family order.
    const b = byFamily.find((g) => g.label === 'B');
    expect((await english.pageFrom(b?.start ?? '', 5)).items.map((i) => i.entry.displayName)).toEqual([
      'Ärla Berg',
      'Zoe Zorn',
    ]);
    // Switching read another range: no sync ran, and the default order comes from the options.
    expect(english.sync.status().revision).toBe(revision);
    await english.stop();
    const familyDefault = await world.consumer({ order: 'familyFirst', dbName: 'family-default' });
    await world.settle(familyDefault);
    expect((await familyDefault.firstPage(2)).items.map((i) => i.entry.displayName)).toEqual([
      'Ärla Berg',
      'Zed Andersson',
    ]);
    await familyDefault.stop();
    const swedish = await world.consumer({ locale: 'sv' });
    await world.settle(swedish);
    expect((await wholeList(swedish, 10)).map((i) => i.entry.displayName)).toEqual([
      'Ärla Berg',
      'Zed Andersson',
      'Zoe Zorn',
      'Ärla Berg',
    ]);
    expect((await swedish.groups()).map((g) => g.label)).toEqual(['★', 'Z', 'Ä']);
    await swedish.stop();
  });

  it('keeps the list apart from the detail: list rows carry no detail fields', async () => {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), [
      contact('a', {
        given: 'Ada',
        family: 'Lovelace',
        note: 'a long note only the detail shows',
        adr: [{ street: '12 St James Sq', locality: 'London' }],
      }),
    ]);
    const consumer = await world.consumer();
    await world.settle(consumer);
    const [item] = (await consumer.firstPage(1)).items;
    expect(JSON.stringify(item)).not.toContain('long note');
    expect(JSON.stringify(item)).not.toContain('St James');
    const detail = await consumer.getDetail(item?.entry.personId ?? '');
    expect(detail?.note?.value).toBe('a long note only the detail shows');
    await consumer.stop();
  });

  it('refuses bad paging arguments with clear errors', async () => {
    const world = await startWorld();
    const consumer = await world.consumer();
    await expect(consumer.firstPage(0)).rejects.toThrow(/positive whole limit/);
    expect(() => consumer.pageAfter('', 10)).toThrow(/non-empty string/);
    expect(() => consumer.getDetail('')).toThrow(/person id/);
    await expect(world.consumer({ order: 'surname' as never, dbName: 'other' })).rejects.toThrow(
      /name order/,
    );
    await consumer.stop();
  });
});

describe('contacts consumer: detail', () => {
  it('shows the merged view with each field’s source, Facebook included for the certified app', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    const facebook = await world.install('facebook-sim', 'certified');
    await local.put(
      'l1',
      contact('l1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+1 415 555 0101', type: ['cell'] }],
      }),
    );
    await facebook.put(
      'f1',
      contact('f1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '(415) 555-0101' }],
        email: [{ value: 'ada@fb.example' }],
        photo: { id: 'fb-photo', thumbnailId: 'fb-thumb', mediaType: 'image/png' },
      }),
    );
    await facebook.putBlob('fb-thumb', { bytes: new Uint8Array([1, 2, 3]), mediaType: 'image/png' });
    const consumer = await world.consumer();
    await world.settle(consumer);

    const [item, ...others] = (await consumer.firstPage(10)).items;
    expect(others).toEqual([]);
    const detail = await consumer.getDetail(item?.entry.personId ?? '');
    expect(detail?.sources.map((s) => s.provider).sort()).toEqual(['facebook-sim', 'local']);
    expect(detail?.email).toEqual([
      {
        value: { value: 'ada@fb.example' },
        source: { provider: 'facebook-sim', contactId: 'f1' },
        alsoIn: [],
      },
    ]);
    expect(detail?.photo?.source).toEqual({ provider: 'facebook-sim', contactId: 'f1' });
    expect(detail?.given?.value).toBe('Ada');
    expect(item?.entry.thumbnail).toEqual({
      source: { provider: 'facebook-sim', contactId: 'f1' },
      blobId: 'fb-thumb',
      mediaType: 'image/png',
    });
    expect((await consumer.getThumbnail(item!.entry))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    await consumer.stop();
  });

  it('gives a privileged identity nothing of facebook-sim: not in list, detail or search', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    const facebook = await world.install('facebook-sim', 'certified');
    await local.put(
      'l1',
      contact('l1', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0101' }] }),
    );
    await facebook.put(
      'f1',
      contact('f1', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+1 415 555 0101' }, { value: '+44 20 7946 0000' }],
        email: [{ value: 'ada@fb.example' }],
        org: 'Facebook Friends',
      }),
    );
    await facebook.put('f2', contact('f2', { given: 'Only', family: 'OnFacebook' }));
    const identity = world.platform.registerApp({ appId: 'not-certified', accessLevel: 'privileged' });
    const consumer = await world.consumer({ identity, dbName: 'privileged-contacts' });
    await world.settle(consumer);

    const items = (await consumer.firstPage(50)).items;
    expect(items.map((i) => i.entry.displayName)).toEqual(['Ada Lovelace']);
    const detail = await consumer.getDetail(items[0]?.entry.personId ?? '');
    const seen = JSON.stringify({
      items,
      detail,
      search: [
        await consumer.search('only'),
        await consumer.search('7946'),
        await consumer.search('ada@fb'),
        await consumer.search('facebook'),
      ],
      groups: await consumer.groups(),
    });
    for (const fbValue of [
      'facebook-sim',
      'OnFacebook',
      '7946',
      'ada@fb',
      'Facebook Friends',
      '"f1"',
      '"f2"',
    ]) {
      expect(seen).not.toContain(fbValue);
    }
    await consumer.stop();
  });
});

describe('contacts consumer: detail composed when opened', () => {
  it('stores no detail, and composes one only for a person the app lists', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    const facebook = await world.install('facebook-sim', 'certified');
    await putAll(local, [
      contact('a', { given: 'Ada', family: 'Lovelace', note: 'a note only the detail shows' }),
      contact('h', { given: 'Hidden', family: 'Person' }),
    ]);
    await facebook.put('f', contact('f', { given: 'Only', family: 'OnFacebook' }));
    await world.gcds.whenIdle();
    const idOf = async (contactId: string, provider = 'local') =>
      (await world.gcds.personOf({ provider, contactId }))!;
    await world.gcds.hide(await idOf('h'));
    const identity = world.platform.registerApp({ appId: 'not-certified', accessLevel: 'privileged' });
    const privileged = await world.consumer({ identity, dbName: 'privileged-contacts' });
    const certified = await world.consumer();
    await world.settle(privileged);
    await certified.syncNow();

    expect([...privileged.sync.db.objectStoreNames].sort()).toEqual(['consumerSync', 'list']);
    const [ada, hidden, facebookOnly] = [await idOf('a'), await idOf('h'), await idOf('f', 'facebook-sim')];
    // The GCDS holds all three; the privileged app lists only Ada, and opens nobody else.
    expect(await privileged.getDetails([ada, hidden, facebookOnly, 'nobody'])).toEqual([
      expect.objectContaining({
        personId: ada,
        note: expect.objectContaining({ value: 'a note only the detail shows' }),
      }),
      undefined,
      undefined,
      undefined,
    ]);
    expect((await certified.getDetail(facebookOnly))?.sources).toEqual([
      { provider: 'facebook-sim', contactId: 'f' },
    ]);
    expect(await certified.getDetail(hidden)).toBeUndefined();
    // Exactly the merged view the sync projected the list row from.
    const [row] = (await certified.firstPage(10)).items.filter((i) => i.entry.personId === ada);
    expect(listEntryOf((await certified.getDetail(ada))!, { collation: certified.collation })).toEqual(
      row?.entry,
    );
    expect(() => certified.getDetails([''])).toThrow(/person ids/);
    await privileged.stop();
    await certified.stop();
  });
});

describe('contacts consumer: search', () => {
  async function searchWorld() {
    const world = await startWorld();
    await putAll(await world.install('local', 'privileged'), [
      contact('ada', {
        given: 'Ada',
        family: 'Lovelace',
        tel: [{ value: '+1 415 555 0101', label: 'Mobile' }],
        email: [{ value: 'countess@analytical.example' }],
      }),
      contact('grace', { given: 'Grace', family: 'Adams', email: [{ value: 'grace.adams@navy.example' }] }),
      contact('emile', { given: 'Émile', family: 'Ådahl' }),
      contact('alan', {
        given: 'Alan',
        family: 'Turing',
        org: 'Bletchley Park',
        tel: [{ value: '020 7946 0000' }],
      }),
      contact('tim', { given: 'Tim', family: 'Berners-Lee', org: 'Turing Institute' }),
      contact('sean', { given: 'Seán', family: "O'Neil" }),
      contact('adder', { org: 'Adder Analytics' }),
    ]);
    const consumer = await world.consumer();
    await world.settle(consumer);
    const names = async (query: string) =>
      (await consumer.search(query)).map((hit) => `${hit.entry.displayName}|${hit.field}|${hit.matched}`);
    return { consumer, names };
  }

  it('finds a prefix of any name word, ranking names that start with it first', async () => {
    const { consumer, names } = await searchWorld();
    // Ådahl folds to adahl; among later-word matches the list order decides.
    expect(await names('ada')).toEqual([
      'Ada Lovelace|name|Ada Lovelace',
      'Émile Ådahl|name|Émile Ådahl',
      'Grace Adams|name|Grace Adams',
    ]);
    expect(await names('add')).toEqual(['Adder Analytics|name|Adder Analytics']);
    expect(await names('lov')).toEqual(['Ada Lovelace|name|Ada Lovelace']);
    await consumer.stop();
  });

  it('ignores case and diacritics, both ways', async () => {
    const { consumer, names } = await searchWorld();
    expect(await names('EMILE')).toEqual(['Émile Ådahl|name|Émile Ådahl']);
    expect(await names('adahl')).toEqual(['Émile Ådahl|name|Émile Ådahl']);
    expect(await names('sean oneil')).toEqual(["Seán O'Neil|name|Seán O'Neil"]);
    expect(await names('neil')).toEqual(["Seán O'Neil|name|Seán O'Neil"]);
    await consumer.stop();
  });

  it('takes given and family in either order, and needs every typed word', async () => {
    const { consumer, names } = await searchWorld();
    expect(await names('lovelace ada')).toEqual(['Ada Lovelace|name|Ada Lovelace']);
    expect(await names('ada love')).toEqual(['Ada Lovelace|name|Ada Lovelace']);
    expect(await names('ada turing')).toEqual([]);
    await consumer.stop();
  });

  it('finds phone digits anywhere in a number, prefix matches first, naming the number', async () => {
    const { consumer, names } = await searchWorld();
    expect(await names('5550101')).toEqual(['Ada Lovelace|phone|+1 415 555 0101']);
    expect(await names('555-01')).toEqual(['Ada Lovelace|phone|+1 415 555 0101']);
    expect(await names('0')).toEqual([
      'Alan Turing|phone|020 7946 0000',
      'Ada Lovelace|phone|+1 415 555 0101',
    ]);
    expect(await names('99999')).toEqual([]);
    expect(consumer.searchIndexStats()).toMatchObject({ people: 7, numbers: 2 });
    await consumer.stop();
  });

  it('finds emails by address or word prefix, and organisations after names', async () => {
    const { consumer, names } = await searchWorld();
    expect(await names('countess@')).toEqual(['Ada Lovelace|email|countess@analytical.example']);
    expect(await names('navy')).toEqual(['Grace Adams|email|grace.adams@navy.example']);
    expect(await names('turing')).toEqual([
      'Alan Turing|name|Alan Turing',
      'Tim Berners-Lee|organisation|Turing Institute',
    ]);
    expect(await names('bletchley park')).toEqual(['Alan Turing|organisation|Bletchley Park']);
    expect(await names('analytic')).toEqual([
      'Adder Analytics|name|Adder Analytics',
      'Ada Lovelace|email|countess@analytical.example',
    ]);
    expect(await names('   ')).toEqual([]);
    await consumer.stop();
  });

  it('limits results and refuses a bad limit', async () => {
    const { consumer } = await searchWorld();
    expect(await consumer.search('a', 2)).toHaveLength(2);
    await expect(consumer.search('a', 0)).rejects.toThrow(/positive whole limit/);
    await consumer.stop();
  });
});

/** Every value `detail$` gives, by one name field of it (undefined once the person is gone). */
function detailsSeen(consumer: ContactsConsumer, personId: string) {
  const names: Array<string | undefined> = [];
  const subscription = consumer.detail$(personId).subscribe((detail) => {
    names.push(detail?.family?.value ?? detail?.given?.value);
  });
  return { names, stop: () => subscription.unsubscribe() };
}

describe('contacts consumer: live queries', () => {
  it('re-runs list, groups, search and detail after each change', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    await local.put(
      'a',
      contact('a', { given: 'Ada', family: 'Lovelace', tel: [{ value: '+1 415 555 0101' }] }),
    );
    const consumer = await world.consumer();
    await world.settle(consumer);
    const personId = (await consumer.firstPage(1)).items[0]?.entry.personId ?? '';

    const lists = firstValueFrom(consumer.list$(10).pipe(take(2), toArray()));
    const groups = firstValueFrom(consumer.groups$().pipe(take(2), toArray()));
    const searches = firstValueFrom(consumer.search$('555').pipe(take(2), toArray()));
    const details = detailsSeen(consumer, personId);
    await vi.waitFor(() => expect(details.names).toEqual(['Lovelace']));
    // Warm the search index first, so the change must update it rather than build it.
    await consumer.search('555');
    await local.put(
      'b',
      contact('b', { given: 'Bob', family: 'Babbage', tel: [{ value: '+1 212 555 0199' }] }),
    );
    await local.put('a', contact('a', { given: 'Ada', family: 'King', tel: [{ value: '+1 415 555 0101' }] }));
    await world.settle(consumer);

    const [firstList, laterList] = await lists;
    expect(firstList?.items.map((i) => i.entry.displayName)).toEqual(['Ada Lovelace']);
    const settledList = await firstValueFrom(consumer.list$(10));
    expect(settledList.items.map((i) => i.entry.displayName)).toEqual(['Ada King', 'Bob Babbage']);
    expect(laterList?.items.length).toBeGreaterThanOrEqual(1);
    expect((await groups)[0]?.map((g) => g.label)).toEqual(['A']);
    expect((await consumer.groups()).map((g) => `${g.label}:${g.count}`)).toEqual(['A:1', 'B:1']);
    expect((await searches)[0]?.map((h) => h.entry.displayName)).toEqual(['Ada Lovelace']);
    const searchNow = await firstValueFrom(consumer.search$('555'));
    expect(searchNow.map((h) => `${h.entry.displayName}|${h.matched}`)).toEqual([
      'Ada King|+1 415 555 0101',
      'Bob Babbage|+1 212 555 0199',
    ]);
    await vi.waitFor(() => expect(details.names).toEqual(['Lovelace', 'King']));
    details.stop();
    await consumer.stop();
  });

  it('drops a person from live results when its only record goes', async () => {
    const world = await startWorld();
    const local = await world.install('local', 'privileged');
    await local.put('a', contact('a', { given: 'Ada', family: 'Lovelace' }));
    const consumer = await world.consumer();
    await world.settle(consumer);
    const personId = (await consumer.firstPage(1)).items[0]?.entry.personId ?? '';
    // The detail is composed from the providers when read: it may say "gone" before the list does.
    const details = detailsSeen(consumer, personId);
    await vi.waitFor(() => expect(details.names).toEqual(['Lovelace']));
    const emptied = firstValueFrom(consumer.list$(5).pipe(filter((page) => page.items.length === 0)));
    await local.remove('a');
    await world.settle(consumer);
    await vi.waitFor(() => expect(details.names).toEqual(['Lovelace', undefined]));
    expect((await emptied).items).toEqual([]);
    details.stop();
    await consumer.stop();
  });
});
