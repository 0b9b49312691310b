import type { CardDavClient, CardDavProviderOptions, ConflictStrategy } from '@gcds/provider-carddav';
import {
  deleteCard,
  putCard,
  RADICALE_PATH,
  type RunningDavServer,
  rawClient,
  serverBinary,
  serverContents,
  startRadicale,
  vcard,
} from '@gcds/provider-carddav/testing';
import type { ConsumerChange, ContactDraft } from '@gcds/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isKilled } from './killSwitch';
import { wholeList } from './observedState';
import { PipelineUnderTest } from './pipelineUnderTest';

/*
 * The appSync seed's nine scenarios (../shared/seeds/appsync-multiway-sync.txt), two-way, on one CardDAV
 * account on Radicale: two phones, each a whole pipeline with its own storage (CardDAV provider → GCDS →
 * Contacts, Phone and Messages), and a third client writing the server over plain CardDAV (the web UI,
 * another device). Each test asserts what every app of each phone shows and what the server holds.
 * The conflict strategies run here end to end; cardDavProvider.radicale.test.ts has all twelve
 * strategy × case combinations at the provider level.
 */

const available = serverBinary('Radicale', RADICALE_PATH, 'radicale');

interface Person {
  name: string;
  tel: string;
  email: string;
}

const person = (name: string, tel: string, email: string): Person => ({ name, tel, email });
const ADA = person('Ada Lovelace', '+1 415 555 0100', 'ada@example.com');
const ALAN = person('Alan Turing', '+1 415 555 0101', 'alan@example.com');
const GRACE = person('Grace Hopper', '+1 415 555 0102', 'grace@example.com');
const BARBARA = person('Barbara Liskov', '+1 415 555 0103', 'barbara@example.com');
const EDSGER = person('Edsger Dijkstra', '+1 415 555 0104', 'edsger@example.com');
const PEOPLE = [ADA, ALAN, GRACE, BARBARA, EDSGER];
/** A number someone moves to during a test: the dialer must know it then, and forget the old one. */
const NEW_NUMBER = '+1 415 555 0199';
const NUMBERS = [...PEOPLE.map((p) => p.tel), NEW_NUMBER];
/** Contacts search and Messages recipient search probe every family and given name the tests use. */
const WORDS = PEOPLE.flatMap((p) => p.name.split(' '));

const draftOf = (p: Person, change: Partial<Person> = {}): ContactDraft => {
  const { name, tel, email } = { ...p, ...change };
  return { formattedName: name, tel: [{ value: tel }], email: [{ value: email }] };
};
const cardOf = (uid: string, p: Person, change: Partial<Person> = {}, lines: string[] = []): string => {
  const { name, tel, email } = { ...p, ...change };
  return vcard(uid, name, [`TEL;TYPE=CELL:${tel}`, `EMAIL:${email}`, ...lines]);
};

/**
 * What the phone's three apps show, through their own queries: the Contacts list and search, the Phone
 * app's caller ID for every number above, Messages' recipient search. Probes that find nobody are left
 * out, so an expectation names exactly the people the phone should show.
 */
async function apps(phone: PipelineUnderTest) {
  const contacts = phone.app('contacts', 'contacts');
  const dialer = phone.app('dialer', 'dialer');
  const messaging = phone.app('messaging', 'messaging');
  const list = (await wholeList(contacts)).flatMap((item) =>
    item.section === 'all' ? [item.entry.displayName] : [],
  );
  const found = <T>(entries: Array<[string, T[]]>) =>
    Object.fromEntries(entries.filter(([, hits]) => hits.length > 0));
  const search = found(
    await Promise.all(
      WORDS.map(
        async (word): Promise<[string, string[]]> => [
          word,
          (await contacts.search(word, 20)).map((hit) => hit.entry.displayName),
        ],
      ),
    ),
  );
  const callerId = found(
    await Promise.all(
      NUMBERS.map(
        async (tel): Promise<[string, string[]]> => [
          tel,
          (await dialer.lookupNumber(tel)).map((match) => match.displayName),
        ],
      ),
    ),
  );
  const recipients = found(
    await Promise.all(
      WORDS.map(
        async (word): Promise<[string, string[]]> => [
          word,
          (await messaging.searchRecipients(word, 20)).map((s) => `${s.displayName} <${s.address.value}>`),
        ],
      ),
    ),
  );
  return { list, search, callerId, recipients };
}

