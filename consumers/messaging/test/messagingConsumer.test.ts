import { startPipeline } from '@gcds/gcds/testing';
import { createLocalProvider } from '@gcds/provider-local';
import type { Contact, ContactDraft } from '@gcds/shared';
import { startHarness } from '@gcds/shared/testing';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMessagingConsumer, type MessagingConsumer } from '../src';

const BOOK: ContactDraft[] = [
  {
    given: 'Ada',
    family: 'Lovelace',
    tel: [
      { value: '+44 20 7946 0958', type: ['work'] },
      { value: '07400 123456', type: ['cell'], pref: true },
    ],
    email: [{ value: 'Ada@Analytical.example', type: ['home'] }],
  },
  { given: 'Charles', family: 'Babbage', tel: [{ value: '020 7946 0958', type: ['work'] }] },
  {
    given: 'Grace',
    family: 'Adams',
    email: [{ value: 'grace.adams@navy.example' }, { value: 'team@navy.example' }],
  },
  { given: 'Bob', family: 'Team', email: [{ value: 'TEAM@navy.example', pref: true }] },
  { given: 'Émile', family: 'Ådahl', nickname: ['Mimi'], tel: [{ value: '06 12 34 56 78', type: ['cell'] }] },
  { given: 'Desk', family: 'Line', tel: [{ value: '+1 212 555 0100 x23' }] },
  { given: 'Emergency', family: 'Services', tel: [{ value: '112' }] },
  { given: 'Only', family: 'Named' },
];

/**
 * One real pipeline (local provider → GCDS → consumers) holding the book, and a Messages app per region
 * (each its own identity and database) reading it: the region decides how the app reads national numbers.
 */
const book = (async () => {
  const pipeline = await startPipeline({ region: 'GB' });
  const local = await pipeline.registry.install(createLocalProvider());
  await local.api.importMany(BOOK);
  await pipeline.gcds.whenIdle();
  return { pipeline, apps: new Map<string, Promise<MessagingConsumer>>() };
})();

async function messagingIn(region: string): Promise<MessagingConsumer> {
  const { pipeline, apps } = await book;
  let app = apps.get(region);
  if (app === undefined) {
    app = createMessagingConsumer({
      platform: pipeline.platform,
      identity: pipeline.platform.registerApp({ appId: `messaging-${region}`, accessLevel: 'privileged' }),
      region,
      dbName: `messaging-book-${region}`,
    }).then(async (messaging) => {
      await messaging.syncNow();
      return messaging;
    });
    apps.set(region, app);
  }
  return app;
}

afterAll(async () => {
  const { pipeline, apps } = await book;
  for (const app of apps.values()) await (await app).stop();
  await pipeline.gcds.stop();
});

describe('messaging: recipient search while typing', () => {
  const shown = async (query: string, limit?: number) =>
    (await (await messagingIn('GB')).searchRecipients(query, limit)).map(
      (s) => `${s.displayName}|${s.address.value}|${s.matched}`,
    );

  it('finds a prefix of any name word, folded, in either order, with every address of the person', async () => {
    expect(await shown('ada')).toEqual([
      'Ada Lovelace|07400 123456|name',
      'Ada Lovelace|+44 20 7946 0958|name',
      'Ada Lovelace|Ada@Analytical.example|name',
      'Émile Ådahl|06 12 34 56 78|name',
      'Grace Adams|grace.adams@navy.example|name',
      'Grace Adams|team@navy.example|name',
    ]);
    expect(await shown('ADAHL emi')).toEqual(['Émile Ådahl|06 12 34 56 78|name']);
    expect(await shown('mimi')).toEqual(['Émile Ådahl|06 12 34 56 78|name']);
    expect(await shown('only')).toEqual([]);
  });

  it('finds numbers by the digits they are typed with, in any form', async () => {
    expect(await shown('020 79')).toEqual([
      'Ada Lovelace|+44 20 7946 0958|phone',
      'Charles Babbage|020 7946 0958|phone',
    ]);
    expect(await shown('+44 7400')).toEqual(['Ada Lovelace|07400 123456|phone']);
    // A French number saved in national form on a British phone did not parse: only as written.
    expect(await shown('06 12')).toEqual(['Émile Ådahl|06 12 34 56 78|phone']);
    expect(await shown('0033 612')).toEqual([]);
    expect(await shown('112')).toEqual(['Emergency Services|112|phone']);
  });

  it('finds email addresses by prefix after names, and limits', async () => {
    expect(await shown('team')).toEqual([
      'Bob Team|TEAM@navy.example|name',
      'Grace Adams|team@navy.example|email',
    ]);
    expect(await shown('ada@ana')).toEqual(['Ada Lovelace|Ada@Analytical.example|email']);
    expect(await shown('ada', 1)).toEqual(['Ada Lovelace|07400 123456|name']);
    expect(await shown('  ')).toEqual([]);
  });
});

