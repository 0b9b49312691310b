import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromiumPath';

/**
 * `npm run test:browser`: the browser tests, run by Vitest with their own config, driving Debian's
 * Chromium through playwright-core. Without that Chromium they are skipped, and the run says so plainly,
 * except on CI (CI=true), where a missing browser fails the run.
 */
if (!existsSync(CHROMIUM_PATH)) {
  if (process.env.CI === 'true') {
    console.error(
      `browser tests FAILED: Chromium not found at ${CHROMIUM_PATH} (CI=true requires it: apt-get install -y chromium)`,
    );
    process.exit(1);
  }
  console.log(
    `browser tests SKIPPED: Chromium not found at ${CHROMIUM_PATH} (install it with: sudo apt-get install -y chromium)`,
  );
  process.exit(0);
}

const config = fileURLToPath(new URL('./vitest.config.ts', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', '--config', config, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
