import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import {
  type DemoCardDav,
  demoCardDavPreview,
  radicaleInstalled,
  startDemoCardDav,
} from '../scripts/demoCardDav';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built phone is served for this run. */
    deviceUrl: string;
    /**
     * The Radicale beside the phone (proxied at /dav/), or undefined when it is not installed: its own
     * URL and an account of the tests' own, beside the demo one.
     */
    cardDav: { url: string; username: string; password: string } | undefined;
  }
}

/** The tests' own CardDAV user: its books are theirs alone (owner_only), apart from the demo account's. */
const TEST_ACCOUNT = { username: 'tester', password: 'two-phones' };

/**
 * Builds the phone once into a temporary folder (never the user's device/dist) and serves it, with a
 * Radicale beside it as `npm start` runs one (when it is installed; the CardDAV test says when it is not).
 */
export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'gcds-device-build-'));
  await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // The demo account stays small here: the tests add their own address books beside it.
  const dav: DemoCardDav | undefined = radicaleInstalled()
    ? await startDemoCardDav(20, { [TEST_ACCOUNT.username]: TEST_ACCOUNT.password })
    : undefined;
  const davPreview = demoCardDavPreview(dav);
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    plugins: davPreview.plugins,
    preview: { port: 0, strictPort: false, host: '127.0.0.1', ...davPreview.preview },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the preview server did not say where it listens');
  project.provide('deviceUrl', url);
  project.provide('cardDav', dav === undefined ? undefined : { url: dav.server.url, ...TEST_ACCOUNT });
  return async () => {
    await server.close();
    await dav?.stop();
    rmSync(outDir, { recursive: true, force: true });
  };
}
