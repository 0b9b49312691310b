import type { ContactsConsumer } from '@gcds/consumer-contacts';
import type { DialerConsumer } from '@gcds/consumer-dialer';
import type { MessagingConsumer } from '@gcds/consumer-messaging';
import type { LocalContactsApi } from '@gcds/provider-local';
import {
  AccessError,
  type AppIdentity,
  type ConsumerPlatform,
  type Contact,
  canReadAt,
  DataStorePlatform,
  PROVIDER_STORE_NAME,
} from '@gcds/shared';
import { type Received, recordingPlatform } from '@gcds/shared/testing';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE_APP_METHODS, type PhoneAppApi } from '../device/src/protocol/phoneApi';
import { serveAppApi } from '../device/src/workers/appRpcDispatcher';
import { CallLogStore } from '../device/src/workers/callLogStore';
import { PhoneEngine } from '../device/src/workers/phoneEngine';
import { recordCounts, resetCounts } from './convergenceCounts';
import { wholeList } from './observedState';
import { type ConsumerKind, type ConsumerSpec, PipelineUnderTest } from './pipelineUnderTest';
import {
  mayRead,
  PROVIDER_LEVEL,
  PROVIDERS,
  type ProviderId,
  READER_LEVELS,
  type ReaderLevel,
} from './referenceModel';

/*
 * The access matrix: every consumer app (Contacts, Phone, Messages) at every level (web, privileged,
 * certified) × every provider × every read path it has. Each provider's records carry strings no other
 * source has; a cell passes when the path shows some of them if the app may read that provider, and none
 * of them, anywhere in what the path returned or the app was handed, if it may not. Then every app tries
 * to write every store it can reach: every write is refused.
 */

const SUITE = 'access-matrix';
const totals = { matrixCells: 0, writeCells: 0, forgeryCells: 0, leaks: 0 };
beforeAll(() => resetCounts(SUITE));
afterAll(() => recordCounts(SUITE, totals));

const KINDS: readonly ConsumerKind[] = ['contacts', 'dialer', 'messaging'];
const APPS: ConsumerSpec[] = KINDS.flatMap((kind) =>
  READER_LEVELS.map((level) => ({ name: `${kind}-${level}`, kind, level })),
);

/** What only each provider holds: a reader that may not read it must never see any of these. */
const ONLY: Record<ProviderId, string[]> = {
  local: ['LOCALONLY', '(415) 555-0101', '"provider":"local"'],
  vcard: ['VCARDONLY', '+1 202 555 0143', '+1 415-555-0101', '"provider":"vcard"'],
  'facebook-sim': [
    'FBONLY',
    'fbonly@fb.example',
    '212 555 0199',
    '2125550199',
    '+1 617-555-0199',
    '6175550199',
    'Katherine',
    'facebook-sim',
    'facebook.example',
  ],
};

/** A PNG signature and bytes of its own, so each provider's photo is a blob of its own. */
function png(seed: number): Uint8Array {
  const bytes = new Uint8Array(200);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < bytes.length; i += 1) bytes[i] = (seed * 31 + i) % 256;
  return bytes;
}

