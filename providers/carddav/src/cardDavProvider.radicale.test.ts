import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Contact } from '@gcds/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAddressBooks } from './cardDavAccount';
import type { CardDavClient } from './cardDavClient';
import type { RunningDavServer } from './testing/davServerProcess';
import { startPhone } from './testing/phoneHarness';
import { startRadicale } from './testing/radicaleServer';
import { RADICALE_PATH, serverBinary } from './testing/serverBinaries';
import { deleteCard, putCard, rawClient, serverContents, vcard } from './testing/serverContents';
import type { AddressBookInfo, ConflictStrategy } from './types';

const available = serverBinary('Radicale', RADICALE_PATH, 'radicale');

describe.skipIf(!available)('the CardDAV provider against Radicale', () => {
  let server: RunningDavServer;
  let raw: CardDavClient;
  let books = 0;

  beforeAll(async () => {
    server = await startRadicale();
    raw = rawClient(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A fresh address book per test, found by discovery as the device would. */
  async function newBook(): Promise<AddressBookInfo> {
    books += 1;
    const url = await server.createAddressBook(`book${books}`, `Book ${books}`);
    const found = (
      await discoverAddressBooks({ url: server.url, username: server.username, password: server.password })
    ).find((book) => book.url === url);
    if (found === undefined) throw new Error(`discovery did not find ${url}`);
    return found;
  }

  const account = () => ({ username: server.username, password: server.password });

  const put = (book: AddressBookInfo, name: string, text: string) => putCard(raw, book.url, name, text);

  const del = (book: AddressBookInfo, name: string) => deleteCard(raw, book.url, name);

  it('discovers the account, syncs a first time and keeps what it does not model (X- properties)', async () => {
    const book = await newBook();
    expect(book).toMatchObject({
      displayName: `Book ${books}`,
      readOnly: false,
      supportsSyncCollection: true,
    });
    await put(
      book,
      'ada',
      vcard('ada', 'Ada Lovelace', ['TEL;TYPE=CELL:+44 20 7946 0000', 'X-SHOE-SIZE:38']),
    );
    await put(book, 'alan', vcard('alan', 'Alan Turing'));
    const phone = await startPhone(book, account());
    const report = await phone.api.sync();
    expect(report).toMatchObject({
      downloaded: 2,
      uploaded: 0,
      deleted: 0,
      conflicts: [],
      errors: [],
      kind: 'full',
    });
    const ada = await phone.api.get('ada');
    expect(ada).toMatchObject({
      formattedName: 'Ada Lovelace',
      uid: 'ada',
      tel: [{ value: '+44 20 7946 0000' }],
    });
    expect(ada?.extra).toEqual([{ name: 'X-SHOE-SIZE', value: '38' }]);
    // The user edits the name; the property nobody here knows goes back to the server untouched.
    await phone.api.update('ada', { formattedName: 'Ada King' });
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 1, kind: 'incremental' });
    const text = (await raw.get(`${book.url}ada.vcf`))?.text ?? '';
    expect(text).toContain('FN:Ada King');
    expect(text).toContain('X-SHOE-SIZE:38');
    expect(phone.api.status()).toMatchObject({ state: 'idle', message: 'synced' });
    await phone.stop();
  });

  it('syncs incrementally both ways, creates at <UID>.vcf and deletes both ways', async () => {
    const book = await newBook();
    await put(book, 'grace', vcard('grace', 'Grace Hopper'));
    const phone = await startPhone(book, account());
    await phone.api.sync();
    const created = await phone.api.add({
      formattedName: 'Edsger Dijkstra',
      tel: [{ value: '+31 20 555 0101' }],
    });
    expect(created.id).toBe(created.uid);
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1, downloaded: 0 });
    expect((await raw.get(`${book.url}${created.uid}.vcf`))?.text).toContain('Edsger Dijkstra');

    await put(book, 'grace', vcard('grace', 'Grace Brewster Hopper'));
    await put(book, 'barbara', vcard('barbara', 'Barbara Liskov'));
    expect(await phone.api.sync()).toMatchObject({ downloaded: 2, uploaded: 0 });
    expect((await phone.api.get('grace'))?.formattedName).toBe('Grace Brewster Hopper');

    await phone.api.remove(created.id);
    expect(await phone.api.get(created.id)).toBeUndefined();
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1 });
    expect(await raw.get(`${book.url}${created.uid}.vcf`)).toBeUndefined();

    await del(book, 'barbara');
    expect(await phone.api.sync()).toMatchObject({ deleted: 1 });
    expect((await phone.records()).map((c) => c.id)).toEqual(['grace']);
    expect([...(await serverContents(raw, book.url)).keys()]).toEqual(['grace']);
    await phone.stop();
  });

  it('does no unneeded syncing (seed scenario 4): its own upload is not downloaded again, and a quiet sync is one request and no write', async () => {
    const book = await newBook();
    const phone = await startPhone(book, account());
    await phone.api.sync();
    await phone.api.add({ formattedName: 'Margaret Hamilton' });
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1 });
    const revision = await phone.store.getRevision();
    const requests = phone.requests.length;
    // The server's change is our own upload: the ETag matches, nothing is fetched or written but the token.
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
    expect(phone.requests.slice(requests)).toEqual([`REPORT ${new URL(book.url).pathname}`]);
    expect(await phone.store.getRevision()).toBe(revision);
    const bulks = phone.counts.bulks;
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 0, requests: 1 });
    expect(phone.counts.bulks).toBe(bulks);
    expect(await phone.store.getRevision()).toBe(revision);
    await phone.stop();
  });

  /** Sets up one card known to both sides, then changes it on each side as the case says. */
  async function conflictCase(
    strategy: ConflictStrategy,
    kind: 'update/update' | 'update/delete' | 'delete/update' | 'create/create',
    serverRev?: string,
  ) {
    const book = await newBook();
    const clock = { now: Date.parse('2026-06-01T12:00:00Z') };
    const phone = await startPhone(book, { ...account(), conflict: strategy, now: () => clock.now });
    if (kind === 'create/create') {
      await phone.api.add({ uid: 'kim', formattedName: 'Kim (phone)' });
      await put(
        book,
        'kim',
        vcard('kim', 'Kim (server)', serverRev === undefined ? [] : [`REV:${serverRev}`]),
      );
    } else {
      await put(book, 'kim', vcard('kim', 'Kim'));
      await phone.api.sync();
      if (kind === 'delete/update') await phone.api.remove('kim');
      else await phone.api.update('kim', { formattedName: 'Kim (phone)' });
      if (kind === 'update/delete') await del(book, 'kim');
      else
        await put(
          book,
          'kim',
          vcard('kim', 'Kim (server)', serverRev === undefined ? [] : [`REV:${serverRev}`]),
        );
    }
    const report = await phone.api.sync();
    const local = await phone.api.get('kim');
    const remote = (await serverContents(raw, book.url)).get('kim');
    const kept = await phone.api.conflicts();
    // A second cycle changes nothing more: both sides agree already.
    const again = await phone.api.sync();
    expect(again.conflicts).toEqual([]);
    expect(await phone.api.get('kim')).toEqual(local);
    await phone.stop();
    return { report, local, remote, kept };
  }

  const name = (contact: Contact | { formattedName?: string } | undefined) => contact?.formattedName;

  it.each([
    ['server', 'update/update', 'Kim (server)', 'Kim (server)', 'Kim (phone)'],
    ['client', 'update/update', 'Kim (phone)', 'Kim (phone)', 'Kim (server)'],
    ['server', 'update/delete', undefined, undefined, 'Kim (phone)'],
    ['client', 'update/delete', 'Kim (phone)', 'Kim (phone)', undefined],
    ['server', 'delete/update', 'Kim (server)', 'Kim (server)', undefined],
    ['client', 'delete/update', undefined, undefined, 'Kim (server)'],
    ['server', 'create/create', 'Kim (server)', 'Kim (server)', 'Kim (phone)'],
    ['client', 'create/create', 'Kim (phone)', 'Kim (phone)', 'Kim (server)'],
  ] as const)(
    '%s priority settles %s: phone %s, server %s, the loser (%s) kept in the report',
    async (strategy, kind, phoneName, serverName, lostName) => {
      const { report, local, remote, kept } = await conflictCase(strategy, kind);
      expect(name(local)).toBe(phoneName);
      expect(name(remote)).toBe(serverName);
      expect(report.conflicts).toHaveLength(1);
      expect(report.conflicts[0]).toMatchObject({ contactId: 'kim', kind, strategy, winner: strategy });
      expect(name(report.conflicts[0]?.lost)).toBe(lostName);
      expect(kept).toEqual(report.conflicts);
    },
  );

  it.each([
    ['update/update', '2026-06-01T13:00:00Z', 'Kim (server)'],
    ['update/update', '2026-06-01T11:00:00Z', 'Kim (phone)'],
    ['update/update', undefined, 'Kim (phone)'],
    ['create/create', '2026-06-01T13:00:00Z', 'Kim (server)'],
    ['create/create', undefined, 'Kim (phone)'],
    ['delete/update', '2026-06-01T13:00:00Z', 'Kim (server)'],
    ['delete/update', '2026-06-01T11:00:00Z', undefined],
    ['update/delete', undefined, 'Kim (phone)'],
  ] as const)('timestamp priority settles %s with server REV %s: %s', async (kind, rev, winnerName) => {
    const { local, remote, report } = await conflictCase('timestamp', kind, rev?.replace(/[-:]/g, ''));
    expect(name(local)).toBe(winnerName);
    expect(name(remote)).toBe(winnerName);
    expect(report.conflicts).toHaveLength(1);
  });

  it('keeps the losing version across restarts until the user dismisses it', async () => {
    const book = await newBook();
    await put(book, 'lin', vcard('lin', 'Lin'));
    let phone = await startPhone(book, account());
    await phone.api.sync();
    await phone.api.update('lin', { formattedName: 'Lin (phone)', note: 'typed on the bus' });
    await put(book, 'lin', vcard('lin', 'Lin (server)'));
    const [conflict] = (await phone.api.sync()).conflicts;
    expect(conflict?.lost).toMatchObject({ formattedName: 'Lin (phone)', note: 'typed on the bus' });
    expect(phone.api.status().conflicts).toBe(1);
    phone = await phone.restart();
    expect(await phone.api.conflicts()).toEqual([conflict]);
    await phone.api.dismissConflict(conflict!.id);
    expect(await phone.api.conflicts()).toEqual([]);
    expect(phone.api.status().conflicts).toBe(0);
    await phone.stop();
  });

  it.each([
    ['server', 'none', 'server', 'Dup (server)', 'Dup (phone)'],
    ['client', 'none', 'client', 'Dup (phone)', 'Dup (server)'],
    // The phone's card changed at 12:00; a server card without REV has no time, so it loses.
    ['timestamp', '20260601T130000Z', 'server', 'Dup (server)', 'Dup (phone)'],
    ['timestamp', 'none', 'client', 'Dup (phone)', 'Dup (server)'],
  ] as const)(
    'two cards with one UID (409 no-uid-conflict), %s priority (server REV %s): the phone moves onto the server card, nothing doubled',
    async (strategy, serverRev, winner, winnerName, lostName) => {
      const book = await newBook();
      const phone = await startPhone(book, {
        ...account(),
        conflict: strategy,
        now: () => Date.parse('2026-06-01T12:00:00Z'),
      });
      await phone.api.add({ uid: 'dup', formattedName: 'Dup (phone)' });
      await put(
        book,
        'elsewhere',
        vcard('dup', 'Dup (server)', serverRev === 'none' ? [] : [`REV:${serverRev}`]),
      );
      const report = await phone.api.sync();
      expect(report.conflicts).toMatchObject([
        { kind: 'uid-conflict', winner, strategy, contactId: 'elsewhere' },
      ]);
      expect(name(report.conflicts[0]?.lost)).toBe(lostName);
      expect((await phone.records()).map((c) => [c.id, c.formattedName, c.uid])).toEqual([
        ['elsewhere', winnerName, 'dup'],
      ]);
      const onServer = await serverContents(raw, book.url);
      expect([...onServer].map(([id, c]) => [id, c.formattedName])).toEqual([['elsewhere', winnerName]]);
      expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 0, conflicts: [] });
      await phone.stop();
    },
  );

  it('a token Radicale no longer knows (its cache wiped) turns into a full listing by itself, nothing rewritten', async () => {
    const book = await newBook();
    await put(book, 'stays', vcard('stays', 'Stays'));
    const phone = await startPhone(book, account());
    await phone.api.sync();
    const collection = new URL(book.url).pathname.split('/').at(-2)!;
    await rm(
      join(server.folder, 'collections', 'collection-root', server.username, collection, '.Radicale.cache'),
      {
        recursive: true,
        force: true,
      },
    );
    await put(book, 'arrives', vcard('arrives', 'Arrives'));
    const revision = await phone.store.getRevision();
    expect(await phone.api.sync()).toMatchObject({ kind: 'full', downloaded: 1, deleted: 0, errors: [] });
    expect(await phone.store.getRevision()).toBe(revision + 1);
    expect((await phone.records()).map((c) => c.id)).toEqual(['arrives', 'stays']);
    expect(await phone.api.sync()).toMatchObject({ kind: 'incremental', requests: 1 });
    await phone.stop();
  });

  it('two phones and a third client converge after two cycles, same-UID creates included (seed scenarios 3, 7, 8)', async () => {
    const book = await newBook();
    await put(book, 'base', vcard('base', 'Base Person'));
    const a = await startPhone(book, account());
    const b = await startPhone(book, account());
    await a.api.sync();
    await b.api.sync();
    // Offline on both phones, and a third client on the server.
    await a.api.add({ uid: 'same-person', formattedName: 'Same (A)' });
    await b.api.add({ uid: 'same-person', formattedName: 'Same (B)' });
    await a.api.add({ formattedName: 'Only on A' });
    await b.api.update('base', { formattedName: 'Base (B)' });
    await put(book, 'third', vcard('third', 'From the web'));
    for (let cycle = 0; cycle < 2; cycle += 1) {
      await a.api.sync();
      await b.api.sync();
    }
    const onServer = await serverContents(raw, book.url);
    const view = (records: Contact[]) => records.map((c) => [c.id, c.formattedName]);
    expect(view(await a.records())).toEqual(view(await b.records()));
    expect(view(await a.records())).toEqual([...onServer].map(([id, c]) => [id, c.formattedName]));
    expect(onServer.get('same-person')?.formattedName).toBe('Same (A)');
    expect(onServer.get('base')?.formattedName).toBe('Base (B)');
    expect(onServer.size).toBe(4);
    await a.stop();
    await b.stop();
  });

  it('full sync: keeps what matches, uploads what never synced, removes only what the server lost', async () => {
    const book = await newBook();
    await put(book, 'keep', vcard('keep', 'Keep Me'));
    await put(book, 'gone', vcard('gone', 'Gone Soon'));
    const phone = await startPhone(book, account());
    await phone.api.sync();
    await phone.api.add({ uid: 'new-here', formattedName: 'New Here' });
    await del(book, 'gone');
    const revision = await phone.store.getRevision();
    const report = await phone.api.fullSync();
    expect(report).toMatchObject({ kind: 'full', downloaded: 0, uploaded: 1, deleted: 1, conflicts: [] });
    // Only the removal and the new card's state were written: `keep` was not rewritten.
    expect(await phone.store.getRevision()).toBe(revision + 1);
    expect((await phone.records()).map((c) => c.id)).toEqual(['keep', 'new-here']);
    expect([...(await serverContents(raw, book.url)).keys()]).toEqual(['keep', 'new-here']);
    await phone.stop();
  });
});
