import type { ContactDraft } from '@gcds/shared';
import { CardDavClient } from '../cardDavClient';
import { idFromCardUrl } from '../cardState';
import { parseCardText } from '../cardText';
import { DavTransport } from '../davTransport';
import type { RunningDavServer } from './davServerProcess';

/** A third client: plain HTTP with the account's credentials, as another device or the web UI would be. */
export function rawClient(server: RunningDavServer): CardDavClient {
  return new CardDavClient(
    new DavTransport({ account: { url: server.url, username: server.username, password: server.password } }),
  );
}

export function vcard(uid: string, name: string, lines: readonly string[] = []): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    `FN:${name}`,
    `N:${name};;;;`,
    ...lines,
    'END:VCARD',
    '',
  ].join('\r\n');
}

/** The third client writes `<name>.vcf`: a create (If-None-Match: *), or a replace over the ETag it reads now. */
export async function putCard(
  client: CardDavClient,
  bookUrl: string,
  name: string,
  text: string,
): Promise<void> {
  const url = `${bookUrl}${name}.vcf`;
  const current = await client.get(url);
  await client.put(url, text, current === undefined ? { create: true } : { ifMatch: current.etag });
}

/** The third client deletes `<name>.vcf` (If-Match the ETag it reads now). */
export async function deleteCard(client: CardDavClient, bookUrl: string, name: string): Promise<void> {
  const url = `${bookUrl}${name}.vcf`;
  await client.delete(url, (await client.get(url))?.etag);
}

/** What the server holds, by record id: each card as the model reads it (never its bytes). */
export async function serverContents(
  client: CardDavClient,
  bookUrl: string,
): Promise<Map<string, ContactDraft>> {
  const refs = await client.listCards(bookUrl);
  const cards = await client.multiget(
    bookUrl,
    refs.map((ref) => ref.url),
  );
  return new Map(
    cards
      .map((card) => [idFromCardUrl(card.url), parseCardText(card.url, card.text).contact] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
