import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  freePort,
  type RunningDavServer,
  runningDavServer,
  spawnServer,
  tempFolder,
} from './davServerProcess';
import { RADICALE_PATH } from './serverBinaries';

export interface RadicaleOptions {
  username?: string;
  password?: string;
  /** More users of the same server (owner_only: they see none of each other's books). */
  otherUsers?: Record<string, string>;
}

/**
 * Debian's Radicale for one test file: 127.0.0.1 on a free port, storage in a temp folder, plain htpasswd
 * users, `[rights] type = owner_only`, started with `-C` on its own config so it reads nothing else.
 */
export async function startRadicale(options: RadicaleOptions = {}): Promise<RunningDavServer> {
  const username = options.username ?? 'alice';
  const password = options.password ?? 'wonderland';
  const folder = await tempFolder('gcds-radicale-');
  const port = await freePort();
  const users = { [username]: password, ...options.otherUsers };
  await writeFile(
    join(folder, 'users'),
    `${Object.entries(users)
      .map(([u, p]) => `${u}:${p}`)
      .join('\n')}\n`,
  );
  const config = join(folder, 'config');
  await writeFile(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(folder, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(folder, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  const spawned = await spawnServer(RADICALE_PATH, ['-C', config], url, folder);
  return runningDavServer({ url, username, password, homeUrl: `${url}${username}/`, folder }, spawned.stop);
}