/** Every write of a phone from now on: its provider store, its GCDS, its apps, and what the apps announce. */
function watchWrites(phone: PipelineUnderTest) {
  const changed: string[] = [];
  let resets = 0;
  for (const slot of phone.consumers.values())
    slot.instance?.consumer.sync.changes$.subscribe((change: ConsumerChange) => {
      changed.push(...change.personIds);
      if (change.reset) resets += 1;
    });
  const counts = () => ({
    store: phone.cardDavKill.commits,
    gcds: phone.gcdsKill.commits,
    apps: [...phone.consumers.values()].map((slot) => slot.kill.commits),
    changed: changed.length,
    resets,
  });
  return { before: counts(), counts, changed };
}

/** What the apps show when the phone holds exactly these people (each one person, as named here). */
function showing(...people: Person[]) {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  const byWord = (each: (p: Person) => string[]) =>
    Object.fromEntries(
      WORDS.flatMap((word) => {
        const hits = sorted.filter((p) => p.name.split(' ').includes(word));
        return hits.length === 0 ? [] : [[word, hits.flatMap(each)]];
      }),
    );
  return {
    list: sorted.map((p) => p.name),
    search: byWord((p) => [p.name]),
    callerId: Object.fromEntries(
      NUMBERS.flatMap((tel) => {
        const hits = sorted.filter((p) => p.tel === tel);
        return hits.length === 0 ? [] : [[tel, hits.map((p) => p.name)]];
      }),
    ),
    recipients: byWord((p) => [`${p.name} <${p.tel}>`, `${p.name} <${p.email}>`]),
  };
}

