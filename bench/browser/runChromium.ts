import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BenchRow } from '../rows';
import { FAMILIES, type Family } from '../suite';

const here = dirname(fileURLToPath(import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The team's flags (no sandbox in containers, no GPU, nothing phoning home) and heap probing. */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Bundles the bench page (PouchDB's `events` import gets a small shim) into `outDir`. */
async function buildPage(outDir: string): Promise<void> {
  await build({
    root: here,
    base: './',
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { events: join(here, 'eventsShim.ts') } },
    define: { global: 'globalThis' },
    // Not minified: the same speed, and CPU profiles (--profile) name the functions.
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      chunkSizeWarningLimit: 5000,
      reportCompressedSize: false,
    },
  });
}

/** A static file server on loopback for the built page. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One benchRun in a new Chromium with a fresh user-data-dir (an empty IndexedDB). */
async function runInFreshBrowser(
  port: number,
  n: number,
  families: readonly Family[],
  work: string,
  log: (line: string) => void,
  profileDir: string | undefined,
): Promise<BenchRow[]> {
  const profile = await mkdtemp(join(work, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: LAUNCH_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => log(message.text()));
    page.on('pageerror', (error) => log(`chromium page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    page.setDefaultTimeout(0);
    const profiler = profileDir === undefined ? undefined : await context.newCDPSession(page);
    await profiler?.send('Profiler.enable');
    await profiler?.send('Profiler.start');
    const rows = await page.evaluate(([size, chosen]) => window.benchRun(size, chosen), [
      n,
      [...families],
    ] as const);
    if (profiler !== undefined && profileDir !== undefined) {
      const { profile: cpuProfile } = await profiler.send('Profiler.stop');
      const file = join(profileDir, `chromium-${n}-${Date.now()}.cpuprofile`);
      await mkdir(profileDir, { recursive: true });
      await writeFile(file, JSON.stringify(cpuProfile));
      log(`chromium: CPU profile of the page written to ${file}`);
    }
    return rows;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Runs the suite at each size in Chromium: one fresh browser (fresh user-data-dir, so an empty
 * IndexedDB) per size, the page loaded from loopback, the rows collected through `page.evaluate`.
 */
export async function runChromium(
  sizes: readonly number[],
  log: (line: string) => void,
  families: readonly Family[] = FAMILIES,
  profileDir?: string,
): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'gcds-bench-'));
  const outDir = join(work, 'page');
  log(`chromium: building the bench page into ${outDir}`);
  await buildPage(outDir);
  const server = await serve(outDir);
  const { port } = server.address() as AddressInfo;
  const rows: BenchRow[] = [];
  // Memory gets a browser of its own: the JS heap of a page that also ran the floor and the other
  // metrics keeps releasing their garbage for seconds, in steps, and no reading there is stable.
  const runs: Array<readonly Family[]> = [
    families.filter((family) => family !== 'memory'),
    families.filter((family) => family === 'memory'),
  ].filter((chosen) => chosen.length > 0);
  try {
    for (const n of sizes) {
      for (const chosen of runs) {
        rows.push(...(await runInFreshBrowser(port, n, chosen, work, log, profileDir)));
      }
    }
  } finally {
    server.close();
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}