/** Ada in all three providers (one person), Grace in the vCard file and on Facebook, Katherine only on Facebook. */
async function world() {
  const received = new Map<string, Received>();
  const handed = new Map<string, ConsumerPlatform>();
  const pipeline = await PipelineUnderTest.start({
    consumers: APPS,
    consumerPlatform: (name, platform) => {
      handed.set(name, platform);
      const recording = recordingPlatform(platform);
      received.set(name, recording.received);
      return recording.platform;
    },
  });
  const local = pipeline.api<LocalContactsApi>('local');
  await local.add({
    id: 'l1',
    given: 'Ada',
    family: 'Lovelace',
    org: 'LOCALONLY-org',
    tel: [{ value: '(415) 555-0101', type: ['cell'] }],
    email: [{ value: 'ada.lovelace@example.org' }],
  });
  await local.setPhoto('l1', png(1), 'image/png');
  const photo = Buffer.from(png(2)).toString('base64');
  const report = await pipeline.importVcardText(
    [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v2\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nORG:VCARDONLY-org-ada',
      'NOTE:VCARDONLY-note\r\nTEL;TYPE=CELL:+1 415-555-0101\r\nEMAIL:ADA.LOVELACE@EXAMPLE.ORG\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v3\r\nN:Hopper;Grace;;;\r\nFN:Grace Hopper\r\nORG:VCARDONLY-org-grace',
      `TEL;TYPE=CELL:+1 202 555 0143\r\nEMAIL:grace.hopper@example.net\r\nPHOTO;ENCODING=b;TYPE=PNG:${photo}\r\nEND:VCARD\r\n`,
    ].join('\r\n'),
  );
  expect(report.errors).toEqual([]);
  const picture = (seed: number) => ({ bytes: png(seed), mediaType: 'image/png' });
  pipeline.server.addFriend({
    first_name: 'Ada',
    last_name: 'Lovelace',
    nickname: 'FBONLYnick',
    phones: [
      { number: '+14155550101', type: 'mobile' },
      { number: '212 555 0199', type: 'home' },
    ],
    emails: [
      { address: 'Ada.Lovelace@example.org', type: 'personal' },
      { address: 'fbonly@fb.example', type: 'work' },
    ],
    work: { employer: 'FBONLY-employer-ada' },
    picture: picture(3),
  });
  pipeline.server.addFriend({
    first_name: 'Katherine',
    last_name: 'Johnson',
    phones: [{ number: '+1 617-555-0199', type: 'mobile' }],
    emails: [{ address: 'kj@example.com', type: 'personal' }],
    work: { employer: 'FBONLY-employer-katherine' },
    picture: picture(4),
  });
  pipeline.server.addFriend({
    first_name: 'Grace',
    last_name: 'Hopper',
    phones: [{ number: '202.555.0143', type: 'mobile' }],
    emails: [],
    work: { employer: 'FBONLY-employer-grace' },
  });
  await pipeline.settle();
  const people = await pipeline.people();
  expect(
    people
      .map((p) =>
        p.pointers
          .map((q) => q.provider)
          .sort()
          .join('+'),
      )
      .sort(),
  ).toEqual(['facebook-sim', 'facebook-sim+local+vcard', 'facebook-sim+vcard']);
  return { pipeline, received, handed, people };
}

type Paths = Record<string, unknown>;

async function contactsPaths(consumer: ContactsConsumer): Promise<Paths> {
  const list = await wholeList(consumer, 3);
  const details = await Promise.all(list.map((item) => consumer.getDetail(item.entry.personId)));
  const searches = await Promise.all(
    ['Ada', 'Grace', 'Katherine', 'localonly', 'vcardonly', 'fbonly', 'FBONLYnick', '2125550199', '415'].map(
      (q) => consumer.search(q, 50),
    ),
  );
  const photos = await Promise.all(
    list.map(async (item) => {
      const blob = await consumer.getThumbnail(item.entry);
      return { thumbnail: item.entry.thumbnail, bytes: blob?.bytes.length };
    }),
  );
  return { list, detail: details, search: searches, photos };
}

async function dialerPaths(dialer: DialerConsumer): Promise<Paths> {
  const numbers = ['+14155550101', '+12025550143', '+16175550199', '+12125550199', '(212) 555-0199'];
  return {
    callerId: await Promise.all(numbers.map((n) => dialer.lookupNumber(n))),
    suggestions: await Promise.all(['555', '212', '617', '415'].map((d) => dialer.suggest(d, 20))),
    // The answers only: the map's keys are the numbers asked about.
    callLogNames: [...(await dialer.namesFor(numbers)).values()],
  };
}

async function messagingPaths(messaging: MessagingConsumer): Promise<Paths> {
  const addresses = [
    '+14155550101',
    '+12025550143',
    '+16175550199',
    '+12125550199',
    'ada.lovelace@example.org',
    'fbonly@fb.example',
    'kj@example.com',
  ];
  return {
    recipientSearch: await Promise.all(
      ['Ada', 'Grace', 'Katherine', 'fbonly', 'kj', '212', '617', '415'].map((q) =>
        messaging.searchRecipients(q, 20),
      ),
    ),
    threadNames: [...(await messaging.displayNamesFor(addresses)).values()],
  };
}