describe.skipIf(!available)(
  'the appSync seed’s nine scenarios: two phones and a third client on Radicale, through every app',
  () => {
    let server: RunningDavServer;
    let raw: CardDavClient;
    let books = 0;
    const phones: PipelineUnderTest[] = [];

    beforeAll(async () => {
      server = await startRadicale();
      raw = rawClient(server);
    });
    afterEach(async () => {
      for (const phone of phones.splice(0)) await phone.close();
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** A fresh address book and two phones on it, each a whole pipeline with its own storage. */
    async function account(strategy: ConflictStrategy = 'server') {
      books += 1;
      const url = await server.createAddressBook(`scenarios${books}`);
      const book = { url, readOnly: false, supportsSyncCollection: true };
      const phone = async (options: Partial<CardDavProviderOptions> = {}) => {
        const started = await PipelineUnderTest.start({
          providers: [],
          cardDav: {
            url,
            addressBook: book,
            username: server.username,
            password: server.password,
            conflict: strategy,
            retryBaseMs: 0,
            ...options,
          },
        });
        phones.push(started);
        return started;
      };
      const a = await phone();
      const b = await phone();
      return {
        a,
        b,
        /** A further phone on the account. */
        phone,
        /** The third client. */
        put: (name: string, text: string) => putCard(raw, url, name, text),
        del: (name: string) => deleteCard(raw, url, name),
        /** The server's cards as [id, name, number, email], in name order (ids may be new UUIDs). */
        async onServer() {
          return [...(await serverContents(raw, url))]
            .map(([id, card]) => [
              id,
              card.formattedName ?? '',
              card.tel?.map((t) => t.value).join(', ') ?? '',
              card.email?.map((e) => e.value).join(', ') ?? '',
            ])
            .sort(([idA, a], [idB, b]) => a!.localeCompare(b!) || idA!.localeCompare(idB!));
        },
      };
    }

    it('1. sync from server to client: new cards and updates, from the server and on the phone', async () => {
      const { a, put, onServer } = await account();
      await put('ada', cardOf('ada', ADA));
      await put('alan', cardOf('alan', ALAN));
      expect(await a.cardDavSync()).toMatchObject({ downloaded: 2, uploaded: 0, kind: 'full' });
      expect(await apps(a)).toEqual(showing(ADA, ALAN));

      // The server moves Alan to a new number, and a new person arrives; the phone changes Ada's email meanwhile.
      await put('alan', cardOf('alan', ALAN, { tel: NEW_NUMBER }));
      await put('grace', cardOf('grace', GRACE));
      await a.cardDav.update('ada', { email: [{ value: 'countess@example.com' }] });
      const report = await a.cardDavSync();
      expect(report).toMatchObject({ downloaded: 2, uploaded: 1, kind: 'incremental', conflicts: [] });
      expect(await apps(a)).toEqual(
        showing({ ...ADA, email: 'countess@example.com' }, { ...ALAN, tel: NEW_NUMBER }, GRACE),
      );
      expect(await onServer()).toContainEqual(['ada', ADA.name, ADA.tel, 'countess@example.com']);
    });

    it('2. sync from client to server: new cards and updates made on the phone reach the server', async () => {
      const { a, put, onServer } = await account();
      await put('ada', cardOf('ada', ADA));
      await a.cardDavSync();
      const grace = await a.cardDav.add(draftOf(GRACE));
      await a.cardDav.update('ada', { tel: [{ value: NEW_NUMBER }] });
      await a.settle();
      // Shown at once, before any sync: the phone works offline.
      expect(await apps(a)).toEqual(showing({ ...ADA, tel: NEW_NUMBER }, GRACE));
      expect(await a.cardDavSync()).toMatchObject({ uploaded: 2, downloaded: 0, errors: [] });
      expect(await onServer()).toEqual([
        ['ada', ADA.name, NEW_NUMBER, ADA.email],
        [grace.uid, GRACE.name, GRACE.tel, GRACE.email],
      ]);
      expect(await apps(a)).toEqual(showing({ ...ADA, tel: NEW_NUMBER }, GRACE));
    });

    it('3. sync from phone A to the server to phone B', async () => {
      const { a, b, put } = await account();
      await put('ada', cardOf('ada', ADA));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.add(draftOf(BARBARA));
      await a.cardDav.update('ada', { email: [{ value: 'countess@example.com' }] });
      await a.cardDavSync();
      expect(await apps(b)).toEqual(showing(ADA));
      expect(await b.cardDavSync()).toMatchObject({ downloaded: 2, uploaded: 0 });
      const expected = showing({ ...ADA, email: 'countess@example.com' }, BARBARA);
      expect(await apps(b)).toEqual(expected);
      expect(await apps(a)).toEqual(expected);
    });

    it('4. no unneeded syncing: an upload is not downloaded again, and a quiet sync costs one request and no write anywhere', async () => {
      const { a, b, put } = await account();
      await put('ada', cardOf('ada', ADA));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.add(draftOf(EDSGER));
      expect(await a.cardDavSync()).toMatchObject({ uploaded: 1 });

      const book = bookPath(a);

      // A's own upload comes back in the sync report: its ETag is known, so nothing is fetched or rewritten
      // (the new token is the one write).
      const aWrites = watchWrites(a);
      let requests = a.cardDavRequests.length;
      expect(await a.cardDavSync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
      expect(a.cardDavRequests.slice(requests)).toEqual([`REPORT ${book}`]);
      expect(aWrites.counts()).toEqual({ ...aWrites.before, store: aWrites.before.store + 1 });
      requests = a.cardDavRequests.length;
      expect(await a.cardDavSync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
      expect(a.cardDavRequests.slice(requests)).toEqual([`REPORT ${book}`]);
      expect(aWrites.counts()).toEqual({ ...aWrites.before, store: aWrites.before.store + 1 });

      // B downloads the new card once, and its next sync is as quiet.
      expect(await b.cardDavSync()).toMatchObject({ downloaded: 1, uploaded: 0 });
      const bWrites = watchWrites(b);
      requests = b.cardDavRequests.length;
      expect(await b.cardDavSync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
      expect(b.cardDavRequests.slice(requests)).toEqual([`REPORT ${book}`]);
      expect(bWrites.counts()).toEqual(bWrites.before);
      expect(await apps(a)).toEqual(showing(ADA, EDSGER));
      expect(await apps(b)).toEqual(showing(ADA, EDSGER));
    });

    it('5. soft deletes: a phone’s delete is a tombstone until the server confirms it; server deletes reach every app', async () => {
      const { a, b, put, del, onServer } = await account();
      await put('ada', cardOf('ada', ADA));
      await put('alan', cardOf('alan', ALAN));
      await put('grace', cardOf('grace', GRACE));
      await a.cardDavSync();
      await b.cardDavSync();

      await a.cardDav.remove('ada');
      await a.cardDav.remove('grace');
      await a.settle();
      // Gone from A's apps at once; still on the server until A syncs.
      expect(await apps(a)).toEqual(showing(ALAN));
      expect((await onServer()).map(([id]) => id)).toEqual(['ada', 'alan', 'grace']);
      // The third client deletes Grace too (deleted on both sides: nothing to confirm, no conflict) and Alan.
      await del('grace');
      await del('alan');
      expect(await a.cardDavSync()).toMatchObject({ uploaded: 1, deleted: 1, errors: [], conflicts: [] });
      expect(await onServer()).toEqual([]);
      expect(await apps(a)).toEqual(showing());
      expect(await b.cardDavSync()).toMatchObject({ deleted: 3, uploaded: 0 });
      expect(await apps(b)).toEqual(showing());
    });

    it('6. conflict handling: a card changed on the phone and on the server (server priority, the default)', async () => {
      const { a, b, put, onServer } = await account();
      await put('ada', cardOf('ada', ADA));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.update('ada', { tel: [{ value: NEW_NUMBER }] });
      await put('ada', cardOf('ada', ADA, { name: 'Ada King' }));
      const report = await a.cardDavSync();
      expect(report.conflicts).toMatchObject([
        { contactId: 'ada', kind: 'update/update', winner: 'server', strategy: 'server' },
      ]);
      expect(report.conflicts[0]?.lost?.tel).toEqual([{ value: NEW_NUMBER }]);
      await b.cardDavSync();
      const king = { ...ADA, name: 'Ada King' };
      expect(await onServer()).toEqual([['ada', king.name, ADA.tel, ADA.email]]);
      expect(await apps(a)).toEqual(showing(king));
      expect(await apps(b)).toEqual(showing(king));
      // The losing version stays in A's report until the user dismisses it.
      expect(await a.cardDav.conflicts()).toEqual(report.conflicts);
      expect(await b.cardDav.conflicts()).toEqual([]);
    });

    it('7. primary-key conflict: the same person created on a phone and on the server is one person in every app, and “keep both” stays possible', async () => {
      const { a, b, put, onServer } = await account();
      // Offline, phone A creates Ada (its own UID); the web UI creates her too, and a card whose UID is the
      // one phone A gives Grace, under another name (Radicale answers A's PUT with 409 no-uid-conflict).
      await a.cardDav.add(draftOf(ADA));
      await a.cardDav.add({ ...draftOf(GRACE), uid: 'grace-uid' });
      await put('ada-web', cardOf('ada-web', ADA));
      await put('grace-web', cardOf('grace-uid', GRACE));
      for (let cycle = 0; cycle < 2; cycle += 1) {
        await a.cardDavSync();
        await b.cardDavSync();
      }
      const cards = await onServer();
      // Two cards of Ada (two UIDs: the server cannot know they are one person); one of Grace.
      expect(cards.filter(([, name]) => name === ADA.name)).toHaveLength(2);
      expect(cards.filter(([, name]) => name === GRACE.name)).toEqual([
        ['grace-web', GRACE.name, GRACE.tel, GRACE.email],
      ]);
      expect(cards).toHaveLength(3);
      for (const phone of [a, b]) {
        expect((await phone.cardDav.list()).contacts.map((c) => c.id).sort()).toEqual(
          cards.map(([id]) => id).sort(),
        );
        expect(await apps(phone)).toEqual(showing(ADA, GRACE));
      }
      await expectMergedWithReason(a, ADA);
      await keepBoth(a, ADA, put);
    });

    const TURING = 'turing@example.com';
    it.each([
      // A's Alan reached the server first: it stays, and B's is the loser kept in B's report.
      ['server', 0, ALAN.email, 'server', TURING],
      // B's Alan goes up over A's (re-PUT on the new ETag); A's is kept in B's report.
      ['client', 0, TURING, 'client', ALAN.email],
      // B created Alan a minute after A (its clock): the newer one wins though A's reached the server first.
      ['timestamp', 60_000, TURING, 'client', ALAN.email],
    ] as const)(
      '8. primary-key conflict: the same person created on two phones offline (%s priority); after two full cycles every phone and the server agree',
      async (strategy, bLater, alanEmail, winner, lostEmail) => {
        const { a, b, put, onServer } = await account(strategy);
        // Ada on both phones under their own UIDs; Alan on both under one UID (a create/create on one href).
        await a.cardDav.add(draftOf(ADA));
        await b.cardDav.add(draftOf(ADA));
        await a.cardDav.add({ ...draftOf(ALAN), uid: 'alan' });
        b.tick(bLater);
        await b.cardDav.add({ ...draftOf(ALAN, { email: TURING }), uid: 'alan' });
        for (let cycle = 0; cycle < 2; cycle += 1) {
          await a.cardDavSync();
          await b.cardDavSync();
        }
        const cards = await onServer();
        expect(cards.filter(([, name]) => name === ADA.name)).toHaveLength(2);
        expect(cards.filter(([, name]) => name === ALAN.name)).toEqual([
          ['alan', ALAN.name, ALAN.tel, alanEmail],
        ]);
        // B met the conflict (A had uploaded first); A's copy was clean when B's version came down.
        expect(
          (await b.cardDav.conflicts()).map((c) => [c.contactId, c.kind, c.winner, c.lost?.email]),
        ).toEqual([['alan', 'create/create', winner, [{ value: lostEmail }]]]);
        expect(await a.cardDav.conflicts()).toEqual([]);
        for (const phone of [a, b]) {
          expect((await phone.cardDav.list()).contacts.map((c) => c.id).sort()).toEqual(
            cards.map(([id]) => id).sort(),
          );
          expect(await apps(phone)).toEqual(showing(ADA, { ...ALAN, email: alanEmail }));
          expect(await phone.cardDavSync()).toMatchObject({ downloaded: 0, uploaded: 0, conflicts: [] });
        }
        await expectMergedWithReason(b, ADA);
        await keepBoth(b, ADA, put);
      },
    );

    it('9. full sync with cards created on the phone and never synced: both ways, removing only what the server lost', async () => {
      const { a, b, put, del, onServer } = await account();
      await put('ada', cardOf('ada', ADA));
      await put('alan', cardOf('alan', ALAN));
      await a.cardDavSync();
      await b.cardDavSync();
      const grace = await a.cardDav.add(draftOf(GRACE));
      await put('barbara', cardOf('barbara', BARBARA));
      await del('alan');
      const writes = watchWrites(a);
      const adaPerson = await a.gcds.personOf({ provider: a.cardDavId, contactId: 'ada' });
      const report = await a.cardDavSync(true);
      // Ada matched by href and ETag: not downloaded again, and no app rewrote her (never "wipe and reload").
      expect(report).toMatchObject({ kind: 'full', downloaded: 1, uploaded: 1, deleted: 1, conflicts: [] });
      expect(writes.counts().resets).toBe(0);
      expect(writes.changed.length).toBeGreaterThan(0);
      expect(writes.changed).not.toContain(adaPerson);
      expect(await onServer()).toEqual([
        ['ada', ADA.name, ADA.tel, ADA.email],
        ['barbara', BARBARA.name, BARBARA.tel, BARBARA.email],
        [grace.uid, GRACE.name, GRACE.tel, GRACE.email],
      ]);
      expect(await b.cardDavSync(true)).toMatchObject({ kind: 'full', downloaded: 2, deleted: 1 });
      for (const phone of [a, b]) expect(await apps(phone)).toEqual(showing(ADA, BARBARA, GRACE));
    });

    // Not a seed scenario: the provider's crash points (crashPoints.radicale.test.ts) seen from the apps.
    it('a first sync killed at each of its store commits, then run again: every app ends as after an uninterrupted sync', async () => {
      const { b, phone, put } = await account();
      for (const [i, p] of PEOPLE.entries()) await put(`p${i}`, cardOf(`p${i}`, p));
      await b.cardDav.add(draftOf(ADA, { tel: NEW_NUMBER }));
      await b.cardDavSync();
      // Two people named Ada Lovelace rank equally in Messages and tie by their person ids, which each phone
      // draws anew: the phones must show the same suggestions, not the two Adas in the same order.
      const tiesUnordered = (view: Awaited<ReturnType<typeof apps>>) => ({
        ...view,
        recipients: Object.fromEntries(
          Object.entries(view.recipients).map(([word, hits]) => [word, [...hits].sort()]),
        ),
      });
      const reference = tiesUnordered(await apps(b));
      // A new phone's first sync, in batches of 2 cards: killed before or after its n-th store commit.
      let n = 0;
      for (let killed = true; killed; ) {
        n += 1;
        killed = false;
        for (const when of ['before', 'after'] as const) {
          const c = await phone({ batchSize: 2 });
          c.cardDavKill.armIn(n, when);
          await c.cardDav.sync().catch((error: unknown) => {
            if (!isKilled(error)) throw error;
          });
          if (c.cardDavKill.fired > 0) killed = true;
          await c.cardDavSync();
          expect(tiesUnordered(await apps(c)), `killed ${when} commit ${n}`).toEqual(reference);
          await c.close();
          phones.splice(phones.indexOf(c), 1);
        }
      }
      expect(n).toBeGreaterThan(3);
    });

    /** The losing version is in the phone's report until the user dismisses it, and gone after. */
    async function keptUntilDismissed(phone: PipelineUnderTest, expected: unknown[]) {
      const kept = await phone.cardDav.conflicts();
      expect(
        kept.map(({ contactId, kind, winner, strategy, lost }) => ({
          contactId,
          kind,
          winner,
          strategy,
          lost: lost && {
            name: lost.formattedName,
            tel: lost.tel?.[0]?.value,
            email: lost.email?.[0]?.value,
          },
        })),
      ).toEqual(expected);
      expect(phone.cardDav.status().conflicts).toBe(kept.length);
      // Another sync does not drop it.
      await phone.cardDavSync();
      expect(await phone.cardDav.conflicts()).toEqual(kept);
      for (const conflict of kept) await phone.cardDav.dismissConflict(conflict.id);
      expect(await phone.cardDav.conflicts()).toEqual([]);
      expect(phone.cardDav.status().conflicts).toBe(0);
    }

    it('server priority, update/delete: the server’s delete wins on every phone; the phone’s edit is kept in its report', async () => {
      const { a, b, put, del, onServer } = await account('server');
      await put('ada', cardOf('ada', ADA));
      await put('alan', cardOf('alan', ALAN));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.update('ada', { tel: [{ value: NEW_NUMBER }] });
      await del('ada');
      expect((await a.cardDavSync()).conflicts).toHaveLength(1);
      await b.cardDavSync();
      expect((await onServer()).map(([id]) => id)).toEqual(['alan']);
      for (const phone of [a, b]) expect(await apps(phone)).toEqual(showing(ALAN));
      await keptUntilDismissed(a, [
        {
          contactId: 'ada',
          kind: 'update/delete',
          winner: 'server',
          strategy: 'server',
          lost: { name: ADA.name, tel: NEW_NUMBER, email: ADA.email },
        },
      ]);
    });

    it('client priority, delete/update: the phone’s delete wins over the web UI’s edit; the edit is kept in its report', async () => {
      const { a, b, put, onServer } = await account('client');
      await put('ada', cardOf('ada', ADA));
      await put('alan', cardOf('alan', ALAN));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.remove('ada');
      await put('ada', cardOf('ada', ADA, { tel: NEW_NUMBER }));
      expect((await a.cardDavSync()).conflicts).toHaveLength(1);
      await b.cardDavSync();
      expect((await onServer()).map(([id]) => id)).toEqual(['alan']);
      for (const phone of [a, b]) expect(await apps(phone)).toEqual(showing(ALAN));
      await keptUntilDismissed(a, [
        {
          contactId: 'ada',
          kind: 'delete/update',
          winner: 'client',
          strategy: 'client',
          lost: { name: ADA.name, tel: NEW_NUMBER, email: ADA.email },
        },
      ]);
    });

    it('client priority, update/update: the phone’s edit goes up over the server’s and reaches the other phone', async () => {
      const { a, b, put, onServer } = await account('client');
      await put('ada', cardOf('ada', ADA));
      await a.cardDavSync();
      await b.cardDavSync();
      await a.cardDav.update('ada', { tel: [{ value: NEW_NUMBER }] });
      await put('ada', cardOf('ada', ADA, { email: 'countess@example.com' }));
      expect(await a.cardDavSync()).toMatchObject({ uploaded: 1, errors: [] });
      await b.cardDavSync();
      expect(await onServer()).toEqual([['ada', ADA.name, NEW_NUMBER, ADA.email]]);
      for (const phone of [a, b]) expect(await apps(phone)).toEqual(showing({ ...ADA, tel: NEW_NUMBER }));
      await keptUntilDismissed(a, [
        {
          contactId: 'ada',
          kind: 'update/update',
          winner: 'client',
          strategy: 'client',
          lost: { name: ADA.name, tel: ADA.tel, email: 'countess@example.com' },
        },
      ]);
    });

    it('timestamp priority, create/create with one UID on two phones: the later creation wins everywhere; the earlier is kept in the report', async () => {
      const { a, b, onServer } = await account('timestamp');
      await a.cardDav.add({ ...draftOf(ALAN), uid: 'alan' });
      // B creates the same UID a minute later (its clock): the newer REV wins whoever syncs first.
      b.tick(60_000);
      await b.cardDav.add({ ...draftOf(ALAN, { tel: NEW_NUMBER }), uid: 'alan' });
      await a.cardDavSync();
      expect((await b.cardDavSync()).conflicts).toMatchObject([{ kind: 'create/create', winner: 'client' }]);
      await a.cardDavSync();
      expect(await onServer()).toEqual([['alan', ALAN.name, NEW_NUMBER, ALAN.email]]);
      for (const phone of [a, b]) expect(await apps(phone)).toEqual(showing({ ...ALAN, tel: NEW_NUMBER }));
      expect(await a.cardDav.conflicts()).toEqual([]);
      await keptUntilDismissed(b, [
        {
          contactId: 'alan',
          kind: 'create/create',
          winner: 'client',
          strategy: 'timestamp',
          lost: { name: ALAN.name, tel: ALAN.tel, email: ALAN.email },
        },
      ]);
    });

    /**
     * The Contacts app shows the person once, its detail built from both cards, and why they are one
     * (the GCDS's merge reason, which the detail page lists): the same number and email, found on its own.
     */
    async function expectMergedWithReason(phone: PipelineUnderTest, p: Person) {
      const contacts = phone.app('contacts', 'contacts');
      const [hit, ...others] = await contacts.search(p.name, 20);
      expect(others).toEqual([]);
      const detail = await contacts.getDetail(hit!.entry.personId);
      expect(detail?.sources.map((source) => source.provider)).toEqual([phone.cardDavId, phone.cardDavId]);
      expect((await phone.gcds.getPerson(hit!.entry.personId))?.reasons).toEqual([
        expect.objectContaining({
          kind: 'auto',
          keys: expect.arrayContaining([`phone:${p.tel.replace(/\s/g, '')}`, `email:${p.email}`]),
        }),
      ]);
    }

    /**
     * "Keep both": the user unmerges the person; the phone's apps then show the two cards apart. The
     * decision is keyed by the cards (provider + record id), so it holds over a server edit of one of
     * them and over a full sync.
     */
    async function keepBoth(
      phone: PipelineUnderTest,
      p: Person,
      put: (name: string, text: string) => Promise<void>,
    ) {
      const [merged] = (await phone.people()).filter((x) => x.pointers.length > 1);
      const cards = merged!.pointers.map((pointer) => pointer.contactId);
      await phone.gcds.unmerge(merged!.id);
      await phone.settle();
      const apart = async () => {
        const view = await apps(phone);
        expect(view.list.filter((name) => name === p.name)).toHaveLength(2);
        expect(view.callerId[p.tel]).toEqual([p.name, p.name]);
      };
      await apart();
      const edited = cards[0]!;
      const uid = (await phone.cardDav.get(edited))?.uid ?? edited;
      await put(edited, cardOf(uid, p, {}, ['NOTE:edited on the web']));
      expect(await phone.cardDavSync()).toMatchObject({ downloaded: 1 });
      expect((await phone.cardDav.get(edited))?.note).toBe('edited on the web');
      await apart();
      await phone.cardDavSync(true);
      await apart();
      expect((await phone.people()).filter((x) => x.pointers.length > 1)).toEqual([]);
    }
  },
);

/** The path of the address book the phone syncs, as its requests name it. */
function bookPath(phone: PipelineUnderTest): string {
  const book = phone.cardDav.addressBook();
  if (book === undefined) throw new Error('the phone has no address book yet');
  return new URL(book.url).pathname;
}
