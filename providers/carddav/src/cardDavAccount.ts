import type { CardDavProviderOptions } from './cardDavApi';
import { CardDavClient } from './cardDavClient';
import { DavTransport, type FetchLike } from './davTransport';
import type { AddressBookInfo, CardDavAccount } from './types';

/** FNV-1a, for a stable, short provider id from the account's URL and user. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function cardDavProviderId(account: CardDavAccount, addressBookUrl?: string): string {
  return `carddav-${shortHash(`${account.url}\n${account.username ?? ''}\n${addressBookUrl ?? ''}`)}`;
}

export function transportFor(options: CardDavProviderOptions, signal?: AbortSignal): DavTransport {
  return new DavTransport({
    account: options,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(signal === undefined ? {} : { signal }),
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
}

/** The account's address books (discovery from its URL), e.g. to install one provider for each. */
export async function discoverAddressBooks(
  options: CardDavAccount & { fetch?: FetchLike; timeoutMs?: number },
): Promise<AddressBookInfo[]> {
  return new CardDavClient(transportFor(options)).discover(options.url);
}
