import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

/**
 * `npm start`: builds the simulated phone, serves the build and prints its address, then opens it in
 * the desktop's browser when there is a desktop (never an error when there is none: a server, CI, SSH).
 * PORT picks the port (default 5173, the next free one if taken); BROWSER=none never opens a browser.
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

console.log('Building the simulated phone…');
await build({ root, configFile, logLevel: 'warn' });
const port = Number(process.env.PORT ?? 5173);
const server = await preview({ root, configFile, preview: { port, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log('');
console.log(`  The simulated phone is running at ${url}`);
console.log(
  '  It opens on 2,000 demo people (the system panel loads 30,000; add ?people=300 for a small set).',
);
console.log('  Press Ctrl+C to stop it.');
console.log('');
if (canOpenBrowser()) openBrowser(url);
