import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The simulated phone. Apps run in sandboxed frames with an opaque origin, so their module scripts are
 * fetched cross-origin (Origin: null): the dev server and the preview server answer with CORS headers.
 */
/**
 * What an app page may load once built: its own scripts and styles from the device, images only from
 * blob: and data: URLs (photos), and no network, no workers, no frames, no form targets. A second
 * wall behind rendering everything as text. Build only: the dev server injects inline styles and a
 * websocket for hot reload.
 */
const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src blob: data:',
  "connect-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const appPagePolicy: Plugin = {
  name: 'gcds-app-page-policy',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      if (!context.path.includes('/apps/')) return html;
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP },
          injectTo: 'head-prepend',
        },
      ];
    },
  },
};

export default defineConfig({
  root,
  plugins: [appPagePolicy],
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
