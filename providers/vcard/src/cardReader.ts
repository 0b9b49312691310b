import { type CardBlock, CardSplitter } from './cardBlocks';
import { Utf8Chunks } from './charsetDetection';
import { PhysicalLineSplitter } from './physicalLines';
import type { VcardParseError, VcardParseWarning } from './vcardParseResult';
import { sourceChunks, type VcardSource } from './vcardSource';

/** What reading a file found outside its cards; complete once the file has been read to its end. */
export interface FileFindings {
  /** Stray text, END without BEGIN. */
  errors: VcardParseError[];
  /** About the file as a whole (a byte-order mark that contradicts the content). */
  warnings: VcardParseWarning[];
  /** Bytes of the source read so far. */
  bytesRead: number;
}

/**
 * The file's bytes → its encoding (decided once from the first bytes) → lines → cards, pushed a chunk
 * at a time. Holds only the card being read and a partial line: memory follows the largest card, not
 * the file.
 */
export class CardReader {
  readonly findings: FileFindings = { errors: [], warnings: [], bytesRead: 0 };
  readonly #utf8: Utf8Chunks | undefined;
  readonly #lines = new PhysicalLineSplitter();
  readonly #cards: CardSplitter;

  /** `decoded`: the chunks are UTF-8 from text we were given, so there is no encoding to detect. */
  constructor(
    readonly file: string,
    decoded = false,
  ) {
    this.#utf8 = decoded ? undefined : new Utf8Chunks();
    this.#cards = new CardSplitter(file);
  }

  /**
   * A warning about the file when it starts with the UTF-8 byte-order mark but some of its cards were
   * not UTF-8 (`legacyCards`: how many the parse read in a legacy charset).
   */
  utf8MarkWarning(legacyCards: number): VcardParseWarning | undefined {
    const decision = this.#utf8?.decision;
    if (legacyCards === 0 || decision?.encoding !== 'utf-8' || decision.bomLength !== 3) return undefined;
    return {
      file: this.file,
      line: 1,
      message: `the file starts with the byte-order mark of UTF-8, but ${legacyCards === 1 ? 'one card is' : `${legacyCards} cards are`} not UTF-8 (see their warnings)`,
    };
  }

  /** The cards this chunk completed. */
  push(chunk: Uint8Array): CardBlock[] {
    this.findings.bytesRead += chunk.length;
    const utf8 = this.#utf8 === undefined ? [chunk] : this.#utf8.push(chunk);
    return this.#split(utf8);
  }

  /** The end of the file: the last cards, and the findings made final. */
  finish(): CardBlock[] {
    const blocks = this.#split(this.#utf8?.finish() ?? []);
    blocks.push(...this.#cards.push(this.#lines.finish()), ...this.#cards.finish());
    this.findings.errors.push(...this.#cards.errors);
    return blocks;
  }

  #split(chunks: readonly Uint8Array[]): CardBlock[] {
    const warning = this.#utf8?.decision?.warning;
    if (warning !== undefined && this.findings.warnings.length === 0) {
      this.findings.warnings.push({ file: this.file, line: 1, message: warning });
    }
    const blocks: CardBlock[] = [];
    for (const chunk of chunks) blocks.push(...this.#cards.push(this.#lines.push(chunk)));
    return blocks;
  }
}

/** A reader for this source: text we were given is UTF-8 already, bytes have their encoding detected. */
export function cardReaderFor(file: string, source: VcardSource): CardReader {
  return new CardReader(file, typeof source === 'string');
}

/**
 * The cards of a source as it is read, a chunk's worth at a time, awaiting `pause` after each chunk;
 * `reader.findings` is complete when the generator is done.
 */
export async function* streamCardBlocks(
  reader: CardReader,
  source: VcardSource,
  pause: () => Promise<void> = async () => undefined,
): AsyncGenerator<CardBlock[]> {
  for await (const chunk of sourceChunks(source)) {
    const blocks = reader.push(chunk);
    if (blocks.length > 0) yield blocks;
    await pause();
  }
  const last = reader.finish();
  if (last.length > 0) yield last;
}
