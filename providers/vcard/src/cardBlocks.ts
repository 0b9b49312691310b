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
 * Finds the cards of a file, fed its lines in order (in as many pieces as the caller likes). A BEGIN
 * inside an open card, or the end of the file, ends that card as unterminated (reported, never
 * imported); text between cards is reported once per stretch.
 */
export class CardSplitter {
  readonly #blocks: CardBlock[] = [];
  readonly #errors: VcardParseError[] = [];
  #open: CardBlock | undefined;
  #strayStart: number | undefined;

  constructor(readonly file: string) {}

  push(lines: readonly PhysicalLine[]): void {
    for (const line of lines) {
      const kind = marker(line);
      if (kind === 'begin') {
        this.#closeStray();
        if (this.#open !== undefined) {
          this.#open.unterminated = `the card has no END:VCARD before the next BEGIN:VCARD at line ${line.number}`;
        }
        this.#open = { index: this.#blocks.length, line: line.number, lines: [] };
        this.#blocks.push(this.#open);
      } else if (kind === 'end') {
        if (this.#open === undefined) {
          this.#closeStray();
          this.#errors.push({
            file: this.file,
            line: line.number,
            message: 'END:VCARD without a BEGIN:VCARD',
          });
        }
        this.#open = undefined;
      } else if (this.#open !== undefined) {
        this.#open.lines.push(line);
      } else if (!isBlank(line)) {
        this.#strayStart ??= line.number;
      }
    }
  }

  finish(): SplitFile {
    this.#closeStray();
    if (this.#open !== undefined)
      this.#open.unterminated = 'the file ends before END:VCARD (is it truncated?)';
    this.#open = undefined;
    return { blocks: this.#blocks, errors: this.#errors };
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
  splitter.push(lines);
  return splitter.finish();
}
