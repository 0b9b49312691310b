import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CardDavClient, DavTransport } from '@gcds/provider-carddav';
import { serverContents, vcard } from '@gcds/provider-carddav/testing';
import type { Browser, BrowserContext, FrameLocator, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, Phone, SCREENSHOTS } from './phone';

/**
 * Two phones on one CardDAV account: device A and device B (`?device=B`) in ONE browser profile, so
 * this also proves that B has its own storage. The Radicale is the suite's own (globalSetup), reached
 * through the preview server's /dav/ proxy as `npm start` does.
 */
const dav = inject('cardDav');
if (dav === undefined) {
  const message =
    'two-phone CardDAV browser test SKIPPED: Radicale not found (install it with: sudo apt-get install -y radicale)';
  if (process.env.CI === 'true') throw new Error(message.replace('SKIPPED', 'FAILED (CI=true requires it)'));
  console.warn(message);
}

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SYNCED = { timeout: 60_000 };

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 880 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

function accountClient(): CardDavClient {
  return new CardDavClient(
    new DavTransport({ account: { url: dav!.url, username: dav!.username, password: dav!.password } }),
  );
}

/**
 * The phone a step acts on comes to the front, as a person switching tabs would do: a page in the
 * background has its animation frames (the panel's and the apps' rendering) held back by Chromium.
 */
async function use(phone: Phone): Promise<Phone> {
  await phone.page.bringToFront();
  return phone;
}

/** Fills the panel's account form and submits it. */
async function submitAccount(phone: Phone, password: string): Promise<void> {
  await use(phone);
  const form = phone.panel().getByRole('form', { name: 'Add a CardDAV account' });
  await form.getByLabel('Server URL').fill(new URL('dav/', inject('deviceUrl')).href);
  await form.getByLabel('User').fill(dav!.username);
  await form.getByLabel('Password').fill(password);
  await form.getByLabel('Conflicts').selectOption('server');
  await form.getByRole('button', { name: 'Add account' }).click();
}

/** Adds the tests' account on a phone through the system panel; resolves when its first sync is done. */
async function addAccount(phone: Phone): Promise<Locator> {
  await submitAccount(phone, dav!.password);
  const account = phone.panel().getByRole('article', { name: /^Account tester at / });
  await expect.poll(() => account.getByTestId('account-state').textContent(), SYNCED).toBe('installed');
  await expect.poll(() => account.getByTestId('last-sync').textContent(), SYNCED).toMatch(/^Last sync/);
  return account;
}

async function openContact(phone: Phone, name: string): Promise<FrameLocator> {
  await use(phone);
  const contacts = await phone.openApp('contacts');
  // The app keeps its place between openings: back to the list, where the search is. The detail may
  // be drawing itself again (a sync changed the contact), so the way back is tried until it is taken.
  await expect
    .poll(async () => {
      const view = await contacts.locator('body').getAttribute('data-view');
      if (view === 'detail')
        await contacts
          .getByRole('button', { name: 'Back to the list' })
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      return view;
    }, SYNCED)
    .toBe('list');
  const search = contacts.getByRole('searchbox', { name: 'Search contacts' });
  const results = contacts.getByRole('list', { name: 'Search results' });
  await expect
    .poll(async () => {
      await search.fill('');
      await search.fill(name);
      return results.getByRole('button', { name: new RegExp(name) }).count();
    }, SYNCED)
    .toBeGreaterThan(0);
  await results
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await expect.poll(() => contacts.getByTestId('detail-name').textContent()).toBe(name);
  return contacts;
}

/** The detail's text for `name`, read again from the list each time (the app may still be catching up). */
async function detailText(phone: Phone, name: string): Promise<string> {
  const contacts = await openContact(phone, name);
  return (await contacts.locator('.detail-view').textContent()) ?? '';
}

async function editField(phone: Phone, name: string, label: string, value: string): Promise<void> {
  const contacts = await openContact(phone, name);
  await contacts.getByRole('button', { name: 'Edit' }).click();
  await contacts.getByLabel(label, { exact: true }).fill(value);
  await contacts.getByRole('button', { name: 'Save' }).click();
  // Saved: the app shows the contact again, with the new value (a refusal would keep the form open).
  await expect
    .poll(async () => {
      const view = await contacts.locator('body').getAttribute('data-view');
      if (view === 'form') return `form: ${await contacts.locator('.form-error').textContent()}`;
      return view === 'detail' ? await contacts.locator('.detail-view').textContent() : view;
    }, SYNCED)
    .toContain(value);
}

