import { asciiPrefix, type PhysicalLine } from './physicalLines';
import type { VcardParseError } from './vcardParseResult';

/** The lines of one BEGIN:VCARD … END:VCARD block, without those two lines. */
export interface CardBlock {
  /** 0-based among every block of the file. */
  index: number;
  /** Line of its BEGIN:VCARD. */
  line: number;
  lines: PhysicalLine[];
  /** Why the block has no END:VCARD (a truncated file, a card cut short), when it has none. */
  unterminated?: string;
}

export interface SplitFile {
  blocks: CardBlock[];
  /** Text found outside every card. */
  errors: VcardParseError[];
}

const MARKER_LIMIT = 64;

function marker(line: PhysicalLine): 'begin' | 'end' | undefined {
  // Only B… or E… can be a marker (a folded continuation starts with white space): most lines are
  // rejected on their first byte, which keeps splitting a large file cheap.
  const first = line.bytes[0]! | 0x20;
  if (line.bytes.length > MARKER_LIMIT || (first !== 0x62 && first !== 0x65)) return undefined;
  const text = asciiPrefix(line.bytes, MARKER_LIMIT).trim().toUpperCase();
  if (text === 'BEGIN:VCARD') return 'begin';
  if (text === 'END:VCARD') return 'end';
  return undefined;
}

function isBlank(line: PhysicalLine): boolean {
  for (const byte of line.bytes) if (byte !== 0x20 && byte !== 0x09) return false;
  return true;
}

/**
 * Finds the cards of a file, fed its lines in order (in as many pieces as the caller likes), and hands
 * back each card as soon as it is complete, so a large file is never held whole. A BEGIN inside an open
 * card, or the end of the file, ends that card as unterminated (reported, never imported); text between
 * cards is reported once per stretch.
 */
export class CardSplitter {
  readonly #errors: VcardParseError[] = [];
  #open: CardBlock | undefined;
  #count = 0;
  #strayStart: number | undefined;

  constructor(readonly file: string) {}

  /** Problems outside any card found so far (stray text, END without BEGIN). */
  get errors(): readonly VcardParseError[] {
    return this.#errors;
  }

  /** Cards these lines completed, in file order. */
  push(lines: readonly PhysicalLine[]): CardBlock[] {
    const complete: CardBlock[] = [];
    for (const line of lines) {
      const kind = marker(line);
      if (kind === 'begin') {
        this.#closeStray();
        if (this.#open !== undefined) {
          this.#open.unterminated = `the card has no END:VCARD before the next BEGIN:VCARD at line ${line.number}`;
          complete.push(this.#open);
        }
        this.#open = { index: this.#count++, line: line.number, lines: [] };
      } else if (kind === 'end') {
        if (this.#open === undefined) {
          this.#closeStray();
          this.#errors.push({
            file: this.file,
            line: line.number,
            message: 'END:VCARD without a BEGIN:VCARD',
          });
        } else {
          complete.push(this.#open);
        }
        this.#open = undefined;
      } else if (this.#open !== undefined) {
        this.#open.lines.push(line);
      } else if (!isBlank(line)) {
        this.#strayStart ??= line.number;
      }
    }
    return complete;
  }

  /** The end of the file: the card still open, if any, as unterminated. */
  finish(): CardBlock[] {
    this.#closeStray();
    const open = this.#open;
    this.#open = undefined;
    if (open === undefined) return [];
    open.unterminated = 'the file ends before END:VCARD (is it truncated?)';
    return [open];
  }

  #closeStray(): void {
    if (this.#strayStart === undefined) return;
    this.#errors.push({
      file: this.file,
      line: this.#strayStart,
      message: 'text outside any BEGIN:VCARD … END:VCARD was ignored',
    });
    this.#strayStart = undefined;
  }
}

export function splitCards(file: string, lines: readonly PhysicalLine[]): SplitFile {
  const splitter = new CardSplitter(file);
  const blocks = [...splitter.push(lines), ...splitter.finish()];
  return { blocks, errors: [...splitter.errors] };
}
