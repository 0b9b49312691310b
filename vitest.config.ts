import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'device/browser-tests/**'],
    setupFiles: ['./shared/test/setupIndexedDb.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
