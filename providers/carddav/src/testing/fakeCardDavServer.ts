import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next matching request gets instead of a proper answer. */
export interface FailureRule {
  /** Only requests of this method (any when absent). */
  method?: string;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer only after this long. */
  delayMs?: number;
  /** Never answer (the socket stays open until the server stops). */
  hang?: boolean;
  /** Close the connection without an answer. */
  reset?: boolean;
  /** How many requests it applies to; default 1. */
  times?: number;
}

interface StoredCard {
  text: string;
  etag: string;
}

const MULTISTATUS = (inner: string, token?: string) =>
  `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">${inner}${token === undefined ? '' : `<d:sync-token>${token}</d:sync-token>`}</d:multistatus>`;

const ok = (href: string, props: string) =>
  `<d:response><d:href>${href}</d:href><d:propstat><d:prop>${props}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A small CardDAV server for the failures real servers rarely show on demand: 401, 403, 412, 500, 507
 * (truncated sync pages and full cards), slow answers and no answer at all. 127.0.0.1, a free port, in
 * memory; its protocol is just enough of RFC 6352 / 6578 for the client, in the shape the RFCs give.
 */
export class FakeCardDavServer {
  readonly cards = new Map<string, StoredCard>();
  /** Change log: member name → the revision of its last change (deleted members too). */
  readonly #changes = new Map<string, { revision: number; deleted: boolean }>();
  #revision = 0;
  /** Revisions at or below this are forgotten: older tokens get 403 valid-sync-token. */
  forgottenBefore = 0;
  readonly failures: FailureRule[] = [];
  readonly requests: string[] = [];
  readOnly = false;
  /** Largest card accepted; larger ones get `tooLargeStatus`. */
  maxCardBytes = 100_000;
  tooLargeStatus = 413;
  /** sync-collection answers at most this many members (then a 507 on the collection). */
  pageLimit = Number.POSITIVE_INFINITY;
  readonly password = 'right';
  readonly #server: Server;
  readonly #hanging = new Set<ServerResponse>();
  url = '';

  constructor() {
    this.#server = createServer((request, response) => void this.#handle(request, response));
  }

  get bookUrl(): string {
    return `${this.url}u/books/main/`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  fail(rule: FailureRule): void {
    this.failures.push({ times: 1, ...rule });
  }

  /** A change made by someone else (the web UI). */
  putCard(name: string, text: string): void {
    this.#store(name, text);
  }

  deleteCard(name: string): void {
    this.cards.delete(name);
    this.#change(name, true);
  }

  #token(revision = this.#revision): string {
    return `http://fake.example/sync/${revision}`;
  }

  #change(name: string, deleted: boolean): void {
    this.#revision += 1;
    this.#changes.set(name, { revision: this.#revision, deleted });
  }

  #store(name: string, text: string): string {
    const etag = `"${name}-${this.#revision + 1}"`;
    this.cards.set(name, { text, etag });
    this.#change(name, false);
    return etag;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.setEncoding('utf8');
    let body = '';
    for await (const chunk of request) body += chunk as string;
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', this.url).pathname;
    this.requests.push(`${method} ${path}`);
    const rule = this.failures.find((r) => r.method === undefined || r.method === method);
    if (rule !== undefined) {
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) this.failures.splice(this.failures.indexOf(rule), 1);
      if (rule.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
      if (rule.hang) {
        this.#hanging.add(response);
        return;
      }
      if (rule.reset) {
        request.socket.destroy();
        return;
      }
      if (rule.status !== undefined) {
        response
          .writeHead(rule.status, { 'Content-Type': 'application/xml; charset=utf-8', ...rule.headers })
          .end(rule.body ?? '');
        return;
      }
    }
    const auth = request.headers.authorization ?? '';
    if (auth !== `Basic ${Buffer.from(`user:${this.password}`).toString('base64')}`) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' }).end();
      return;
    }
    const send = (status: number, text = '', headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8', ...headers }).end(text);
    };
    const book = '/u/books/main/';
    if (path === '/.well-known/carddav') return void response.writeHead(301, { Location: '/' }).end();
    if (method === 'PROPFIND') {
      if (path === '/')
        return send(
          207,
          MULTISTATUS(ok('/', '<d:current-user-principal><d:href>/u/</d:href></d:current-user-principal>')),
        );
      if (path === '/u/')
        return send(
          207,
          MULTISTATUS(
            ok('/u/', '<card:addressbook-home-set><d:href>/u/books/</d:href></card:addressbook-home-set>'),
          ),
        );
      const privileges = this.readOnly
        ? '<d:privilege><d:read/></d:privilege>'
        : '<d:privilege><d:read/></d:privilege><d:privilege><d:write/></d:privilege>';
      const bookProps = `<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>Main</d:displayname><d:current-user-privilege-set>${privileges}</d:current-user-privilege-set><d:supported-report-set><d:supported-report><d:report><d:sync-collection/></d:report></d:supported-report></d:supported-report-set>`;
      if (path === '/u/books/')
        return send(
          207,
          MULTISTATUS(
            ok('/u/books/', '<d:resourcetype><d:collection/></d:resourcetype>') + ok(book, bookProps),
          ),
        );
      if (path === book) {
        const members =
          request.headers.depth === '1'
            ? [...this.cards]
                .map(([name, card]) => ok(`${book}${name}.vcf`, `<d:getetag>${card.etag}</d:getetag>`))
                .join('')
            : '';
        return send(207, MULTISTATUS(ok(book, bookProps) + members));
      }
    }
    if (method === 'REPORT' && path === book && body.includes('sync-collection')) {
      const given = /<D:sync-token>([^<]*)<\/D:sync-token>/.exec(body)?.[1];
      const from = given === undefined ? 0 : Number(given.split('/').pop());
      if (
        given !== undefined &&
        (!Number.isInteger(from) || from < this.forgottenBefore || from > this.#revision)
      ) {
        return send(403, '<?xml version="1.0"?><d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>');
      }
      const changes = [...this.#changes]
        .filter(([, c]) => c.revision > from && !(given === undefined && c.deleted))
        .sort((a, b) => a[1].revision - b[1].revision);
      const page = changes.slice(0, this.pageLimit);
      const truncated = page.length < changes.length;
      const reached = truncated ? (page.at(-1)?.[1].revision ?? from) : this.#revision;
      const inner = page
        .map(([name, change]) =>
          change.deleted
            ? `<d:response><d:href>${book}${name}.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`
            : ok(`${book}${name}.vcf`, `<d:getetag>${this.cards.get(name)?.etag}</d:getetag>`),
        )
        .join('');
      const truncation = truncated
        ? `<d:response><d:href>${book}</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>`
        : '';
      return send(207, MULTISTATUS(inner + truncation, this.#token(reached)));
    }
    if (method === 'REPORT' && path === book && body.includes('addressbook-multiget')) {
      const hrefs = [...body.matchAll(/<D:href>([^<]*)<\/D:href>/g)].map((m) => m[1] ?? '');
      const inner = hrefs
        .map((href) => {
          const card = this.cards.get(decodeURIComponent(href.slice(book.length, -'.vcf'.length)));
          return card === undefined
            ? `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`
            : ok(
                href,
                `<d:getetag>${card.etag}</d:getetag><card:address-data>${xmlEscape(card.text)}</card:address-data>`,
              );
        })
        .join('');
      return send(207, MULTISTATUS(inner));
    }
    if (path.startsWith(book) && path.endsWith('.vcf')) {
      const name = decodeURIComponent(path.slice(book.length, -'.vcf'.length));
      const current = this.cards.get(name);
      const ifMatch = request.headers['if-match'];
      if (method === 'GET') {
        if (current === undefined) return send(404);
        return void response
          .writeHead(200, { 'Content-Type': 'text/vcard', ETag: current.etag })
          .end(current.text);
      }
      if (method === 'PUT' || method === 'DELETE') {
        if (this.readOnly) return send(403);
        if (request.headers['if-none-match'] === '*' && current !== undefined) return send(412);
        if (ifMatch !== undefined && ifMatch !== current?.etag)
          return send(current === undefined && method === 'DELETE' ? 404 : 412);
      }
      if (method === 'PUT') {
        if (Buffer.byteLength(body) > this.maxCardBytes) return send(this.tooLargeStatus);
        // RFC 6352 §6.3.2.1: one UID per address book (Radicale checks it; this server has no
        // addressbook-query to say where the other card is, like xandikos).
        const uid = /^UID:(.*)$/m.exec(body)?.[1]?.trim();
        const holder = [...this.cards].find(
          ([other, card]) => other !== name && uid !== undefined && card.text.includes(`UID:${uid}`),
        );
        if (holder !== undefined) {
          return send(
            409,
            '<?xml version="1.0"?><d:error xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><card:no-uid-conflict><d:href>/u/books/main/' +
              holder[0] +
              '.vcf</d:href></card:no-uid-conflict></d:error>',
          );
        }
        const etag = this.#store(name, body);
        return void response.writeHead(current === undefined ? 201 : 204, { ETag: etag }).end();
      }
      if (method === 'DELETE') {
        if (current === undefined) return send(404);
        this.deleteCard(name);
        return void response.writeHead(204).end();
      }
    }
    send(405);
  }
}
