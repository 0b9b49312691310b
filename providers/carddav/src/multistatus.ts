import type { Element } from '@xmldom/xmldom';
import { child, children, DAV_NS, DavXmlError, parseXml, textOf } from './davXml';

/** One propstat of a response: the properties that share a status. */
export interface PropStat {
  status: number;
  props: Element[];
}

/** One `DAV:response` of a 207 multistatus (RFC 4918 §14.24). */
export interface DavResponse {
  /** Absolute URL, resolved against the request URL. */
  url: string;
  /** The response-level status (RFC 6578 removed members: 404; truncation: 507), if any. */
  status?: number;
  propstats: PropStat[];
}

export interface Multistatus {
  responses: DavResponse[];
  /** RFC 6578 top-level sync-token. */
  syncToken?: string;
}

/** `HTTP/1.1 404 Not Found` → 404. */
export function statusCode(line: string | undefined): number | undefined {
  if (line === undefined) return undefined;
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(line);
  return match === null ? undefined : Number(match[1]);
}

/** Resolves an href against the request URL; a server may send paths, full URLs, or percent-encoded names. */
export function resolveHref(href: string, base: string): string {
  return new URL(href, base).href;
}

/** Parses a multistatus body. Unknown elements are ignored; a body that is not a multistatus is an error. */
export function parseMultistatus(text: string, requestUrl: string): Multistatus {
  const root = parseXml(text);
  if (root.namespaceURI !== DAV_NS || root.localName !== 'multistatus') {
    throw new DavXmlError(`expected a DAV:multistatus, got ${root.localName ?? root.nodeName}`);
  }
  const responses: DavResponse[] = [];
  for (const response of children(root, DAV_NS, 'response')) {
    const href = textOf(child(response, DAV_NS, 'href'));
    if (href === undefined || href === '') continue;
    const propstats: PropStat[] = children(response, DAV_NS, 'propstat').map((propstat) => {
      const prop = child(propstat, DAV_NS, 'prop');
      const props: Element[] = [];
      if (prop !== undefined) {
        for (let node = prop.firstChild; node !== null; node = node.nextSibling) {
          if (node.nodeType === 1) props.push(node as Element);
        }
      }
      return { status: statusCode(textOf(child(propstat, DAV_NS, 'status'))) ?? 200, props };
    });
    const status = statusCode(textOf(child(response, DAV_NS, 'status')));
    responses.push({
      url: resolveHref(href, requestUrl),
      ...(status === undefined ? {} : { status }),
      propstats,
    });
  }
  const syncToken = textOf(child(root, DAV_NS, 'sync-token'));
  return { responses, ...(syncToken === undefined || syncToken === '' ? {} : { syncToken }) };
}

/** The property of a response found with status 200, if any. */
export function foundProp(response: DavResponse, ns: string, localName: string): Element | undefined {
  for (const propstat of response.propstats) {
    if (propstat.status < 200 || propstat.status > 299) continue;
    const prop = propstat.props.find((p) => p.namespaceURI === ns && p.localName === localName);
    if (prop !== undefined) return prop;
  }
  return undefined;
}

/** The precondition element names of a DAV:error body (`valid-sync-token`, `no-uid-conflict`…). */
export function errorConditions(text: string): string[] {
  if (!/\S/.test(text)) return [];
  try {
    const root = parseXml(text);
    if (root.namespaceURI !== DAV_NS || root.localName !== 'error') return [];
    const names: string[] = [];
    for (let node = root.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === 1) names.push((node as Element).localName ?? '');
    }
    return names;
  } catch {
    // A non-XML error page says nothing about preconditions.
    return [];
  }
}