describe('messaging: search in a large book', () => {
  it('walks people in name order for common queries and ranks exactly as for rare ones', async () => {
    // Written straight into a GCDS store: hundreds of people without the aggregator's work.
    const h = await startHarness();
    const local = await h.install('local', 'privileged');
    const people: Contact[] = Array.from({ length: 450 }, (_, i) => {
      const n = String(i).padStart(3, '0');
      return { id: `c${n}`, given: 'Person', family: `Fam${n}`, tel: [{ value: `+1 415 555 0${n}` }] };
    });
    people.push({ id: 'zed', given: 'Zed', family: 'Short', tel: [{ value: '415' }] });
    people.push({
      id: 'mail',
      given: 'Mail',
      family: 'Only',
      email: [{ value: 'fame@example.org' }],
    } as never);
    await local.bulk(people.map((data) => ({ operation: 'put' as const, id: data.id, data })));
    await h.gcds.bulk(
      people.map((c) => ({
        operation: 'put' as const,
        id: `p-${c.id}`,
        data: h.person(`p-${c.id}`, [h.pointer('local', c.id)]),
      })),
    );
    const messaging = await createMessagingConsumer({
      platform: h.platform,
      identity: h.platform.registerApp({ appId: 'messaging', accessLevel: 'privileged' }),
      region: 'US',
      dbName: 'messaging-large',
    });
    await messaging.syncNow();
    const shown = async (query: string, limit: number) =>
      (await messaging.searchRecipients(query, limit)).map(
        (s) => `${s.displayName}|${s.address.value}|${s.matched}`,
      );

    expect(await shown('415', 3)).toEqual([
      'Zed Short|415|phone',
      'Person Fam000|+1 415 555 0000|phone',
      'Person Fam001|+1 415 555 0001|phone',
    ]);
    expect(await shown('pers', 2)).toEqual([
      'Person Fam000|+1 415 555 0000|name',
      'Person Fam001|+1 415 555 0001|name',
    ]);
    expect(await shown('fam', 2)).toEqual([
      'Person Fam000|+1 415 555 0000|name',
      'Person Fam001|+1 415 555 0001|name',
    ]);
    const everyone = await shown('fam', 1000);
    expect(everyone).toHaveLength(451);
    expect(everyone.slice(-2)).toEqual([
      'Person Fam449|+1 415 555 0449|name',
      'Mail Only|fame@example.org|email',
    ]);
    expect(await shown('fam449', 5)).toEqual(['Person Fam449|+1 415 555 0449|name']);
    expect(await shown('+1 415 555 0449', 5)).toEqual(['Person Fam449|+1 415 555 0449|phone']);
    await messaging.stop();
  });
});

type Case = [region: string, address: string, expected: string | undefined];

