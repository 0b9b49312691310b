import { salvageName, salvageUid } from './brokenCardClues';
import { type CardBlock, CardSplitter, splitCards } from './cardBlocks';
import { CardParseError } from './cardParseError';
import { UnknownCharsetError } from './charsetDecoding';
import { contactFromProperties } from './contactFromProperties';
import { canonicalJson, hashBytes, hashText } from './contentHash';
import { ContentLineError } from './contentLine';
import { type LogicalLine, unfoldCard } from './logicalLines';
import { fileBytes, physicalLineChunks, physicalLines } from './physicalLines';
import { modernContentLine } from './vcard21Converter';
import type { ParsedCard, VcardFileParse, VcardInput, VcardParseError } from './vcardParseResult';
import { readProperty, type VcardProperty } from './vcardProperty';
import { cardVersion } from './vcardVersion';

/** The outcome of one card: imported, skipped as a group card, or reported. */
export type CardOutcome =
  | { kind: 'card'; card: ParsedCard }
  | { kind: 'group' }
  /** `uid` when the broken card still shows one, so an import can keep that card's earlier record. */
  | { kind: 'error'; error: VcardParseError; uid?: string };

export interface VcardFileCards {
  file: string;
  blocks: CardBlock[];
  /** Problems outside any card (stray text, END without BEGIN). */
  errors: VcardParseError[];
}

/** Step one, cheap: the file's cards as blocks of lines. Parse them one by one with `parseCardBlock`. */
export function splitVcardFile(file: string, input: VcardInput): VcardFileCards {
  const { blocks, errors } = splitCards(file, physicalLines(fileBytes(input)));
  return { file, blocks, errors };
}

/**
 * `splitVcardFile` for large files: the same result, but it awaits `pause` after each quarter megabyte
 * of lines, so the thread is never held for the whole file.
 */
export async function splitVcardFileInSteps(
  file: string,
  input: VcardInput,
  pause: () => Promise<void>,
): Promise<VcardFileCards> {
  const splitter = new CardSplitter(file);
  for (const lines of physicalLineChunks(fileBytes(input))) {
    splitter.push(lines);
    await pause();
  }
  const { blocks, errors } = splitter.finish();
  return { file, blocks, errors };
}

/** Errors whose message is a sentence about the input; anything else is a fault of ours, not shown. */
function isInputError(error: unknown): error is Error {
  return error instanceof ContentLineError || error instanceof UnknownCharsetError;
}

/** The property name a line starts with, for a message about a line that could not be read. */
function propertyNameOf(logical: LogicalLine): string {
  const name = /^[A-Za-z0-9_.-]{1,40}/.exec(new TextDecoder('latin1').decode(logical.bytes.subarray(0, 40)));
  return name === null ? 'a' : `the ${name[0].toUpperCase()}`;
}

function cardNamed(block: CardBlock): string {
  const name = salvageName(block);
  return name === undefined ? 'the card' : `the card "${name}"`;
}

/** Parses one card. Never throws: whatever is wrong with the card becomes its error, with a line. */
export function parseCardBlock(file: string, block: CardBlock): CardOutcome {
  const fail = (line: number, message: string): CardOutcome => {
    const uid = salvageUid(block);
    return {
      kind: 'error',
      error: {
        file,
        line,
        message: `${message} (${cardNamed(block)} starting at line ${block.line} was not imported)`,
      },
      ...(uid === undefined ? {} : { uid }),
    };
  };
  try {
    if (block.unterminated !== undefined) return fail(block.line, block.unterminated);
    const version = cardVersion(block.lines);
    const properties: VcardProperty[] = [];
    for (const logical of unfoldCard(block.lines, version)) {
      try {
        properties.push(readProperty(modernContentLine(logical, version), version, logical.line));
      } catch (error) {
        if (error instanceof CardParseError) throw error;
        const reason = isInputError(error)
          ? error.message
          : `${propertyNameOf(logical)} property could not be read`;
        throw new CardParseError(logical.line, `line ${logical.line}: ${reason}`);
      }
    }
    const mapped = contactFromProperties(properties);
    if (mapped.kind === 'group') return { kind: 'group' };
    if (mapped.kind === 'empty') return fail(block.line, 'the card has no properties');
    const contentHash = hashText(
      canonicalJson({
        contact: mapped.contact,
        photo: mapped.photo && { mediaType: mapped.photo.mediaType, bytes: hashBytes(mapped.photo.bytes) },
      }),
    );
    return {
      kind: 'card',
      card: {
        contact: mapped.contact,
        source: { uid: mapped.uid, index: block.index, line: block.line, contentHash },
        ...(mapped.photo === undefined ? {} : { photo: mapped.photo }),
      },
    };
  } catch (error) {
    if (error instanceof CardParseError) return fail(error.line, error.message);
    // Never an internal message in a report: it says nothing about the card to the person reading it.
    return fail(block.line, 'the card could not be read');
  }
}

/**
 * Parses a whole .vcf file (vCard 2.1, 3.0 and 4.0, mixed freely). A broken card is reported with its
 * file and line, and every other card is still returned.
 */
export function parseVcardFile(file: string, input: VcardInput): VcardFileParse {
  const { blocks, errors: structural } = splitVcardFile(file, input);
  const result: VcardFileParse = { cards: [], errors: [...structural], skippedGroups: 0 };
  for (const block of blocks) {
    const outcome = parseCardBlock(file, block);
    if (outcome.kind === 'card') result.cards.push(outcome.card);
    else if (outcome.kind === 'group') result.skippedGroups++;
    else result.errors.push(outcome.error);
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
