import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  freePort,
  RADICALE_PATH,
  type RunningDavServer,
  rawClient,
  serverBinary,
  startRadicale,
  vcard,
} from '@gcds/provider-carddav/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../bin/gcds.mjs', import.meta.url).pathname;
const BUILD = new URL('../build.mjs', import.meta.url).pathname;

const available = serverBinary('Radicale', RADICALE_PATH, 'radicale');

/** A real `gcds` process, with only the environment given (no credentials leak in from the shell). */
function gcds(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
}

describe.skipIf(!available)('the gcds command reading a Radicale address book (a real process)', () => {
  let server: RunningDavServer;
  let bookUrl: string;
  let phoneFile: string;

  beforeAll(async () => {
    await run(process.execPath, [BUILD]);
    server = await startRadicale({ username: 'alice', password: 'wonder land' });
    bookUrl = await server.createAddressBook('contacts', 'Contacts');
    const client = rawClient(server);
    await client.put(`${bookUrl}ada.vcf`, vcard('ada-uid', 'Ada Lovelace', ['TEL:+1 415 555 0100']), {
      create: true,
    });
    await client.put(`${bookUrl}alan.vcf`, vcard('alan-uid', 'Alan Turing', ['TEL:+44 20 7946 0958']), {
      create: true,
    });
    const dir = await mkdtemp(join(tmpdir(), 'gcds-cli-carddav-'));
    phoneFile = join(dir, 'phone.vcf');
    await writeFile(
      phoneFile,
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lovelace;Ada\r\nTEL;CELL:(415) 555-0100\r\nEND:VCARD\r\n',
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('merges the address book (credentials in the URL) with a file: the same person, both sources', async () => {
    const url = bookUrl.replace('http://', 'http://alice:wonder%20land@');
    const { stdout } = await gcds(['merge', '--json', url, phoneFile]);
    const shown = bookUrl.replace('http://', 'http://alice@');
    const json = JSON.parse(stdout);
    expect(json).toEqual({
      contacts: [
        {
          id: expect.any(String),
          name: 'Ada Lovelace',
          tel: ['+14155550100'],
          email: [],
          sources: [
            { provider: 'vcard', file: shown, uid: 'ada-uid', index: 0 },
            { provider: 'vcard', file: phoneFile, uid: null, index: 0 },
          ],
        },
        {
          id: expect.any(String),
          name: 'Alan Turing',
          tel: ['+442079460958'],
          email: [],
          sources: [{ provider: 'vcard', file: shown, uid: 'alan-uid', index: 1 }],
        },
      ],
      errors: [],
    });
    expect(stdout).not.toContain('wonder');
  });

  it('takes the credentials from GCDS_CARDDAV_USER and GCDS_CARDDAV_PASSWORD', async () => {
    const { stdout } = await gcds(['lookup', '--number', '020 7946 0958', '--region', 'GB', bookUrl], {
      GCDS_CARDDAV_USER: 'alice',
      GCDS_CARDDAV_PASSWORD: 'wonder land',
    });
    expect(JSON.parse(stdout).matches).toMatchObject([{ name: 'Alan Turing' }]);
  });

  it('a wrong password exits 1 with the URL (without the password) and HTTP 401', async () => {
    const url = bookUrl.replace('http://', 'http://alice:not-it@');
    const failure = await gcds(['merge', '--json', url]).catch((error) => error);
    expect(failure).toMatchObject({ code: 1, stdout: '' });
    expect(failure.stderr).toContain(
      `gcds: cannot read ${bookUrl.replace('http://', 'http://alice@')}: HTTP 401`,
    );
    expect(failure.stderr).not.toContain('not-it');
  });

  it('an unreachable server exits 1 with a clear message', async () => {
    const url = `http://127.0.0.1:${await freePort()}/alice/contacts/`;
    const failure = await gcds(['merge', url]).catch((error) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: `gcds: cannot read ${url}: cannot connect to the server\n`,
    });
  });
});
