import { DavProtocolError } from './davErrors';
import { type DavAnswer, type DavTransport, VCARD_CONTENT_TYPE, XML_CONTENT_TYPE } from './davTransport';
import {
  CARDDAV_NS,
  child,
  children,
  DAV_NS,
  elementChildren,
  mkcolAddressBookBody,
  multigetBody,
  propfindBody,
  syncCollectionBody,
  textOf,
  uidQueryBody,
} from './davXml';
import { type DavResponse, foundProp, parseMultistatus, resolveHref } from './multistatus';
import type { AddressBookInfo, RemoteCard, RemoteCardRef, SyncCollectionPage } from './types';

const XML = { 'Content-Type': XML_CONTENT_TYPE };

/** Two URLs name the same resource (percent-encoding and a trailing slash aside). */
export function sameResource(a: string, b: string): boolean {
  const norm = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.origin}${decodeURIComponent(parsed.pathname).replace(/\/+$/, '')}`;
  };
  return norm(a) === norm(b);
}

function isAddressBook(response: DavResponse): boolean {
  const type = foundProp(response, DAV_NS, 'resourcetype');
  return type !== undefined && child(type, CARDDAV_NS, 'addressbook') !== undefined;
}

function isCollection(response: DavResponse): boolean {
  const type = foundProp(response, DAV_NS, 'resourcetype');
  return type !== undefined && child(type, DAV_NS, 'collection') !== undefined;
}

function hrefProp(response: DavResponse, ns: string, name: string, base: string): string | undefined {
  const prop = foundProp(response, ns, name);
  const href = prop === undefined ? undefined : textOf(child(prop, DAV_NS, 'href'));
  return href === undefined || href === '' ? undefined : resolveHref(href, base);
}

/** RFC 3744 §5.4: may the user change members? (No privilege set reported: assume yes, the server decides.) */
function readOnlyFrom(response: DavResponse): boolean {
  const set = foundProp(response, DAV_NS, 'current-user-privilege-set');
  if (set === undefined) return false;
  const granted = children(set, DAV_NS, 'privilege').flatMap((p) =>
    elementChildren(p).map((e) => e.localName),
  );
  return !granted.some(
    (name) => name === 'all' || name === 'write' || name === 'write-content' || name === 'bind',
  );
}

function supportsSync(response: DavResponse): boolean {
  const set = foundProp(response, DAV_NS, 'supported-report-set');
  if (set === undefined) return false;
  // RFC 3253 wraps the report name in DAV:report; xandikos leaves the wrapper out: accept both.
  return children(set, DAV_NS, 'supported-report').some((supported) => {
    const report = child(supported, DAV_NS, 'report') ?? supported;
    return child(report, DAV_NS, 'sync-collection') !== undefined;
  });
}

function etagOf(response: DavResponse): string | undefined {
  const etag = textOf(foundProp(response, DAV_NS, 'getetag'));
  return etag === undefined || etag === '' ? undefined : etag;
}

function bookInfo(response: DavResponse): AddressBookInfo {
  const displayName = textOf(foundProp(response, DAV_NS, 'displayname'));
  const maxSize = Number(textOf(foundProp(response, CARDDAV_NS, 'max-resource-size')));
  return {
    url: response.url.endsWith('/') ? response.url : `${response.url}/`,
    ...(displayName === undefined || displayName === '' ? {} : { displayName }),
    readOnly: readOnlyFrom(response),
    supportsSyncCollection: supportsSync(response),
    ...(Number.isInteger(maxSize) && maxSize > 0 ? { maxResourceSize: maxSize } : {}),
  };
}

const BOOK_PROPS = [
  'D:resourcetype',
  'D:displayname',
  'D:current-user-privilege-set',
  'D:supported-report-set',
  'C:max-resource-size',
];

/** What a conditional PUT asks for. */
export type PutCondition = { create: true } | { ifMatch: string };

export interface PutResult {
  /** The ETag of the stored version, when the server sent one (a server that rewrites the card may not). */
  etag?: string;
}

/**
 * A thin CardDAV client (RFC 6352 over RFC 4918 / 6578). Every method is one or a few requests; what they
 * mean for the local store is the address-book sync's business.
 */
export class CardDavClient {
  constructor(readonly transport: DavTransport) {}

  async #propfind(
    url: string,
    depth: 0 | 1,
    props: readonly string[],
  ): Promise<{ answer: DavAnswer; responses: DavResponse[] }> {
    const answer = await this.transport.request('PROPFIND', url, {
      headers: { ...XML, Depth: String(depth) },
      body: propfindBody(props),
      expect: [207],
    });
    return { answer, responses: parseMultistatus(answer.text, answer.url).responses };
  }

  /**
   * RFC 6352 §6 / RFC 6764: the address books of the account. The URL may be the server (then
   * `/.well-known/carddav`), a principal, an address-book home, or an address book itself.
   */
  async discover(startUrl: string): Promise<AddressBookInfo[]> {
    const start = new URL(startUrl);
    const candidates =
      start.pathname === '/' || start.pathname === ''
        ? [new URL('/.well-known/carddav', start).href, start.href]
        : [start.href];
    let principal: string | undefined;
    for (const candidate of candidates) {
      const { answer, responses } = await this.#propfind(candidate, 0, [
        'D:current-user-principal',
        ...BOOK_PROPS,
      ]);
      const self = responses[0];
      if (self === undefined) continue;
      if (isAddressBook(self)) return [bookInfo({ ...self, url: answer.url })];
      principal = hrefProp(self, DAV_NS, 'current-user-principal', answer.url);
      if (principal !== undefined) break;
    }
    const homeAt = principal ?? start.href;
    const { answer: homeAnswer, responses: principalResponses } = await this.#propfind(homeAt, 0, [
      'C:addressbook-home-set',
    ]);
    const first = principalResponses[0];
    const home =
      first === undefined ? undefined : hrefProp(first, CARDDAV_NS, 'addressbook-home-set', homeAnswer.url);
    if (home === undefined) throw new DavProtocolError(`${homeAt} names no CardDAV addressbook-home-set`);
    const { responses } = await this.#propfind(home, 1, BOOK_PROPS);
    return responses.filter(isAddressBook).map(bookInfo);
  }

  /** The properties of one address book (its privileges, sync support). */
  async addressBook(url: string): Promise<AddressBookInfo> {
    const { answer, responses } = await this.#propfind(url, 0, BOOK_PROPS);
    const self = responses[0];
    if (self === undefined || !isAddressBook(self))
      throw new DavProtocolError(`${url} is not an address book`);
    return bookInfo({ ...self, url: answer.url });
  }

  /**
   * One RFC 6578 sync-collection request. A 507 on the collection itself means the server truncated the
   * answer: the caller asks again from the page's token. An invalid token throws a DavHttpError with the
   * `valid-sync-token` condition (403 or 409).
   */
  async syncCollection(
    bookUrl: string,
    token: string | undefined,
    limit?: number,
  ): Promise<SyncCollectionPage> {
    const answer = await this.transport.request('REPORT', bookUrl, {
      headers: { ...XML, Depth: '0' },
      body: syncCollectionBody(token, limit),
      expect: [207],
    });
    const parsed = parseMultistatus(answer.text, answer.url);
    if (parsed.syncToken === undefined)
      throw new DavProtocolError(`${bookUrl}: sync-collection answered without a sync-token`);
    const page: SyncCollectionPage = { changed: [], removed: [], token: parsed.syncToken, truncated: false };
    for (const response of parsed.responses) {
      if (sameResource(response.url, bookUrl)) {
        if (response.status === 507) page.truncated = true;
        continue;
      }
      if (response.status === 404) page.removed.push(response.url);
      else if (!isCollection(response)) {
        const etag = etagOf(response);
        page.changed.push(etag === undefined ? { url: response.url } : { url: response.url, etag });
      }
    }
    return page;
  }

  /** Every member card and its ETag (PROPFIND Depth 1): the listing where sync-collection is missing. */
  async listCards(bookUrl: string): Promise<RemoteCardRef[]> {
    const { responses } = await this.#propfind(bookUrl, 1, ['D:resourcetype', 'D:getetag']);
    return responses
      .filter((response) => !sameResource(response.url, bookUrl) && !isCollection(response))
      .map((response) => {
        const etag = etagOf(response);
        return etag === undefined ? { url: response.url } : { url: response.url, etag };
      });
  }

  /** RFC 6352 §8.7 in one request; cards gone in the meantime are simply not in the answer. */
  async multiget(bookUrl: string, urls: readonly string[]): Promise<RemoteCard[]> {
    if (urls.length === 0) return [];
    const answer = await this.transport.request('REPORT', bookUrl, {
      headers: { ...XML, Depth: '1' },
      body: multigetBody(urls.map((url) => new URL(url).pathname)),
      expect: [207],
    });
    const cards: RemoteCard[] = [];
    for (const response of parseMultistatus(answer.text, answer.url).responses) {
      const data = foundProp(response, CARDDAV_NS, 'address-data');
      const etag = etagOf(response);
      if (data === undefined || etag === undefined) continue;
      cards.push({ url: response.url, etag, text: data.textContent ?? '' });
    }
    return cards;
  }

  /** One card, or undefined when there is none at that URL. */
  async get(url: string): Promise<RemoteCard | undefined> {
    const answer = await this.transport.request('GET', url, {
      headers: { Accept: 'text/vcard' },
      expect: [200, 404],
    });
    if (answer.status === 404) return undefined;
    const etag = answer.headers.get('etag') ?? (await this.#etag(url));
    if (etag === undefined) throw new DavProtocolError(`${url}: no ETag for the card`);
    return { url, etag, text: answer.text };
  }

  async #etag(url: string): Promise<string | undefined> {
    const { responses } = await this.#propfind(url, 0, ['D:getetag']);
    return responses[0] === undefined ? undefined : etagOf(responses[0]);
  }

  /**
   * A conditional PUT: `If-None-Match: *` for a create (never overwrites someone else's card), `If-Match`
   * for an update (never overwrites a version we have not seen). A 412 throws: the caller decides.
   */
  async put(url: string, text: string, condition: PutCondition): Promise<PutResult> {
    const headers: Record<string, string> = { 'Content-Type': VCARD_CONTENT_TYPE };
    if ('create' in condition) headers['If-None-Match'] = '*';
    else headers['If-Match'] = condition.ifMatch;
    const answer = await this.transport.request('PUT', url, { headers, body: text, expect: [200, 201, 204] });
    // RFC 6352 §6.3.2.3 allows a server that changed the card to send no ETag: the caller refetches.
    const etag = answer.headers.get('etag');
    return etag === null || etag.startsWith('W/') ? {} : { etag };
  }

  /** DELETE with `If-Match`; true when it is gone (a 404 counts: someone deleted it first). */
  async delete(url: string, etag?: string): Promise<void> {
    await this.transport.request('DELETE', url, {
      headers: etag === undefined ? {} : { 'If-Match': etag },
      expect: [200, 204, 404],
    });
  }

  /** The cards whose UID is `uid` (the server's `no-uid-conflict` names one without saying where). */
  async findByUid(bookUrl: string, uid: string): Promise<RemoteCardRef[]> {
    const answer = await this.transport.request('REPORT', bookUrl, {
      headers: { ...XML, Depth: '1' },
      body: uidQueryBody(uid),
      expect: [207],
    });
    return parseMultistatus(answer.text, answer.url)
      .responses.filter((response) => !sameResource(response.url, bookUrl))
      .map((response) => {
        const etag = etagOf(response);
        return etag === undefined ? { url: response.url } : { url: response.url, etag };
      });
  }

  /** RFC 5689 extended MKCOL: a new address book under the home. */
  async createAddressBook(url: string, displayName: string): Promise<void> {
    await this.transport.request('MKCOL', url, {
      headers: XML,
      body: mkcolAddressBookBody(displayName),
      expect: [201],
    });
  }
}
