import { type CardPhoto, exportVcard, parseVcardFile } from '@gcds/provider-vcard';
import type { Contact, ContactDraft, StoredBlob } from '@gcds/shared';

/** A card the server holds that this phone cannot read; reported, never half-imported. */
export class UnreadableCardError extends Error {
  override readonly name = 'UnreadableCardError';
}

/** A server card as the model reads it (through the vCard provider's parser: 2.1, 3.0 and 4.0). */
export interface ParsedRemoteCard {
  contact: ContactDraft;
  photo?: CardPhoto;
  /** Everything the model imported, photo bytes included: equal content, equal hash, whatever the bytes. */
  contentHash: string;
}

export function parseCardText(url: string, text: string): ParsedRemoteCard {
  const parsed = parseVcardFile(url, text);
  const card = parsed.cards[0];
  if (card === undefined || parsed.cards.length > 1) {
    const why =
      parsed.errors[0]?.message ?? (card === undefined ? 'no vCard in it' : 'more than one vCard in it');
    throw new UnreadableCardError(`${url}: ${why}`);
  }
  return {
    contact: card.contact,
    ...(card.photo === undefined ? {} : { photo: card.photo }),
    contentHash: card.source.contentHash,
  };
}

/**
 * The card we upload: vCard 3.0 (every CardDAV server must take it, RFC 6352 §5.1), unknown properties of
 * the card it came from written back as they were (`extra`), the photo inline when its bytes are given.
 */
export function cardTextOf(contact: Contact | ContactDraft, photo?: StoredBlob): string {
  const { id: _id, favorite: _favorite, ice: _ice, ...rest } = contact;
  const photos =
    photo === undefined || contact.photo === undefined ? undefined : new Map([[contact.photo.id, photo]]);
  return exportVcard(rest, { version: '3.0', ...(photos === undefined ? {} : { photos }) });
}

/** The same person data, however each side serialised it (the comparison that replaces comparing bytes). */
export function sameCardContent(a: string, b: string): boolean {
  return parseCardText('a', a).contentHash === parseCardText('b', b).contentHash;
}
