import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { demoCardDavPreview } from '../../device/scripts/demoCardDav';
import { DEFAULT_DEMO_PEOPLE, LARGE_DEMO_PEOPLE } from '../../device/src/demo/demoBook';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../browser/runChromium';
import { type BenchRow, RowSink } from '../rows';
import { demoProviderRecords } from './demoProviderRecords';
import { type PhoneSample, SettleWatch } from './settleWatch';
import { WorkerProfiler } from './workerProfiler';

const deviceRoot = fileURLToPath(new URL('../../device/', import.meta.url));
const configFile = join(deviceRoot, 'vite.config.ts');

/** How long one settled picture must hold before it counts (the panel's reads lag by a few 100 ms). */
const HOLD_MS = 1_000;
/** The longest a load may take before the run gives up. */
const LOAD_TIMEOUT_MS = 15 * 60_000;
const SAMPLE_EVERY_MS = 100;
const PROGRESS_EVERY_MS = 10_000;

/** A sample in one line, for the progress log. */
function describe(s: PhoneSample): string {
  const readers = s.readers.map((r) => `${r.reader}: ${r.state}`).join(', ');
  return `providers ${s.providers.join('/')}; gcds ${s.gcdsText}; ${readers}; contacts "${s.contactsStatus ?? '(closed)'}"`;
}

declare global {
  interface Window {
    /** Set by the first-row probe in the Contacts app's frame: when a person row was first painted. */
    __deviceBenchFirstRowAt?: number;
    /** Counted by the change probe in the shell: the change hints every other context posted. */
    __deviceBenchHints?: { posts: number; ids: number };
  }
}

/**
 * In the shell's page, before its scripts: counts what arrives on its BroadcastChannels (every change
 * hint any worker posts reaches the shell, and every other context on the channel, once each).
 */
function changeProbe(): void {
  if (window !== window.top) return;
  const hints = { posts: 0, ids: 0 };
  window.__deviceBenchHints = hints;
  const Native = BroadcastChannel;
  window.BroadcastChannel = class extends Native {
    constructor(name: string) {
      super(name);
      this.addEventListener('message', (message: MessageEvent) => {
        hints.posts += 1;
        const ids = (message.data as { event?: { ids?: unknown } } | null)?.event?.ids;
        if (Array.isArray(ids)) hints.ids += ids.length;
      });
    }
  };
}

/**
 * In every frame, before its scripts: the Contacts app's page notes the wall-clock time of the first
 * animation frame that has a real person row (not a placeholder) in its list.
 */
