import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The simulated phone. Apps run in sandboxed frames with an opaque origin, so their module scripts are
 * fetched cross-origin (Origin: null): the dev server and the preview server answer with CORS headers.
 */
export default defineConfig({
  root,
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        shell: `${root}index.html`,
        contacts: `${root}apps/contacts/index.html`,
        phone: `${root}apps/phone/index.html`,
        messages: `${root}apps/messages/index.html`,
      },
    },
  },
  worker: { format: 'es' },
  server: { cors: { origin: '*' }, port: 5173 },
  preview: { cors: { origin: '*' }, port: 5173 },
});