describe.skipIf(dav === undefined)('two phones on one CardDAV account', () => {
  it('carries an edit from A to B through the server, and settles a conflict as the strategy says', async () => {
    const client = accountClient();
    const bookUrl = `${dav!.url}${dav!.username}/shared/`;
    await client.createAddressBook(bookUrl, 'Shared');
    await client.put(`${bookUrl}ada.vcf`, vcard('ada', 'Ada Lovelace', ['TEL;TYPE=CELL:+44 20 7946 0011']), {
      create: true,
    });
    await client.put(
      `${bookUrl}bob.vcf`,
      vcard('bob', 'Bob Kahn', ['TEL;TYPE=CELL:+1 202 555 0142', 'NOTE:first note']),
      { create: true },
    );

    const a = await Phone.open(browser, { context, people: 0 });
    const b = await Phone.open(browser, { context, people: 0, device: 'B' });
    await a.converged();
    await b.converged();
    // Device B booted in the same profile on its own databases: A's names stay as they were.
    const names = await a.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(names.some((n) => n.startsWith('gcds:'))).toBe(true);
    expect(names.some((n) => n.startsWith('gcds-B:'))).toBe(true);

    // A wrong password is said on the form, and nothing is added.
    a.expectErrors(/status of 401/);
    await submitAccount(a, 'not-the-password');
    const formError = a.panel().getByRole('form', { name: 'Add a CardDAV account' }).locator('.form-error');
    await expect
      .poll(() => formError.textContent(), SYNCED)
      .toBe('Could not add the account: password rejected');
    await expect
      .poll(() =>
        a
          .panel()
          .getByRole('article', { name: /^Account tester at / })
          .count(),
      )
      .toBe(0);

    const accountA = await addAccount(a);
    const accountB = await addAccount(b);
    await expect.poll(() => detailText(b, 'Ada Lovelace'), SYNCED).toContain('Shared (tester)');

    // The form offers the account (the default) and the phone; an edit goes to the card's own book.
    const contactsA = await (await use(a)).openApp('contacts');
    // The list has drawn its first rows: a click during the app's first render could land on nothing.
    await expect.poll(() => contactsA.locator('.list-status[data-count]').count(), SYNCED).toBe(1);
    await contactsA.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => contactsA.locator('body').getAttribute('data-view')).toBe('form');
    const saveTo = contactsA.getByLabel('Save to');
    await expect
      .poll(() => saveTo.locator('option').allTextContents(), SYNCED)
      .toEqual(['Shared (tester)', 'Phone']);
    expect(await saveTo.inputValue()).toMatch(/^carddav-[0-9a-f]{8}$/);
    await contactsA.getByRole('button', { name: 'Cancel', exact: true }).click();

    await editField(a, 'Ada Lovelace', 'Organisation', 'Analytical Engines');
    await expect
      .poll(async () => (await serverContents(client, bookUrl)).get('ada')?.org, SYNCED)
      .toBe('Analytical Engines');
    await use(b);
    await accountB.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => detailText(b, 'Ada Lovelace'), SYNCED).toContain('Analytical Engines');

    // A conflict: A edits Bob offline while B's edit of Bob reaches the server first.
    await (await use(a)).panel().getByTestId('network-toggle').click();
    await expect
      .poll(() => a.panel().getByTestId('network-state').textContent())
      .toBe('cut (the phone is offline)');
    await editField(a, 'Bob Kahn', 'Note', 'edited on A, offline');
    await accountA.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => accountA.getByTestId('book-status').textContent(), SYNCED)
      .toMatch(/^server unreachable, retrying in /);
    await editField(b, 'Bob Kahn', 'Note', 'edited on B');
    await expect
      .poll(async () => (await serverContents(client, bookUrl)).get('bob')?.note, SYNCED)
      .toBe('edited on B');

    // Back online, A syncs by itself: server priority keeps B's version and reports A's as overwritten.
    await (await use(a)).panel().getByTestId('network-toggle').click();
    const conflicts = accountA.getByRole('list', { name: 'Sync conflicts' });
    await expect.poll(() => conflicts.locator('li').count(), SYNCED).toBe(1);
    const report = (await conflicts.textContent()) ?? '';
    expect(report).toContain('update/update');
    expect(report).toContain("the server's version was kept (server priority)");
    expect(report).toContain('note “edited on A, offline”');
    expect((await serverContents(client, bookUrl)).get('bob')?.note).toBe('edited on B');
    await expect.poll(() => detailText(a, 'Bob Kahn'), SYNCED).toContain('edited on B');
    await expect.poll(() => accountA.getByTestId('book-status').textContent()).toBe('synced');

    // Both phones side by side, for the README: each page's phone and panel, composed in a third page.
    const clip = { x: 140, y: 0, width: 1000, height: 880 };
    const shots = [];
    for (const phone of [a, b]) shots.push(await (await use(phone)).page.screenshot({ clip }));
    const board = await context.newPage();
    await board.setViewportSize({ width: 2000, height: 916 });
    // Built as elements, not an HTML string; the README's picture is refreshed only when asked for.
    await board.evaluate(
      ({ images, captions }) => {
        document.body.style.cssText = 'margin:0;display:flex;font:600 20px sans-serif;background:#e8ecf0';
        images.forEach((src, i) => {
          const figure = document.createElement('figure');
          figure.style.cssText = 'margin:0;width:1000px';
          const caption = document.createElement('figcaption');
          caption.style.padding = '6px 20px';
          caption.textContent = captions[i] ?? '';
          const image = document.createElement('img');
          image.style.display = 'block';
          image.src = src;
          figure.append(caption, image);
          document.body.append(figure);
        });
      },
      {
        images: shots.map((png) => `data:image/png;base64,${png.toString('base64')}`),
        captions: ['Phone A', 'Phone B (?device=B)'],
      },
    );
    await board.waitForFunction(() => [...document.images].every((image) => image.complete));
    const picture = new Uint8Array(await board.screenshot());
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(`${SCREENSHOTS}two-phones.png`, picture);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(`${DOCS}two-phones.png`, picture);
    await board.close();

    // Dismissing the conflict clears the report on A (the server's copy is untouched).
    await use(a);
    await conflicts.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => accountA.getByRole('list', { name: 'Sync conflicts' }).count(), SYNCED).toBe(0);

    a.expectErrors(/Failed to fetch|ERR_INTERNET_DISCONNECTED/);
    await a.close();
    await b.close();
    // Two phones of seven workers each on two shared cores, and a real server between them.
  }, 300_000);
});
