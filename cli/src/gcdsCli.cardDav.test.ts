import { FakeCardDavServer, freePort } from '@gcds/provider-carddav/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { urlWithoutPassword } from './cardDavAddressBook';
import { runInMemory } from './testing/inMemoryRun';

const card = (uid: string, lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');

const PHONE_FILE = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N:Lovelace;Ada',
  'TEL;CELL:+1 415 555 0100',
  'END:VCARD',
  '',
].join('\r\n');

/** `gcds <argv>` in-process, with the phone's file beside the URL and `env` as the environment. */
const run = (
  argv: string[],
  env: Record<string, string | undefined> = {},
  files: Record<string, string> = { 'phone.vcf': PHONE_FILE },
) => runInMemory(argv, { files, env });

describe('gcds with an address-book URL (in-process, against the fake CardDAV server)', () => {
  let server: FakeCardDavServer;
  /** The book's URL with the fake server's credentials in it. */
  let bookWithPassword: string;

  beforeEach(async () => {
    server = await new FakeCardDavServer().start();
    // Put out of href order on purpose: `index` follows the sorted hrefs, not the order of upload.
    server.putCard(
      'b-ada.vcf',
      card('ada-uid', ['FN:Ada Lovelace', 'TEL:(415) 555-0100', 'EMAIL:ada@example.com']),
    );
    server.putCard('a-grace.vcf', card('grace-uid', ['FN:Grace Hopper', 'TEL:+1 212 555 0199']));
    bookWithPassword = server.bookUrl.replace('http://', `http://user:${server.password}@`);
  });

  afterEach(async () => {
    await server.stop();
  });

  it('merges the address book with a file: one provider like a file, `file` the URL without its password', async () => {
    const { code, stdout, stderr } = await run(['merge', '--json', bookWithPassword, 'phone.vcf']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const shown = server.bookUrl.replace('http://', 'http://user@');
    expect(JSON.parse(stdout)).toEqual({
      contacts: [
        {
          id: expect.any(String),
          name: 'Grace Hopper',
          tel: ['+12125550199'],
          email: [],
          sources: [{ provider: 'vcard', file: shown, uid: 'grace-uid', index: 0 }],
        },
        {
          id: expect.any(String),
          name: 'Ada Lovelace',
          tel: ['+14155550100'],
          email: ['ada@example.com'],
          sources: [
            { provider: 'vcard', file: shown, uid: 'ada-uid', index: 1 },
            { provider: 'vcard', file: 'phone.vcf', uid: null, index: 0 },
          ],
        },
      ],
      errors: [],
    });
    expect(stdout).not.toContain(server.password);
  });

  it('takes the credentials from GCDS_CARDDAV_USER and GCDS_CARDDAV_PASSWORD when the URL has none', async () => {
    const { code, stdout } = await run(['lookup', '--number', '212 555 0199', server.bookUrl], {
      GCDS_CARDDAV_USER: 'user',
      GCDS_CARDDAV_PASSWORD: server.password,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches).toMatchObject([{ name: 'Grace Hopper', tel: ['+12125550199'] }]);
  });

  it('finds the one address book from the server URL (discovery)', async () => {
    const { code, stdout } = await run(['search', '--query', 'ada', server.url], {
      GCDS_CARDDAV_USER: 'user',
      GCDS_CARDDAV_PASSWORD: server.password,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results).toMatchObject([{ name: 'Ada Lovelace' }]);
  });

  it('a wrong password exits 1 with the URL (no password) and the HTTP status', async () => {
    const url = server.bookUrl.replace('http://', 'http://user:wrong-secret@');
    const { code, stdout, stderr } = await run(['merge', '--json', url, 'phone.vcf']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `gcds: cannot read ${server.bookUrl.replace('http://', 'http://user@')}: HTTP 401`,
    );
    expect(stderr).not.toContain('wrong-secret');
  });

  it('a server error exits 1 with the URL and the status', async () => {
    server.fail({ status: 500, times: 10 });
    const { code, stderr } = await run(['merge', bookWithPassword]);
    expect(code).toBe(1);
    expect(stderr).toContain(': HTTP 500');
    expect(stderr).not.toContain(server.password);
  });

  it('an unreachable server exits 1 and says it could not connect', async () => {
    const url = `http://user:secret@127.0.0.1:${await freePort()}/addressbooks/user/contacts/`;
    const { code, stderr } = await run(['merge', url]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `gcds: cannot read http://user@127.0.0.1:${new URL(url).port}/addressbooks/user/contacts/: cannot connect to the server\n`,
    );
  });
});

describe('urlWithoutPassword', () => {
  it('drops only the password, keeping the rest exactly as given', () => {
    expect(urlWithoutPassword('https://bob:p%40ss@Example.com:8443/a/b/?x#y')).toBe(
      'https://bob@Example.com:8443/a/b/?x#y',
    );
    expect(urlWithoutPassword('https://bob@example.com/a/')).toBe('https://bob@example.com/a/');
    expect(urlWithoutPassword('http://example.com/a@b/')).toBe('http://example.com/a@b/');
  });
});
