import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import {
  type DemoCardDav,
  demoCardDavPreview,
  INSTALL_RADICALE,
  radicaleInstalled,
  startDemoCardDav,
} from './demoCardDav';

/**
 * `npm start`: builds the simulated phone, serves the build and prints its address, then opens it in
 * the desktop's browser when there is a desktop (never an error when there is none: a server, CI, SSH).
 * PORT picks the port (default 5173, the next free one if taken); BROWSER=none never opens a browser.
 * With Radicale installed it also runs a CardDAV server with a demo account (see demoCardDav.ts), which
 * the phone reaches through the preview server's proxy, and stops it when the server stops.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

function canOpenBrowser(): boolean {
  if (process.env.BROWSER === 'none' || process.env.CI === 'true') return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

let dav: DemoCardDav | undefined;
if (radicaleInstalled()) {
  console.log('Starting Radicale with a demo CardDAV account…');
  try {
    dav = await startDemoCardDav();
  } catch (error) {
    console.warn(`  Radicale did not start, the phone runs without it: ${(error as Error).message}`);
  }
}
const stopDav = async () => {
  const running = dav;
  dav = undefined;
  await running?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopDav().finally(() => process.exit(0));
  });
}

console.log('Building the simulated phone…');
await build({ root, configFile, logLevel: 'warn' });
const port = Number(process.env.PORT ?? 5173);
const davPreview = demoCardDavPreview(dav);
const server = await preview({
  root,
  configFile,
  plugins: davPreview.plugins,
  preview: { port, open: false, ...davPreview.preview },
});
server.httpServer.once('close', () => void stopDav());
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log('');
console.log(`  The simulated phone is running at ${url}`);
console.log(
  '  It opens on 2,000 demo people (the system panel loads 30,000; add ?people=300 for a small set).',
);
console.log(`  A second phone on the same browser: ${url}?device=B (its own storage).`);
if (dav !== undefined) {
  console.log(
    `  CardDAV: Radicale at ${dav.server.url} (proxied at ${url}dav/), account ${dav.server.username} / ${dav.server.password},`,
  );
  console.log(
    `  ${dav.people} people in "Demo contacts": add it from the system panel (Accounts), on each phone.`,
  );
} else {
  console.log(`  CardDAV: no Radicale, so no demo account (install it with: ${INSTALL_RADICALE}).`);
}
console.log('  Press Ctrl+C to stop it.');
console.log('');
if (canOpenBrowser()) openBrowser(url);
