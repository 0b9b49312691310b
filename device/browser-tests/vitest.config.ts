import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser tests: each file boots the simulated phone (a production build served once for the whole
 * run) in headless Chromium. Files run one after another: every phone runs seven workers, and two cores
 * are what CI has.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['device/browser-tests/**/*.test.ts'],
    globalSetup: ['device/browser-tests/globalSetup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