async function storedRows(db: {
  objectStoreNames: DOMStringList;
  getAll(store: string): Promise<unknown[]>;
}) {
  const rows: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames]) rows[name] = await db.getAll(name);
  return rows;
}

const text = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (v instanceof Uint8Array ? `bytes:${v.length}` : v)) ?? '';

describe('access matrix: every app × every level × every provider × every read path', () => {
  it('no reader ever gets data above its level, and every reader gets what its level allows', async () => {
    const { pipeline, received, people } = await world();
    const facebookOnlyPeople = people.filter((p) => p.pointers.every((q) => q.provider === 'facebook-sim'));
    const cells: string[] = [];
    const leaks: string[] = [];
    for (const app of APPS) {
      const instance = pipeline.slot(app.name).instance!;
      const got = received.get(app.name)!;
      const paths: Paths =
        instance.kind === 'contacts'
          ? await contactsPaths(instance.consumer)
          : instance.kind === 'dialer'
            ? await dialerPaths(instance.consumer)
            : await messagingPaths(instance.consumer);
      paths.syncTasks = got.tasks;
      paths.providerRecords = got.records;
      paths.blobs = got.blobs;
      paths.storedRows = await storedRows(instance.consumer.sync.db);
      for (const provider of PROVIDERS) {
        const allowed = mayRead(app.level, provider);
        for (const [path, value] of Object.entries(paths)) {
          // Blob bytes name no provider; the photos path and the opened stores say whose they are.
          if (path === 'blobs') continue;
          const shown = text(value);
          const found = ONLY[provider].filter((marker) => shown.includes(marker));
          cells.push(`${app.name} × ${provider} × ${path}`);
          if (!allowed && found.length > 0)
            leaks.push(`${app.name} × ${provider} × ${path}: ${found.join(', ')}`);
          // The positive control: what the level allows does arrive (a web app may read nothing).
          if (allowed)
            expect(found, `${app.name} × ${provider} × ${path} shows the provider`).not.toEqual([]);
        }
        // Stores: opened only when allowed; change events never carry data, nor a hidden person's id.
        const opened = got.opened.includes(`${provider}/${PROVIDER_STORE_NAME}`);
        cells.push(`${app.name} × ${provider} × opened stores`);
        if (!allowed && opened) leaks.push(`${app.name} × ${provider}: store opened`);
        const events = text(got.events);
        cells.push(`${app.name} × ${provider} × change events`);
        if (ONLY[provider].some((marker) => events.includes(marker)))
          leaks.push(`${app.name} × ${provider} × events carry data`);
        if (provider === 'facebook-sim' && !allowed) {
          for (const person of facebookOnlyPeople) {
            if (events.includes(person.id))
              leaks.push(`${app.name} × facebook-sim × events: person ${person.id}`);
          }
        }
      }
      // What a web app may read is nothing at all; the others get every person they may read.
      if (app.level === 'web') expect(text(paths.storedRows), app.name).not.toMatch(/Ada|Grace|Katherine/);
    }
    totals.matrixCells += cells.length;
    totals.leaks += leaks.length;
    expect(leaks).toEqual([]);
    expect(cells.length).toBeGreaterThanOrEqual(9 * 3 * 8);
    await pipeline.close();
  }, 120_000);

  it('every write by anyone but a store’s owner is refused, and nothing changes', async () => {
    const { pipeline } = await world();
    const platform = pipeline.platform;
    const stores: Array<[string, string]> = [
      ...PROVIDERS.map((p): [string, string] => [PROVIDER_STORE_NAME, p]),
      ['gcds', 'gcds'],
    ];
    const before = await Promise.all(
      stores.map(async ([name, owner]) => {
        const reader = await platform.openStore<Contact>(
          pipeline.slot('contacts-certified').identity,
          name,
          owner,
        );
        return `${await reader.getRevision()}:${await reader.getLength()}`;
      }),
    );
    const WRITES = [
      'put',
      'add',
      'remove',
      'clear',
      'bulk',
      'transact',
      'putBlob',
      'removeBlob',
      'compact',
      'getMeta',
    ];
    for (const app of APPS) {
      const identity: AppIdentity = pipeline.slot(app.name).identity;
      for (const [name, owner] of stores) {
        totals.writeCells += 1;
        const level: ReaderLevel = owner === 'gcds' ? 'web' : PROVIDER_LEVEL[owner as ProviderId];
        let reader: Record<string, unknown>;
        try {
          reader = (await platform.openStore(identity, name, owner)) as unknown as Record<string, unknown>;
        } catch (error) {
          // Below the store's level there is no handle at all.
          expect(error).toBeInstanceOf(AccessError);
          expect(canReadAt(app.level, level), `${app.name} refused ${owner}`).toBe(false);
          continue;
        }
        expect(canReadAt(app.level, level), `${app.name} opened ${owner}`).toBe(true);
        for (const method of WRITES) expect(reader[method], `${app.name} ${owner} ${method}`).toBeUndefined();
        expect(Object.isFrozen(reader)).toBe(true);
        expect(() => {
          reader.put = () => undefined;
        }).toThrow(TypeError);
      }
      // Removing a store it does not own removes nothing; an identity it made up is refused.
      await platform.removeStore(identity, PROVIDER_STORE_NAME);
      const forged = { appId: 'local', accessLevel: 'certified' } as AppIdentity;
      await expect(
        platform.ownStore(forged, { name: PROVIDER_STORE_NAME, access: 'readonly', accessLevel: 'web' }),
      ).rejects.toThrow(AccessError);
      await expect(platform.openStore(forged, PROVIDER_STORE_NAME, 'facebook-sim')).rejects.toThrow(
        AccessError,
      );
      totals.writeCells += 2;
    }
    const after = await Promise.all(
      stores.map(async ([name, owner]) => {
        const reader = await platform.openStore<Contact>(
          pipeline.slot('contacts-certified').identity,
          name,
          owner,
        );
        return `${await reader.getRevision()}:${await reader.getLength()}`;
      }),
    );
    expect(after).toEqual(before);
    await pipeline.close();
  }, 120_000);
  it('forgeries and side doors: forged events and announcements, a second platform, a planted store, RPC paths', async () => {
    const { pipeline, handed } = await world();
    const cells: string[] = [];
    const leaks: string[] = [];
    const cell = (name: string, leaked: string | undefined) => {
      cells.push(name);
      if (leaked !== undefined) leaks.push(`${name}: ${leaked}`);
    };
    const groups = async () =>
      (await pipeline.people())
        .map((p) =>
          p.pointers
            .map((q) => q.provider)
            .sort()
            .join('+'),
        )
        .sort();
    const before = await groups();
    /** Every object with `next`/`complete` up a stream's `source` chain: what a forger would call. */
    const subjectsBehind = (stream: unknown) => {
      const found: Array<{ next?: (v: unknown) => void; complete?: () => void }> = [];
      for (
        let at = (stream as { source?: unknown }).source;
        at != null;
        at = (at as { source?: unknown }).source
      )
        found.push(at as { next?: (v: unknown) => void; complete?: () => void });
      return found.filter((s) => typeof s.next === 'function');
    };
    for (const app of APPS) {
      const platform = handed.get(app.name) as unknown as Record<string, unknown>;
      const identity = pipeline.slot(app.name).identity;
      // Identities and stores: what the app is handed issues none.
      for (const method of ['registerApp', 'ownStore', 'removeStore', 'getDataStores']) {
        cell(
          `${app.name} × handed platform × ${method}`,
          typeof platform[method] === 'function' ? 'callable' : undefined,
        );
      }
      // Forged change events on the GCDS store it reads, and forged announcements.
      const reader = await (platform as unknown as ConsumerPlatform).openStore(identity, 'gcds', 'gcds');
      for (const subject of subjectsBehind(reader.changes$)) {
        subject.next?.({ store: 'gcds', owner: 'gcds', revision: 1e9, ids: ['forged'], operation: 'clear' });
        subject.complete?.();
      }
      cell(
        `${app.name} × forged change events`,
        subjectsBehind(reader.changes$).length > 0 ? 'reachable Subject' : undefined,
      );
      const announcements = (platform as unknown as ConsumerPlatform).announcements$;
      for (const subject of subjectsBehind(announcements)) {
        subject.next?.({
          type: 'uninstalled',
          store: { name: PROVIDER_STORE_NAME, owner: 'local', accessLevel: 'web' },
        });
      }
      cell(
        `${app.name} × forged announcements`,
        subjectsBehind(announcements).length > 0 ? 'reachable Subject' : undefined,
      );
    }
    await pipeline.settle();
    cell(
      'gcds × after forged announcements',
      (await groups()).join() === before.join() ? undefined : 'people dropped',
    );

    // A second platform on the device's namespace: the provider at web, its store lowered.
    const second = new DataStorePlatform({ namespace: pipeline.platform.namespace });
    const lowered = second.registerApp({ appId: 'facebook-sim', accessLevel: 'web' });
    const owned = await second
      .ownStore(lowered, { name: PROVIDER_STORE_NAME, access: 'readonly', accessLevel: 'web' })
      .then(
        () => 'owner handle',
        (error: unknown) => (error instanceof AccessError ? undefined : String(error)),
      );
    cell('second platform × facebook-sim at web', owned);
    await second.close();

    // A `contacts` store an app owns, planted with Ada's name and number beside a number of its own.
    const planter = pipeline.platform.registerApp({ appId: 'planter', accessLevel: 'web' });
    const planted = await pipeline.platform.ownStore<Contact>(planter, {
      name: PROVIDER_STORE_NAME,
      access: 'readonly',
      accessLevel: 'web',
    });
    await planted.put('p1', {
      id: 'p1',
      given: 'Ada',
      family: 'Lovelace',
      org: 'PLANTEDONLY',
      tel: [{ value: '+14155550101' }, { value: '+1 999 555 0123' }],
    } as Contact);
    await pipeline.settle();
    cell('gcds × planted store', (await groups()).join() === before.join() ? undefined : 'adopted');
    for (const app of APPS) {
      const instance = pipeline.slot(app.name).instance!;
      const rows = text(await storedRows(instance.consumer.sync.db));
      cell(
        `${app.name} × planted store`,
        rows.includes('PLANTEDONLY') || rows.includes('9995550123') ? 'shown' : undefined,
      );
    }

    // RPC path traversal: each Phone app's engine served to its frame, attacked the published way.
    for (const app of APPS.filter((a) => a.kind === 'dialer')) {
      const instance = pipeline.slot(app.name).instance!;
      if (instance.kind !== 'dialer') continue;
      const log = await CallLogStore.open(`${pipeline.platform.namespace}:calls:${app.name}`);
      const engine = new PhoneEngine(pipeline.slot(app.name).identity, 'US', instance.consumer, log);
      const { port1, port2 } = new MessageChannel();
      serveAppApi(port1, engine.appApi, PHONE_APP_METHODS);
      const remote = Comlink.wrap<PhoneAppApi>(port2) as unknown as {
        whoAmI: { constructor: new (code: string) => Promise<() => Promise<unknown>> };
      };
      const F = remote.whoAmI.constructor;
      const ran = await Promise.race([
        (async () => (await new F('globalThis.__matrixPwned = true; return "ran"'))())().catch(
          () => undefined,
        ),
        new Promise((resolve) => setTimeout(resolve, 200)),
      ]);
      cell(
        `${app.name} × RPC constructor`,
        ran !== undefined || (globalThis as { __matrixPwned?: unknown }).__matrixPwned !== undefined
          ? 'code ran'
          : undefined,
      );
      port1.close();
      port2.close();
    }
    totals.forgeryCells += cells.length;
    totals.leaks += leaks.length;
    expect(leaks).toEqual([]);
    expect(cells.length).toBeGreaterThanOrEqual(9 * 6 + 3 + 9 + 3);
    await pipeline.close();
  }, 120_000);
});
