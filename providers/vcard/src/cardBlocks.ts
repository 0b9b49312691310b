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
  // A folded continuation starts with white space, so it is never mistaken for a marker.
  if (line.bytes.length > MARKER_LIMIT || line.bytes[0] === 0x20 || line.bytes[0] === 0x09) return undefined;
  const text = asciiPrefix(line.bytes, MARKER_LIMIT).trim().toUpperCase();
  if (text === 'BEGIN:VCARD') return 'begin';
  if (text === 'END:VCARD') return 'end';
  return undefined;
}

function isBlank(line: PhysicalLine): boolean {
  return line.bytes.every((byte) => byte === 0x20 || byte === 0x09);
}

/**
 * Finds the cards of a file. A BEGIN inside an open card, or the end of the file, ends that card as
 * unterminated (reported, never imported); text between cards is reported once per stretch.
 */
export function splitCards(file: string, lines: readonly PhysicalLine[]): SplitFile {
  const blocks: CardBlock[] = [];
  const errors: VcardParseError[] = [];
  let open: CardBlock | undefined;
  let strayStart: number | undefined;

  const closeStray = () => {
    if (strayStart === undefined) return;
    errors.push({ file, line: strayStart, message: 'text outside any BEGIN:VCARD … END:VCARD was ignored' });
    strayStart = undefined;
  };

  for (const line of lines) {
    const kind = marker(line);
    if (kind === 'begin') {
      closeStray();
      if (open !== undefined) {
        open.unterminated = `the card has no END:VCARD before the next BEGIN:VCARD at line ${line.number}`;
      }
      open = { index: blocks.length, line: line.number, lines: [] };
      blocks.push(open);
    } else if (kind === 'end') {
      if (open === undefined) {
        closeStray();
        errors.push({ file, line: line.number, message: 'END:VCARD without a BEGIN:VCARD' });
      }
      open = undefined;
    } else if (open !== undefined) {
      open.lines.push(line);
    } else if (!isBlank(line)) {
      strayStart ??= line.number;
    }
  }
  closeStray();
  if (open !== undefined) open.unterminated = 'the file ends before END:VCARD (is it truncated?)';
  return { blocks, errors };
}
