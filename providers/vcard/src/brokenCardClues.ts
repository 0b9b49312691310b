import type { CardBlock } from './cardBlocks';
import { decodeUtf8 } from './charsetDecoding';
import { splitEscaped, unescapeText } from './vcardText';

/*
 * What a card that failed to parse still shows when read as plainly as possible: its UID (so an import
 * keeps that card's earlier record) and its name (so the error says whose card it is), and how any
 * card's name is quoted in a message.
 */

const LONGEST_CLUE_LINE = 512;
const LONGEST_NAME = 60;

function plainLines(block: CardBlock): string[] {
  const lines: string[] = [];
  for (const line of block.lines) {
    if (line.bytes.length > LONGEST_CLUE_LINE) continue;
    const text = decodeUtf8(line.bytes);
    if (text !== undefined) lines.push(text);
  }
  return lines;
}

function firstValue(lines: readonly string[], name: string): string | undefined {
  const pattern = new RegExp(`^(?:[A-Za-z0-9_-]+\\.)?${name}(?:;[^:]*)?:(.+)$`, 'i');
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match !== null) return match[1]!.trim();
  }
  return undefined;
}

/** The card's UID, if a UID line reads. */
export function salvageUid(block: CardBlock): string | undefined {
  const value = firstValue(plainLines(block), 'UID');
  return value === undefined ? undefined : unescapeText(value);
}

/** The card's name as a person would recognise it (FN, else the given and family names of N), if any. */
export function salvageName(block: CardBlock): string | undefined {
  const lines = plainLines(block);
  const fn = firstValue(lines, 'FN');
  let name = fn === undefined ? undefined : unescapeText(fn);
  if (name === undefined || name.trim() === '') {
    const n = firstValue(lines, 'N');
    if (n !== undefined) {
      const [family = '', given = ''] = splitEscaped(n, ';').map(unescapeText);
      name = `${given} ${family}`;
    }
  }
  return name === undefined ? undefined : readableName(name);
}

/** A name as a message quotes it: control characters and runs of white space would garble the sentence. */
export function readableName(name: string): string | undefined {
  const clean = name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') return undefined;
  return clean.length > LONGEST_NAME ? `${clean.slice(0, LONGEST_NAME)}…` : clean;
}
