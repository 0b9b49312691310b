import { DavHttpError, DavNetworkError } from './davErrors';
import { errorConditions } from './multistatus';
import type { CardDavAccount } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface DavTransportOptions {
  account: CardDavAccount;
  fetch?: FetchLike;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Aborts every request (the provider stopping). */
  signal?: AbortSignal;
  /** Told of every request before it goes out: tests count them. */
  onRequest?: (method: string, url: string) => void;
}

export interface DavRequest {
  headers?: Record<string, string>;
  body?: string;
  /** Statuses that are an answer, not an error. */
  expect: readonly number[];
}

export interface DavAnswer {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Headers;
  text: string;
}

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** HTTP for WebDAV over `fetch`: Basic auth, a timeout per request, errors typed by what went wrong. */
export class DavTransport {
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #authorization?: string;
  #requests = 0;

  constructor(private readonly options: DavTransportOptions) {
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    const { username, password } = options.account;
    if (username !== undefined) this.#authorization = basicAuth(username, password ?? '');
  }

  /** Requests made so far. */
  get requests(): number {
    return this.#requests;
  }

  async request(method: string, url: string, request: DavRequest): Promise<DavAnswer> {
    this.options.signal?.throwIfAborted();
    this.#requests += 1;
    this.options.onRequest?.(method, url);
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal =
      this.options.signal === undefined ? timeout : AbortSignal.any([this.options.signal, timeout]);
    const headers: Record<string, string> = { ...request.headers };
    if (this.#authorization !== undefined) headers.Authorization = this.#authorization;
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'follow',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (this.options.signal?.aborted) throw this.options.signal.reason;
      throw new DavNetworkError(method, url, timeout.aborted ? 'timeout' : 'unreachable', { cause: error });
    }
    if (!request.expect.includes(response.status)) {
      throw new DavHttpError(
        method,
        url,
        response.status,
        errorConditions(text),
        retryAfterMs(response.headers),
      );
    }
    return { status: response.status, url: response.url || url, headers: response.headers, text };
  }
}