function firstRowProbe(): void {
  if (!location.pathname.endsWith('/apps/contacts/index.html')) return;
  let asked = false;
  const observer = new MutationObserver(() => {
    if (asked || document.querySelector('.contact-row:not(.placeholder)') === null) return;
    asked = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__deviceBenchFirstRowAt = Date.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The panel as the bench reads it (run in the shell's page). */
function readPanel(): Omit<PhoneSample, 'contactsStatus'> {
  const testid = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return {
    at: Date.now(),
    demoSize: testid('demo-size')?.textContent ?? '',
    providers: [...document.querySelectorAll<HTMLElement>('[data-testid^="provider-state-"]')].map(
      (element) => element.dataset.state ?? '',
    ),
    gcdsState: testid('gcds-state')?.dataset.state ?? '',
    gcdsText: testid('gcds-state')?.textContent ?? '',
    readers: [...document.querySelectorAll<HTMLElement>('tr[data-reader]')].map((row) => ({
      reader: row.dataset.reader ?? '',
      state: row.dataset.state ?? '',
      at: row.children[2]?.textContent ?? '',
    })),
    gcdsRevision: Number(
      document.querySelector<HTMLElement>('tr[data-store="gcds/gcds"] td[data-revision]')?.dataset.revision ??
        0,
    ),
  };
}

function contactsFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().includes('/apps/contacts/'));
}

/** A reading that may meet a page or frame in the middle of loading: undefined then, and the caller retries. */
async function attempt<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

async function sample(page: Page): Promise<PhoneSample | undefined> {
  const panel = await attempt(() => page.evaluate(readPanel));
  if (panel === undefined) return undefined;
  const frame = contactsFrame(page);
  const contactsStatus =
    frame === undefined
      ? undefined
      : await attempt(() => frame.evaluate(() => document.querySelector('.list-status')?.textContent ?? ''));
  return { ...panel, contactsStatus };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Samples the phone until it has settled on `people`; returns when it did (the page's wall clock) and,
 * when `started` is given, when the Contacts app first showed a person. Logs each provider's state as it
 * changes, and every few seconds the whole picture.
 */
async function watchLoad(
  page: Page,
  people: number,
  log: (line: string) => void,
  started?: number,
): Promise<{ settled: number; firstRow: number | undefined }> {
  const watch = new SettleWatch(people, HOLD_MS);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  const since = (at: number) => `+${((at - (started ?? at)) / 1000).toFixed(1)} s`;
  let last: PhoneSample | undefined;
  let said = Date.now();
  let firstRow: number | undefined;
  let providers = '';
  const firstRevisions = new Set<string>();
  while (Date.now() < deadline) {
    const current = await sample(page);
    if (started !== undefined && firstRow === undefined) {
      const frame = contactsFrame(page);
      firstRow = frame && (await attempt(() => frame.evaluate(() => window.__deviceBenchFirstRowAt)));
      if (firstRow !== undefined) log(`device: ${since(firstRow)} the Contacts app shows a person`);
    }
    if (current !== undefined) {
      last = current;
      if (started !== undefined && current.providers.join('/') !== providers) {
        providers = current.providers.join('/');
        log(`device: ${since(current.at)} providers ${providers}`);
      }
      for (const reader of started === undefined ? [] : current.readers) {
        if (firstRevisions.has(reader.reader) || !(Number(reader.at) > 0)) continue;
        firstRevisions.add(reader.reader);
        log(`device: ${since(current.at)} ${reader.reader} read its first revision`);
      }
      const at = watch.add(current);
      if (at !== undefined && (started === undefined || firstRow !== undefined))
        return { settled: at, firstRow };
    }
    if (Date.now() - said >= PROGRESS_EVERY_MS && last !== undefined) {
      said = Date.now();
      log(
        `device: ${started === undefined ? '' : `${since(last.at)} `}settling on ${people}: ${describe(last)}`,
      );
    }
    await pause(SAMPLE_EVERY_MS);
  }
  throw new Error(`the phone did not settle on ${people} people: ${JSON.stringify(last)}`);
}

/** Opens the Contacts app from the home screen as a user would, once the (re)loaded shell shows it. */
async function openContacts(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open Contacts' }).click({ timeout: LOAD_TIMEOUT_MS });
}

/**
 * Starts the load of `people` as a user would: the panel's buttons for the sizes it has (30,000 and
 * 2,000), the page address (`?people=N`) for any other. Returns the wall-clock time of the action.
 */
async function startLoad(page: Page, url: string, people: number): Promise<number> {
  const label =
    people === LARGE_DEMO_PEOPLE
      ? `Load ${LARGE_DEMO_PEOPLE.toLocaleString('en')} people`
      : people === DEFAULT_DEMO_PEOPLE
        ? `Reset to ${DEFAULT_DEMO_PEOPLE.toLocaleString('en')} people`
        : undefined;
  if (label === undefined) {
    const started = Date.now();
    await page.goto(`${url}?people=${people}`);
    return started;
  }
  const button = page
    .getByRole('complementary', { name: 'System panel' })
    .getByRole('button', { name: label });
  await button.waitFor();
  // The button wipes the phone and reloads the page: the Contacts app is opened on the new page.
  const reloaded = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: LOAD_TIMEOUT_MS,
  });
  const started = Date.now();
  await button.click();
  await reloaded;
  return started;
}

async function startProfiler(context: BrowserContext, page: Page, profileDir: string | undefined) {
  if (profileDir === undefined) return undefined;
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  const workers = new WorkerProfiler(session);
  await workers.start();
  return async (n: number, log: (line: string) => void) => {
    const { profile } = await session.send('Profiler.stop');
    const file = join(profileDir, `device-shell-${n}-${Date.now()}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    log(`device: CPU profile of the shell's page written to ${file}`);
    for (const worker of await workers.stop(profileDir, `device-${n}`))
      log(`device: CPU profile of a worker written to ${worker}`);
  };
}

/**
 * One load in a new Chromium with a fresh profile (an empty IndexedDB on disk, as the Chromium bench
 * has): the phone boots empty (`?people=0`, then its plain address, as `npm start` opens it), then the
 * load starts and the clock runs until the first person row and until everything settled.
 */
async function loadInFreshBrowser(
  url: string,
  n: number,
  work: string,
  log: (line: string) => void,
  profileDir: string | undefined,
): Promise<BenchRow[]> {
  const profile = await mkdtemp(join(work, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1280, height: 880 },
  });
  try {
    // tsx names the functions it compiles with a `__name` helper, which the pages evaluating them lack.
    await context.addInitScript('globalThis.__name = (target) => target;');
    await context.addInitScript(firstRowProbe);
    await context.addInitScript(changeProbe);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => void dialog.accept());
    page.on('pageerror', (error) => log(`device page error: ${error.message}`));
    await page.goto(`${url}?people=0`);
    await watchLoad(page, 0, log);
    await page.goto(url);
    await watchLoad(page, 0, log);
    const stopProfiler = await startProfiler(context, page, profileDir);
    const started = await startLoad(page, url, n);
    await openContacts(page);
    const { settled, firstRow } = await watchLoad(page, n, log, started);
    const storeRows = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('tr[data-store]')].map((row) => ({
        store: row.dataset.store ?? '',
        length: row.children[2]?.textContent ?? '',
      })),
    );
    const stores = storeRows.map((row) => `${row.store} ${row.length}`).join(', ');
    const records = storeRows
      .filter((row) => row.store.endsWith('/contacts'))
      .reduce((sum, row) => sum + Number(row.length.replace(/,/g, '')), 0);
    const hints = await page.evaluate(() => window.__deviceBenchHints);
    const shown = await attempt(() =>
      contactsFrame(page)!.evaluate(() => document.querySelector('.list-status')?.textContent),
    );
    log(`device n=${n}: settled with ${stores}; the Contacts app says "${shown}"`);
    log(
      `device n=${n}: the shell heard ${hints?.posts} change hints naming ${hints?.ids} ids from the workers`,
    );
    await stopProfiler?.(n, log);
    const sink = new RowSink('device', n, log);
    sink.add('device_first_rows_ms', firstRow! - started, 'ms');
    sink.add('device_settled_ms', settled - started, 'ms');
    // The demo book's count, which the one-page run beside this one was sized to; the panel's must agree.
    const expected = demoProviderRecords(n);
    if (records !== expected)
      log(`device n=${n}: the providers hold ${records} records, the demo book has ${expected}`);
    sink.add('device_records', expected, 'count');
    return sink.rows;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * The simulated phone's load at each size, in headless Chromium: the phone built as `npm start` builds
 * it and served without Radicale (no CardDAV account is needed), one fresh browser per size.
 */
export async function runDevice(
  sizes: readonly number[],
  log: (line: string) => void,
  profileDir?: string,
): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'gcds-device-bench-'));
  const outDir = join(work, 'dist');
  log(`device: building the simulated phone into ${outDir}`);
  // Not minified when profiled, so the profiles name the functions.
  const minify = profileDir === undefined;
  await build({
    root: deviceRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify },
  });
  const server = await preview({
    root: deviceRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    plugins: demoCardDavPreview(undefined).plugins,
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the preview server did not say where it listens');
  const rows: BenchRow[] = [];
  try {
    for (const n of sizes) rows.push(...(await loadInFreshBrowser(url, n, work, log, profileDir)));
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}
