import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_PATH } from './chromiumPath';
import { TEST_PEOPLE } from './demoFacts';

/** The flags the team's smoke runs use: no sandbox (containers), no GPU, nothing phoning home. */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/browser/', import.meta.url));

export type AppId = 'contacts' | 'phone' | 'messages';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
}

/** One Chromium for a test file: launched before its tests, closed after them. Call it at the top level. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error('Chromium is launched in beforeAll: ask for it inside a test');
    return browser;
  };
}

/** Types digits on the Phone app's on-screen keypad, as a thumb would. */
export async function dial(app: FrameLocator, digits: string): Promise<void> {
  for (const digit of digits) await app.locator(`.key[data-key="${digit}"]`).click();
}

export interface PhoneOptions {
  /** Demo people: 300 unless told; `default` opens the phone as `npm start` does (2,000). */
  people?: number | 'default';
  /** `?device=B`: a second phone with its own storage (A, the default, keeps today's names). */
  device?: string;
  /** Open the phone in this context (two phones in one browser profile) instead of a fresh one. */
  context?: BrowserContext;
  /** The page's size: a desktop window unless told (a phone's own screen is 360 × 740). */
  viewport?: { width: number; height: number };
}

/**
 * One simulated phone in a fresh browser context (its own IndexedDB), driven as a user would: through
 * the home screen, the apps' frames and the system panel. Page errors and console errors are collected,
 * and a test that saw one fails in `close()`.
 */
export class Phone {
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly ownsContext: boolean,
  ) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    // Console errors too, from every frame: a blocked load (a content security policy) shows only there.
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    context.on('weberror', (error) => this.errors.push(error.error().message));
  }

  static async open(browser: Browser, options: PhoneOptions = {}): Promise<Phone> {
    const context =
      options.context ??
      (await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 880 },
        acceptDownloads: true,
      }));
    const page = await context.newPage();
    const phone = new Phone(context, page, options.context === undefined);
    // The shell's own confirmations (wiping the demo data) are accepted, as a user would.
    page.on('dialog', (dialog) => void dialog.accept());
    const url = new URL(inject('deviceUrl'));
    if (options.people !== 'default') url.searchParams.set('people', String(options.people ?? TEST_PEOPLE));
    if (options.device !== undefined) url.searchParams.set('device', options.device);
    await page.goto(url.href);
    return phone;
  }

  app(id: AppId): FrameLocator {
    return this.page.frameLocator(`iframe[data-app="${id}"]`);
  }

  /** Goes to the home screen and opens an app from its icon; resolves when the app has its engine. */
  async openApp(id: AppId): Promise<FrameLocator> {
    await this.home();
    await this.page.getByRole('button', { name: `Open ${id[0]!.toUpperCase()}${id.slice(1)}` }).click();
    const frame = this.app(id);
    await frame.locator('body[data-connected="true"]').waitFor();
    return frame;
  }

  async home(): Promise<void> {
    await this.page.getByRole('button', { name: 'Home', exact: true }).click();
  }

  panel() {
    return this.page.getByRole('complementary', { name: 'System panel' });
  }

  /**
   * Waits until the device has converged: every provider installed or not (none halfway), the GCDS
   * running, and every reader (the GCDS of each provider, each app of the GCDS) at its store's revision.
   */
  async converged(timeout = 90_000): Promise<void> {
    try {
      await this.#waitConverged(timeout);
    } catch (error) {
      const seen = this.errors.length === 0 ? '' : `\nerrors: ${this.errors.join('\n')}`;
      throw new Error(`the device did not converge: ${await this.#panelState()}${seen}`, { cause: error });
    }
  }

  /** The panel's providers, GCDS state and readers in one line, for a failure message. */
  async #panelState(): Promise<string> {
    return this.page.evaluate(() =>
      [
        ...[...document.querySelectorAll<HTMLElement>('[data-testid^="provider-state-"]')].map(
          (e) => `${e.dataset.testid}=${e.dataset.state}`,
        ),
        `gcds=${document.querySelector<HTMLElement>('[data-testid="gcds-state"]')?.textContent}`,
        ...[...document.querySelectorAll<HTMLElement>('tr[data-reader]')].map((r) =>
          [...r.children].map((c) => c.textContent).join(' '),
        ),
        `latest events: ${[...document.querySelectorAll('.event-log li')]
          .slice(0, 8)
          .map((li) => li.textContent)
          .join(' / ')}`,
      ].join('; '),
    );
  }

  async #waitConverged(timeout: number): Promise<void> {
    // The panel reads revisions as change events arrive: the same all-in-sync picture must hold for a
    // moment, so a revision not yet read cannot pass for convergence.
    await this.page.waitForFunction(
      () => {
        const w = window as unknown as { convergedSince?: { picture: string; at: number } };
        const picture = [...document.querySelectorAll('tr[data-reader], tr[data-store]')]
          .map((r) => r.textContent)
          .join('|');
        const states = [...document.querySelectorAll<HTMLElement>('[data-testid^="provider-state-"]')].map(
          (e) => e.dataset.state,
        );
        const readers = [...document.querySelectorAll<HTMLElement>('tr[data-reader]')];
        const inSync =
          states.length === 3 &&
          states.every((s) => s === 'installed' || s === 'not installed') &&
          document.querySelector<HTMLElement>('[data-testid="gcds-state"]')?.dataset.state === 'running' &&
          readers.length >= 3 &&
          readers.every((r) => r.dataset.state === 'in sync');
        if (!inSync || w.convergedSince?.picture !== picture) {
          w.convergedSince = inSync ? { picture, at: performance.now() } : undefined;
          return false;
        }
        return performance.now() - w.convergedSince.at >= 600;
      },
      undefined,
      { timeout, polling: 250 },
    );
  }

  /** Saves a screenshot of the whole page to test-results/browser/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
  }

  /** Errors the test provokes on purpose, which `close()` then does not count. */
  readonly #expected: RegExp[] = [];

  expectErrors(pattern: RegExp): void {
    this.#expected.push(pattern);
  }

  async close(): Promise<void> {
    if (this.ownsContext) await this.context.close();
    else await this.page.close();
    const errors = this.errors.filter((error) => !this.#expected.some((pattern) => pattern.test(error)));
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  }
}
