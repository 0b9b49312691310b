import {
  freePort,
  type RunningDavServer,
  runningDavServer,
  spawnServer,
  tempFolder,
} from './davServerProcess';
import { XANDIKOS_PATH } from './serverBinaries';

/**
 * Debian's xandikos, stricter than Radicale about what it is sent (content types, bytes): 127.0.0.1, a
 * free port, a temp folder. It has no authentication of its own: the credentials are sent and ignored.
 */
export async function startXandikos(): Promise<RunningDavServer> {
  const folder = await tempFolder('gcds-xandikos-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const spawned = await spawnServer(
    XANDIKOS_PATH,
    [
      '-d',
      folder,
      '-l',
      '127.0.0.1',
      '-p',
      String(port),
      '--autocreate',
      '--current-user-principal',
      '/alice/',
    ],
    url,
    folder,
  );
  // xandikos takes any credentials: the account's password is never checked.
  return runningDavServer(
    { url, username: 'alice', password: 'unused', homeUrl: `${url}alice/contacts/`, folder },
    spawned.stop,
  );
}