/** `name | the entry as written | match | others sharing it`, by hand; the dialer's number rules. */
const THREADS: Case[] = [
  ['GB', '+44 20 7946 0958', 'Ada Lovelace | +44 20 7946 0958 | e164 | 1'],
  ['GB', '020 7946 0958', 'Ada Lovelace | +44 20 7946 0958 | e164 | 1'],
  ['GB', '+447400123456', 'Ada Lovelace | 07400 123456 | e164 | 0'],
  ['GB', '0033 6 12 34 56 78', 'Émile Ådahl | 06 12 34 56 78 | suffix | 0'],
  ['GB', '112', 'Emergency Services | 112 | short-code | 0'],
  ['GB', '+44 20 7946 0112', undefined],
  ['GB', '+1 212 555 0100', 'Desk Line | +1 212 555 0100 x23 | e164 | 0'],
  ['GB', '+1 212 555 0100 x24', undefined],
  ['GB', 'team@navy.example', 'Bob Team | TEAM@navy.example | email | 1'],
  ['GB', 'mailto:ADA@analytical.EXAMPLE', 'Ada Lovelace | Ada@Analytical.example | email | 0'],
  ['GB', 'nobody@navy.example', undefined],
  ['FR', '+33 6 12 34 56 78', 'Émile Ådahl | 06 12 34 56 78 | e164 | 0'],
  ['FR', '06 12 34 56 78', 'Émile Ådahl | 06 12 34 56 78 | e164 | 0'],
  ['FR', '0044 20 7946 0958', 'Ada Lovelace | +44 20 7946 0958 | e164 | 1'],
  ['US', '011 44 7400 123456', 'Ada Lovelace | 07400 123456 | suffix | 0'],
  ['US', '(212) 555-0100', 'Desk Line | +1 212 555 0100 x23 | e164 | 0'],
  ['US', 'SHORT', undefined],
];

describe('messaging: display names for threads', () => {
  it.each(THREADS)('%s: %s', async (region, address, expected) => {
    const name = await (await messagingIn(region)).displayNameFor(address);
    expect(name && `${name.displayName} | ${name.address.value} | ${name.match} | ${name.others}`).toBe(
      expected,
    );
  });

  it('names a thread list from one read', async () => {
    const messaging = await messagingIn('GB');
    const transaction = vi.spyOn(messaging.sync.db, 'transaction');
    const names = await messaging.displayNamesFor(['112', 'team@navy.example', '112', '+1 650 555 0000', '']);
    expect(transaction).toHaveBeenCalledTimes(1);
    transaction.mockRestore();
    expect(Object.fromEntries([...names].map(([address, name]) => [address, name?.displayName]))).toEqual({
      '112': 'Emergency Services',
      'team@navy.example': 'Bob Team',
      '+1 650 555 0000': undefined,
      '': undefined,
    });
  });
});

describe('messaging: live queries and bad input', () => {
  it('re-runs a recipient search after every change that alters it', async () => {
    const pipeline = await startPipeline({ region: 'US' });
    const local = await pipeline.install('local', 'privileged');
    const messaging = await createMessagingConsumer({
      platform: pipeline.platform,
      identity: pipeline.platform.registerApp({ appId: 'messaging', accessLevel: 'privileged' }),
      region: 'US',
      dbName: 'messaging-live',
    });
    await local.put('a', { id: 'a', given: 'Ada', email: [{ value: 'ada@example.org' }] });
    await pipeline.gcds.whenIdle();
    await messaging.syncNow();
    const results = firstValueFrom(messaging.searchRecipients$('ad').pipe(take(3), toArray()));
    await firstValueFrom(messaging.searchRecipients$('ad'));
    for (const change of [
      () => local.put('z', { id: 'z', given: 'Zed', email: [{ value: 'zed@example.org' }] }),
      () => local.put('b', { id: 'b', given: 'Adam', tel: [{ value: '+1 415 555 0101' }] }),
      () => local.remove('a'),
    ]) {
      await change();
      await pipeline.gcds.whenIdle();
      await messaging.syncNow();
    }
    expect((await results).map((list) => list.map((s) => `${s.displayName}|${s.address.value}`))).toEqual([
      ['Ada|ada@example.org'],
      ['Ada|ada@example.org', 'Adam|+1 415 555 0101'],
      ['Adam|+1 415 555 0101'],
    ]);
    await messaging.stop();
  });

  it('refuses what is not an address, a query or a limit, with clear errors', async () => {
    const messaging = await messagingIn('GB');
    await expect(messaging.searchRecipients(7 as never)).rejects.toThrow(TypeError);
    await expect(messaging.searchRecipients('ada', 0)).rejects.toThrow(/positive whole/);
    expect(() => messaging.searchRecipients$(null as never)).toThrow(TypeError);
    await expect(messaging.displayNameFor({} as never)).rejects.toThrow(TypeError);
    await expect(messaging.displayNamesFor('112' as never)).rejects.toThrow(/array/);
    expect(await messaging.displayNameFor('@')).toBeUndefined();
    expect((await messaging.displayNameFor('112'))?.displayName).toBe('Emergency Services');
  });
});
