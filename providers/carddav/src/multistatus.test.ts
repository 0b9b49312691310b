import { describe, expect, it } from 'vitest';
import { DavXmlError } from './davXml';
import { errorConditions, foundProp, parseMultistatus, statusCode } from './multistatus';

const BASE = 'https://dav.example/u/book/';

describe('multistatus parsing', () => {
  it('reads responses whatever the prefixes, resolving hrefs against the request URL', () => {
    const text = `<?xml version="1.0"?>
      <x:multistatus xmlns:x="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
        <x:response>
          <x:href>/u/book/a%20b.vcf</x:href>
          <x:propstat><x:prop><x:getetag>"1"</x:getetag></x:prop><x:status>HTTP/1.1 200 OK</x:status></x:propstat>
          <x:propstat><x:prop><c:address-data/></x:prop><x:status>HTTP/1.1 404 Not Found</x:status></x:propstat>
        </x:response>
        <x:response><x:href>gone.vcf</x:href><x:status>HTTP/1.1 404 Not Found</x:status></x:response>
        <x:sync-token>https://dav.example/sync/9</x:sync-token>
      </x:multistatus>`;
    const parsed = parseMultistatus(text, BASE);
    expect(parsed.syncToken).toBe('https://dav.example/sync/9');
    expect(parsed.responses.map((r) => [r.url, r.status])).toEqual([
      ['https://dav.example/u/book/a%20b.vcf', undefined],
      ['https://dav.example/u/book/gone.vcf', 404],
    ]);
    const first = parsed.responses[0]!;
    expect(foundProp(first, 'DAV:', 'getetag')?.textContent).toBe('"1"');
    // A property reported with 404 is not "found".
    expect(foundProp(first, 'urn:ietf:params:xml:ns:carddav', 'address-data')).toBeUndefined();
  });

  it('does not take an element of another namespace with the same local name', () => {
    const text = `<multistatus xmlns="DAV:"><response><href>/x</href><propstat><prop><getetag xmlns="urn:other">"no"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`;
    expect(foundProp(parseMultistatus(text, BASE).responses[0]!, 'DAV:', 'getetag')).toBeUndefined();
  });

  it('refuses what is not a multistatus or not XML at all', () => {
    expect(() => parseMultistatus('<error xmlns="DAV:"/>', BASE)).toThrow(DavXmlError);
    expect(() => parseMultistatus('<html><body>Bad gateway', BASE)).toThrow(DavXmlError);
  });

  it('reads the preconditions of a DAV:error body, and nothing from an HTML error page', () => {
    expect(errorConditions('<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>')).toEqual([
      'valid-sync-token',
    ]);
    expect(
      errorConditions(
        '<error xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><C:no-uid-conflict/></error>',
      ),
    ).toEqual(['no-uid-conflict']);
    expect(errorConditions('<html>Forbidden</html>')).toEqual([]);
    expect(errorConditions('')).toEqual([]);
  });

  it('reads status lines', () => {
    expect(statusCode('HTTP/1.1 507 Insufficient Storage')).toBe(507);
    expect(statusCode('HTTP/2 200')).toBe(200);
    expect(statusCode('garbage')).toBeUndefined();
  });
});
