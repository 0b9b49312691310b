/** Where the phone finds a CardDAV server beside it: the preview server proxies this path to Radicale. */
export const DAV_PROXY_PATH = '/dav';
/** What `npm start` (and the browser tests) tell the phone about the demo account. */
export const DEMO_ACCOUNT_PATH = '/demo-account.json';

/** The demo account to offer in the system panel, or, without Radicale, how to install it. */
export type DemoAccountOffer =
  | { available: true; path: string; username: string; password: string; people: number }
  | { available: false; install: string };
