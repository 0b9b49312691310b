// A CardDAV address book given on the command line instead of a file: downloaded whole, then read by the
// same vCard provider path as a file, so merging, sources and errors are exactly those of a file.
import {
  CardDavClient,
  DavHttpError,
  DavNetworkError,
  DavTransport,
  type FetchLike,
} from '@gcds/provider-carddav';

/** Where the command finds what a URL argument needs beyond the URL: tests pass their own. */
export interface CardDavIo {
  fetch?: FetchLike;
  /** GCDS_CARDDAV_USER / GCDS_CARDDAV_PASSWORD; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** An address-book argument that could not be downloaded; the message starts with the URL without its password. */
export class AddressBookUrlError extends Error {
  override readonly name = 'AddressBookUrlError';
}

/** Cards per addressbook-multiget: large enough for few round trips, small enough for any server's limit. */
const MULTIGET_BATCH = 500;
/**
 * Per request. The provider's 30 s is too short for a one-off download: Radicale took 58 s over the first
 * PROPFIND of a freshly uploaded 10,000-card book in the bench.
 */
const REQUEST_TIMEOUT_MS = 180_000;

/** The authority of an http(s) URL split around its userinfo, by hand: `new URL` would normalise the rest. */
function splitUserinfo(url: string): { scheme: string; userinfo?: string; rest: string } {
  const scheme = /^https?:\/\//i.exec(url)?.[0] ?? '';
  const afterScheme = url.slice(scheme.length);
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd < 0 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at < 0) return { scheme, rest: afterScheme };
  return { scheme, userinfo: authority.slice(0, at), rest: afterScheme.slice(at + 1) };
}

/** The URL as given without its password (the user name stays: it says whose book it is). */
export function urlWithoutPassword(url: string): string {
  const { scheme, userinfo, rest } = splitUserinfo(url);
  if (userinfo === undefined) return url;
  const colon = userinfo.indexOf(':');
  return `${scheme}${colon < 0 ? userinfo : userinfo.slice(0, colon)}@${rest}`;
}

interface Credentials {
  username?: string;
  password?: string;
}

/** The URL's userinfo wins over the environment; fetch refuses URLs with credentials, so they leave it. */
function requestUrlAndCredentials(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): { requestUrl: string; credentials: Credentials } {
  const { scheme, userinfo, rest } = splitUserinfo(url);
  const requestUrl = `${scheme}${rest}`;
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    const username = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const password = colon < 0 ? env.GCDS_CARDDAV_PASSWORD : decodeURIComponent(userinfo.slice(colon + 1));
    return { requestUrl, credentials: password === undefined ? { username } : { username, password } };
  }
  const username = env.GCDS_CARDDAV_USER;
  const password = env.GCDS_CARDDAV_PASSWORD;
  if (username === undefined || username === '') return { requestUrl, credentials: {} };
  return { requestUrl, credentials: password === undefined ? { username } : { username, password } };
}

function explain(error: unknown, shown: string): AddressBookUrlError {
  if (error instanceof DavHttpError) {
    const hint =
      error.status === 401
        ? ' (unauthorized: give the user and password in the URL or in GCDS_CARDDAV_USER and GCDS_CARDDAV_PASSWORD)'
        : '';
    return new AddressBookUrlError(`${shown}: HTTP ${error.status}${hint}`);
  }
  if (error instanceof DavNetworkError) {
    return new AddressBookUrlError(
      `${shown}: ${error.reason === 'timeout' ? 'the server did not answer in time' : 'cannot connect to the server'}`,
    );
  }
  return new AddressBookUrlError(`${shown}: ${(error as Error).message}`);
}

/**
 * Every card of the address book as one vCard text, in the order of their hrefs (a stable order, so a
 * card's `index` is the same on every run). The URL may be the collection itself, or a server or principal
 * with exactly one address book (discovery).
 */
export async function downloadAddressBook(url: string, io: CardDavIo = {}): Promise<Uint8Array> {
  const shown = urlWithoutPassword(url);
  const { requestUrl, credentials } = requestUrlAndCredentials(url, io.env ?? process.env);
  const transport = new DavTransport({
    account: { url: requestUrl, ...credentials },
    timeoutMs: REQUEST_TIMEOUT_MS,
    ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
  });
  const client = new CardDavClient(transport);
  try {
    const books = await client.discover(requestUrl);
    const book = books[0];
    if (book === undefined) throw new AddressBookUrlError(`${shown}: no address book there`);
    if (books.length > 1) {
      throw new AddressBookUrlError(
        `${shown} holds ${books.length} address books, give one of them: ${books.map((b) => b.url).join(' ')}`,
      );
    }
    const refs = (await client.listCards(book.url)).map((ref) => ref.url).sort();
    const texts = new Map<string, string>();
    for (let start = 0; start < refs.length; start += MULTIGET_BATCH) {
      for (const card of await client.multiget(book.url, refs.slice(start, start + MULTIGET_BATCH)))
        texts.set(card.url, card.text);
    }
    const joined = refs
      .map((ref) => texts.get(ref))
      .filter((text): text is string => text !== undefined)
      .map((text) => (text.endsWith('\n') ? text : `${text}\r\n`))
      .join('');
    return new TextEncoder().encode(joined);
  } catch (error) {
    if (error instanceof AddressBookUrlError) throw error;
    throw explain(error, shown);
  }
}
