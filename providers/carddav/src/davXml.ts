import { DOMParser, type Element } from '@xmldom/xmldom';

export const DAV_NS = 'DAV:';
export const CARDDAV_NS = 'urn:ietf:params:xml:ns:carddav';

/** Thrown when a server's XML cannot be read: it never becomes a half-understood answer. */
export class DavXmlError extends Error {
  override readonly name = 'DavXmlError';
}

/** Parses an XML body namespace-aware; any well-formedness error is fatal. */
export function parseXml(text: string): Element {
  const problems: string[] = [];
  let root: Element | null;
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(text, 'application/xml').documentElement;
  } catch (error) {
    // xmldom throws its own ParseError on a fatal error.
    throw new DavXmlError(`the server sent XML that cannot be read: ${(error as Error).message}`);
  }
  if (problems.length > 0 || root === null) {
    throw new DavXmlError(`the server sent XML that cannot be read: ${problems[0] ?? 'no root element'}`);
  }
  return root;
}

/** Direct children in the namespace with that local name (namespace-aware: prefixes do not matter). */
export function children(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.namespaceURI === ns && element.localName === localName) found.push(element);
    }
  }
  return found;
}

export function child(parent: Element, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

export function elementChildren(parent: Element): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) found.push(node as Element);
  }
  return found;
}

export function textOf(element: Element | undefined): string | undefined {
  if (element === undefined) return undefined;
  return (element.textContent ?? '').trim();
}

/** Escapes text for an XML body we build. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const HEADER = '<?xml version="1.0" encoding="utf-8"?>';
const NAMESPACES = `xmlns:D="${DAV_NS}" xmlns:C="${CARDDAV_NS}"`;

export function propfindBody(props: readonly string[]): string {
  return `${HEADER}<D:propfind ${NAMESPACES}><D:prop>${props.map((p) => `<${p}/>`).join('')}</D:prop></D:propfind>`;
}

/** RFC 6578 §3.2: sync-level 1 (members only), the props we need, an optional page size. */
export function syncCollectionBody(token: string | undefined, limit?: number): string {
  const tokenElement =
    token === undefined ? '<D:sync-token/>' : `<D:sync-token>${xmlText(token)}</D:sync-token>`;
  const limitElement = limit === undefined ? '' : `<D:limit><D:nresults>${limit}</D:nresults></D:limit>`;
  return `${HEADER}<D:sync-collection ${NAMESPACES}>${tokenElement}<D:sync-level>1</D:sync-level>${limitElement}<D:prop><D:getetag/></D:prop></D:sync-collection>`;
}

/** RFC 6352 §8.7: the cards at these hrefs (paths as the server gave them), with their ETags. */
export function multigetBody(hrefs: readonly string[]): string {
  const list = hrefs.map((href) => `<D:href>${xmlText(href)}</D:href>`).join('');
  return `${HEADER}<C:addressbook-multiget ${NAMESPACES}><D:prop><D:getetag/><C:address-data/></D:prop>${list}</C:addressbook-multiget>`;
}

/**
 * RFC 6352 §8.6: the cards whose UID is `uid` (to find the card a no-uid-conflict points at). No collation
 * attribute: the default one is what every server has (xandikos fails on `i;octet`).
 */
export function uidQueryBody(uid: string): string {
  return `${HEADER}<C:addressbook-query ${NAMESPACES}><D:prop><D:getetag/></D:prop><C:filter><C:prop-filter name="UID"><C:text-match match-type="equals">${xmlText(uid)}</C:text-match></C:prop-filter></C:filter></C:addressbook-query>`;
}

/** RFC 5689 extended MKCOL of an address book. */
export function mkcolAddressBookBody(displayName: string): string {
  return `${HEADER}<D:mkcol ${NAMESPACES}><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>${xmlText(displayName)}</D:displayname></D:prop></D:set></D:mkcol>`;
}
