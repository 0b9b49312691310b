import { accessSync, constants } from 'node:fs';
import { RADICALE_PATH, type RunningDavServer, startRadicale } from '@gcds/provider-carddav/testing';
import type { Plugin, PreviewOptions } from 'vite';
import { DEMO_ACCOUNT_PEOPLE, demoAccountVcf } from '../src/demo/demoAccountBook';
import { DAV_PROXY_PATH, DEMO_ACCOUNT_PATH, type DemoAccountOffer } from '../src/protocol/demoAccount';

/**
 * The CardDAV server `npm start` and the browser tests run beside the phone: Debian's Radicale on
 * 127.0.0.1, a free port and a temp folder (the testing starter of @gcds/provider-carddav), with a demo
 * account whose address book holds a few hundred people. The phone reaches it through the preview
 * server's proxy at /dav/ (same origin: no CORS, which Radicale does not speak).
 */
export interface DemoCardDav {
  server: RunningDavServer;
  /** The demo address book, on the server itself (not through the proxy). */
  bookUrl: string;
  people: number;
  stop(): Promise<void>;
}

export const INSTALL_RADICALE = 'sudo apt-get install -y radicale';

export function radicaleInstalled(): boolean {
  try {
    accessSync(RADICALE_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const DEMO_USER = { username: 'demo', password: 'demo-phone' };

/**
 * Starts Radicale and seeds the demo book with ONE whole-collection PUT (Radicale 3 creates the
 * collection, one item per card; per-card PUTs are slower by far), then names it with a PROPPATCH.
 * `otherUsers` are more accounts on the same server (owner_only: none sees another's books).
 */
export async function startDemoCardDav(
  people = DEMO_ACCOUNT_PEOPLE,
  otherUsers: Record<string, string> = {},
): Promise<DemoCardDav> {
  const server = await startRadicale({ ...DEMO_USER, otherUsers });
  try {
    const bookUrl = `${server.homeUrl}contacts/`;
    const auth = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
    const put = await fetch(bookUrl, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': 'text/vcard; charset=utf-8' },
      body: demoAccountVcf(people),
      signal: AbortSignal.timeout(60_000),
    });
    if (put.status !== 201) throw new Error(`seeding ${bookUrl}: HTTP ${put.status}`);
    const named = await fetch(bookUrl, {
      method: 'PROPPATCH',
      headers: { Authorization: auth, 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><propertyupdate xmlns="DAV:"><set><prop><displayname>Demo contacts</displayname></prop></set></propertyupdate>',
      signal: AbortSignal.timeout(10_000),
    });
    if (named.status !== 207) throw new Error(`naming ${bookUrl}: HTTP ${named.status}`);
    return { server, bookUrl, people, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** What the phone is told at /demo-account.json: the account to offer in the panel, or how to get one. */
export function demoAccountOffer(demo: DemoCardDav | undefined): DemoAccountOffer {
  return demo === undefined
    ? { available: false, install: INSTALL_RADICALE }
    : {
        available: true,
        path: `${DAV_PROXY_PATH}/`,
        username: demo.server.username,
        password: demo.server.password,
        people: demo.people,
      };
}

/**
 * The preview server's part: /dav/ proxied to Radicale (which builds its hrefs under /dav from
 * X-Script-Name), and /demo-account.json. Radicale's `WWW-Authenticate` is dropped on the way back so
 * that a wrong password is the account's "password rejected", not the browser's own login prompt.
 */
export function demoCardDavPreview(demo: DemoCardDav | undefined): {
  plugins: Plugin[];
  preview: Pick<PreviewOptions, 'proxy'>;
} {
  const offer = JSON.stringify(demoAccountOffer(demo));
  const plugin: Plugin = {
    name: 'gcds-demo-account',
    configurePreviewServer(server) {
      server.middlewares.use(DEMO_ACCOUNT_PATH, (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('Cache-Control', 'no-store');
        response.end(offer);
      });
    },
  };
  return {
    plugins: [plugin],
    preview: {
      proxy:
        demo === undefined
          ? {}
          : {
              [DAV_PROXY_PATH]: {
                target: demo.server.url,
                changeOrigin: true,
                rewrite: (path) => path.slice(DAV_PROXY_PATH.length) || '/',
                headers: { 'X-Script-Name': DAV_PROXY_PATH },
                configure: (proxy) => {
                  proxy.on('proxyRes', (response) => {
                    delete response.headers['www-authenticate'];
                  });
                },
              },
            },
    },
  };
}
