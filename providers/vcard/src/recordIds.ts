import { hashText } from './contentHash';
import type { CardSource } from './vcardParseResult';

/**
 * Record ids of one file's cards: stable across re-imports, so an unchanged card keeps its record and
 * the user's merge decisions stay attached. From the file name and the card's UID, else from its content
 * hash. A UID (or identical UID-less content) seen again in the same file gets an occurrence number, so
 * duplicates inside a file stay separate records instead of overwriting each other.
 */
export class RecordIdAllocator {
  readonly #seen = new Map<string, number>();

  constructor(readonly file: string) {}

  idFor(source: Pick<CardSource, 'uid' | 'contentHash'>): string {
    const base = source.uid !== null ? `uid\u0000${source.uid}` : `content\u0000${source.contentHash}`;
    const occurrence = (this.#seen.get(base) ?? 0) + 1;
    this.#seen.set(base, occurrence);
    const key = occurrence === 1 ? base : `${base}\u0000${occurrence}`;
    return `${source.uid !== null ? 'u' : 'c'}-${hashText(`${this.file}\u0000${key}`)}`;
  }
}
