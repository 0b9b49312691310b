import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadOnlyAddressBookError } from './cardDavApi';
import { CardDavClient } from './cardDavClient';
import { createCardDavAccount } from './cardDavProvider';
import { DavHttpError, DavNetworkError } from './davErrors';
import { DavTransport } from './davTransport';
import { FakeCardDavServer } from './testing/fakeCardDavServer';
import { startPhone } from './testing/phoneHarness';
import { vcard } from './testing/serverContents';
import type { AddressBookInfo } from './types';

const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the CardDAV provider against a server that fails on demand', () => {
  let server: FakeCardDavServer;
  let book: AddressBookInfo;
  const account = { username: 'user', password: 'right' };

  beforeEach(async () => {
    server = await new FakeCardDavServer().start();
    book = { url: server.bookUrl, readOnly: false, supportsSyncCollection: true };
  });
  afterEach(async () => {
    await server.stop();
  });

  function client(timeoutMs = 5_000) {
    return new CardDavClient(new DavTransport({ account: { url: server.url, ...account }, timeoutMs }));
  }

  it('discovers through a redirected /.well-known/carddav and reads the privileges: a read-only book stays read-only', async () => {
    server.readOnly = true;
    server.putCard('ro', vcard('ro', 'Read Only'));
    const [definition] = await createCardDavAccount({ url: server.url, ...account });
    expect(definition?.manifest).toMatchObject({
      accessLevel: 'privileged',
      writable: false,
      displayName: 'Main',
    });
    const phone = await startPhone(
      { url: server.bookUrl, readOnly: true, supportsSyncCollection: true },
      account,
    );
    expect(await phone.api.sync()).toMatchObject({ downloaded: 1 });
    await expect(phone.api.add({ formattedName: 'Nope' })).rejects.toBeInstanceOf(ReadOnlyAddressBookError);
    await expect(phone.api.remove('ro')).rejects.toBeInstanceOf(ReadOnlyAddressBookError);
    await phone.stop();
  });

  it('401: "password rejected", and the local change waits, neither lost nor doubled', async () => {
    const phone = await startPhone(book, { ...account, password: 'wrong' });
    await phone.api.add({ uid: 'kept', formattedName: 'Kept Locally' });
    await expect(phone.api.sync()).rejects.toMatchObject({ status: 401 });
    expect(phone.api.status()).toMatchObject({ state: 'auth-failed', message: 'password rejected' });
    await phone.stop();
    const fixed = await startPhone(book, { ...account, namespace: phone.namespace });
    expect(await fixed.api.sync()).toMatchObject({ uploaded: 1 });
    expect([...server.cards.keys()]).toEqual(['kept']);
    await fixed.stop();
  });

  it('403 without a precondition: "access denied"', async () => {
    const phone = await startPhone(book, account);
    server.fail({ method: 'REPORT', status: 403 });
    await expect(phone.api.sync()).rejects.toBeInstanceOf(DavHttpError);
    expect(phone.api.status()).toMatchObject({
      state: 'auth-failed',
      message: 'access denied to this address book',
    });
    await phone.stop();
  });

  it('500: "server error, retrying in 2 min", backing off, and the next sync succeeds', async () => {
    const phone = await startPhone(book, { ...account, retryBaseMs: 120_000 });
    server.fail({ method: 'REPORT', status: 500 });
    await expect(phone.api.sync()).rejects.toMatchObject({ status: 500 });
    expect(phone.api.status()).toMatchObject({
      state: 'retrying',
      message: 'server error (HTTP 500), retrying in 2 min',
    });
    expect(phone.api.status().retryAt).toBeGreaterThan(Date.now());
    // A server that says when to come back is not asked sooner.
    server.fail({ method: 'REPORT', status: 503, headers: { 'Retry-After': '600' } });
    await expect(phone.api.sync()).rejects.toMatchObject({ status: 503, retryAfterMs: 600_000 });
    expect(phone.api.status().message).toBe('server error (HTTP 503), retrying in 10 min');
    server.putCard('later', vcard('later', 'Later'));
    expect(await phone.api.sync()).toMatchObject({ downloaded: 1 });
    expect(phone.api.status()).toMatchObject({ state: 'idle', message: 'synced' });
    await phone.stop();
  });

  it('retries by itself after a failure, backing off, and status$ tells each step', async () => {
    const phone = await startPhone(book, { ...account, retryBaseMs: 50 });
    const states: string[] = [];
    const subscription = phone.api.status$.subscribe((status) => states.push(status.state));
    server.putCard('back', vcard('back', 'Back Again'));
    server.fail({ method: 'REPORT', status: 503 });
    await expect(phone.api.sync()).rejects.toMatchObject({ status: 503 });
    await vi.waitFor(async () => expect(await phone.api.get('back')).toBeDefined(), { timeout: 2_000 });
    await vi.waitFor(() => expect(states.at(-1)).toBe('idle'));
    expect(states).toEqual(['idle', 'syncing', 'retrying', 'syncing', 'idle']);
    subscription.unsubscribe();
    await phone.stop();
  });

  it('an edit made while its card is being uploaded is neither lost nor taken for uploaded', async () => {
    const phone = await startPhone(book, account);
    await phone.api.add({ uid: 'busy', formattedName: 'First version' });
    server.fail({ method: 'PUT', delayMs: 300 });
    const syncing = phone.api.sync();
    await vi.waitFor(() => expect(server.requests).toContain('PUT /u/books/main/busy.vcf'));
    await phone.api.update('busy', { formattedName: 'Second version' });
    expect(await syncing).toMatchObject({ uploaded: 1 });
    expect(server.cards.get('busy')?.text).toContain('FN:First version');
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1, downloaded: 0, conflicts: [] });
    expect(server.cards.get('busy')?.text).toContain('FN:Second version');
    expect((await phone.api.get('busy'))?.formattedName).toBe('Second version');
    await phone.stop();
  });

  it('without sync-collection, a PROPFIND of ETags is the listing: only changed cards are fetched, a quiet sync writes nothing', async () => {
    const noSync: AddressBookInfo = { ...book, supportsSyncCollection: false };
    server.putCard('p1', vcard('p1', 'Listed One'));
    server.putCard('p2', vcard('p2', 'Listed Two'));
    const phone = await startPhone(noSync, account);
    expect(await phone.api.sync()).toMatchObject({ downloaded: 2, kind: 'full' });
    await phone.api.add({ uid: 'p3', formattedName: 'Listed Three' });
    server.putCard('p1', vcard('p1', 'Listed One, changed'));
    server.deleteCard('p2');
    expect(await phone.api.sync()).toMatchObject({ downloaded: 1, deleted: 1, uploaded: 1 });
    const bulks = phone.counts.bulks;
    const requests = server.requests.length;
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 0, deleted: 0, requests: 1 });
    expect(server.requests.slice(requests)).toEqual(['PROPFIND /u/books/main/']);
    expect(phone.counts.bulks).toBe(bulks);
    expect((await phone.records()).map((c) => [c.id, c.formattedName])).toEqual([
      ['p1', 'Listed One, changed'],
      ['p3', 'Listed Three'],
    ]);
    await phone.stop();
  });

  it('a 409 no-uid-conflict from a server without addressbook-query: the holder of the UID is found by a listing', async () => {
    const phone = await startPhone(book, account);
    await phone.api.add({ uid: 'twin', formattedName: 'Twin (phone)' });
    server.putCard('elsewhere', vcard('twin', 'Twin (server)'));
    const report = await phone.api.sync();
    expect(report.conflicts).toMatchObject([
      { kind: 'uid-conflict', contactId: 'elsewhere', winner: 'server' },
    ]);
    expect(server.requests).toContain('PROPFIND /u/books/main/');
    expect((await phone.records()).map((c) => [c.id, c.formattedName])).toEqual([
      ['elsewhere', 'Twin (server)'],
    ]);
    expect([...server.cards.keys()]).toEqual(['elsewhere']);
    await phone.stop();
  });

  it('deleted and added again before a sync: one update of the card, no DELETE', async () => {
    server.putCard('again', vcard('again', 'Again'));
    const phone = await startPhone(book, account);
    await phone.api.sync();
    await phone.api.remove('again');
    await phone.api.add({ uid: 'again', formattedName: 'Again re-made' });
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1, conflicts: [], errors: [] });
    expect(server.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    expect(server.cards.get('again')?.text).toContain('FN:Again re-made');
    expect(await phone.api.sync()).toMatchObject({ uploaded: 0, downloaded: 0 });
    await phone.stop();
  });

  it('a slow answer or none at all times out: "server not answering"; a dropped connection: "server unreachable"', async () => {
    server.fail({ delayMs: 1_000 });
    await expect(client(200).syncCollection(server.bookUrl, undefined)).rejects.toMatchObject({
      reason: 'timeout',
    });
    server.fail({ hang: true });
    await expect(client(200).syncCollection(server.bookUrl, undefined)).rejects.toBeInstanceOf(
      DavNetworkError,
    );
    server.fail({ reset: true });
    await expect(client().syncCollection(server.bookUrl, undefined)).rejects.toMatchObject({
      reason: 'unreachable',
    });

    const phone = await startPhone(book, { ...account, timeoutMs: 200, retryBaseMs: 120_000 });
    server.fail({ hang: true });
    await phone.api.add({ uid: 'waiting', formattedName: 'Waiting' });
    await expect(phone.api.sync()).rejects.toBeInstanceOf(DavNetworkError);
    expect(phone.api.status().message).toBe('server not answering, retrying in 2 min');
    expect(await phone.api.get('waiting')).toBeDefined();
    await phone.stop();
  });

  it('the server vanishes mid-sync (between the download and the upload): nothing lost, nothing doubled', async () => {
    for (let i = 0; i < 4; i += 1) server.putCard(`v${i}`, vcard(`v${i}`, `Vanishing ${i}`));
    const phone = await startPhone(book, { ...account, batchSize: 2 });
    await phone.api.add({ uid: 'mine', formattedName: 'Mine' });
    server.fail({ method: 'PUT', reset: true });
    await expect(phone.api.sync()).rejects.toBeInstanceOf(DavNetworkError);
    expect((await phone.records()).map((c) => c.id)).toEqual(['mine', 'v0', 'v1', 'v2', 'v3']);
    expect(await phone.api.sync()).toMatchObject({ downloaded: 0, uploaded: 1 });
    expect([...server.cards.keys()].sort()).toEqual(['mine', 'v0', 'v1', 'v2', 'v3']);
    await phone.stop();
  });

  it('507 on sync-collection: follows the truncated pages to the end, each page committed with its token', async () => {
    for (let i = 0; i < 5; i += 1) server.putCard(`t${i}`, vcard(`t${i}`, `Truncated ${i}`));
    server.pageLimit = 2;
    const phone = await startPhone(book, account);
    expect(await phone.api.sync()).toMatchObject({ downloaded: 5, kind: 'full' });
    expect(server.requests.filter((r) => r.startsWith('REPORT') && r.endsWith('/main/')).length).toBe(3 + 3);
    expect((await phone.records()).length).toBe(5);
    server.deleteCard('t0');
    server.putCard('t9', vcard('t9', 'Truncated 9'));
    expect(await phone.api.sync()).toMatchObject({ downloaded: 1, deleted: 1, kind: 'incremental' });
    await phone.stop();
  });

  it('403 valid-sync-token: the lost token turns into a full listing by itself, removing only what the server lacks', async () => {
    server.putCard('stay', vcard('stay', 'Stay'));
    server.putCard('go', vcard('go', 'Go'));
    const phone = await startPhone(book, account);
    await phone.api.sync();
    server.deleteCard('go');
    server.forgottenBefore = Number.POSITIVE_INFINITY;
    const revision = await phone.store.getRevision();
    const report = await phone.api.sync();
    server.forgottenBefore = 0;
    expect(report).toMatchObject({ kind: 'full', downloaded: 0, deleted: 1 });
    expect((await phone.records()).map((c) => c.id)).toEqual(['stay']);
    // One removal, nothing rewritten: never wipe and reload.
    expect(await phone.store.getRevision()).toBe(revision + 1);
    await phone.stop();
  });

  it('413 or 507 on a PUT: reported once, not sent again until the user edits the card', async () => {
    server.maxCardBytes = 300;
    server.tooLargeStatus = 507;
    const phone = await startPhone(book, account);
    await phone.api.add({ uid: 'big', formattedName: 'Big', note: 'x'.repeat(400) });
    const first = await phone.api.sync();
    expect(first.errors).toMatchObject([
      { contactId: 'big', status: 507, message: 'the card is larger than the server accepts' },
    ]);
    const puts = () => server.requests.filter((r) => r.startsWith('PUT')).length;
    expect(puts()).toBe(1);
    expect((await phone.api.sync()).errors).toEqual([]);
    expect(puts()).toBe(1);
    await phone.api.update('big', { note: 'short now' });
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1, errors: [] });
    expect(puts()).toBe(2);
    await phone.stop();
  });

  it('client priority re-PUTs against the new ETag at most twice, then reports the conflict', async () => {
    server.putCard('tug', vcard('tug', 'Tug'));
    const phone = await startPhone(book, { ...account, conflict: 'client' });
    await phone.api.sync();
    await phone.api.update('tug', { formattedName: 'Tug (phone)' });
    server.fail({ method: 'PUT', status: 412, times: 10 });
    const report = await phone.api.sync();
    expect(server.requests.filter((r) => r.startsWith('PUT')).length).toBe(3);
    expect(report.conflicts.at(-1)).toMatchObject({
      contactId: 'tug',
      winner: 'client',
      unresolved: 'the server kept changing the card',
    });
    expect(report.errors).toMatchObject([{ contactId: 'tug', status: 412 }]);
    server.failures.length = 0;
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1 });
    await phone.stop();
  });

  it('a photo is stored as a blob once per ETag of its card', async () => {
    server.putCard('pic', vcard('pic', 'Pictured', [`PHOTO;ENCODING=b;TYPE=PNG:${TINY_PNG}`]));
    const phone = await startPhone(book, account);
    await phone.api.sync();
    const photo = (await phone.api.get('pic'))?.photo;
    expect(photo?.mediaType).toBe('image/png');
    expect(await phone.store.getBlob(photo!.id)).toBeDefined();
    const gets = () => server.requests.filter((r) => r.startsWith('REPORT') || r.startsWith('GET')).length;
    const before = gets();
    await phone.api.sync();
    expect(gets()).toBe(before + 1);
    // Edited here, the card goes back with its photo (the blob's bytes), not without it.
    await phone.api.update('pic', { note: 'edited' });
    expect(await phone.api.sync()).toMatchObject({ uploaded: 1 });
    expect(server.cards.get('pic')?.text).toContain('PHOTO;ENCODING=b;TYPE=PNG:');
    await phone.stop();
  });
});
