import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardDavClient } from '../cardDavClient';
import { DavTransport } from '../davTransport';

/** A DAV server a test started: on 127.0.0.1, a free port, a temp folder; `stop()` ends it and removes the folder. */
export interface RunningDavServer {
  /** The server's root URL (discovery starts here). */
  url: string;
  username: string;
  password: string;
  /** Where the user's address books go (`<url>/<user>/` on Radicale). */
  homeUrl: string;
  folder: string;
  /** A new address book via extended MKCOL; its URL. */
  createAddressBook(name: string, displayName?: string): Promise<string>;
  stop(): Promise<void>;
}

/** A port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function tempFolder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Polls until the server answers any HTTP at all (or the child died, or 15 s passed). */
async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output()}`);
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the server did not answer at ${url} in 15 s: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface SpawnedServer {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server binary, waits until it answers at `url`; `stop()` ends that child (by its own handle). */
export async function spawnServer(
  command: string,
  args: readonly string[],
  url: string,
  folder: string,
): Promise<SpawnedServer> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-4000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, stop };
}

/** The handle of a started server: its account, and address books created over an admin client of that account. */
export function runningDavServer(
  server: Omit<RunningDavServer, 'createAddressBook' | 'stop'>,
  stop: () => Promise<void>,
): RunningDavServer {
  const admin = new CardDavClient(
    new DavTransport({ account: { url: '', username: server.username, password: server.password } }),
  );
  return {
    ...server,
    async createAddressBook(name, displayName = name) {
      const bookUrl = `${server.homeUrl}${name}/`;
      await admin.createAddressBook(bookUrl, displayName);
      return bookUrl;
    },
    stop,
  };
}
