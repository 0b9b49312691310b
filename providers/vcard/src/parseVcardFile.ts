import type { ContactDraft } from '@gcds/shared';
import { readableName, salvageName, salvageUid } from './brokenCardClues';
import type { CardBlock } from './cardBlocks';
import { CardParseError } from './cardParseError';
import { cardReaderFor, streamCardBlocks } from './cardReader';
import { FALLBACK_CHARSET, UnknownCharsetError } from './charsetDecoding';
import { contactFromProperties } from './contactFromProperties';
import { canonicalJson, hashBytes, hashText } from './contentHash';
import { ContentLineError } from './contentLine';
import { type LogicalLine, unfoldCard } from './logicalLines';
import { withoutNulBytes } from './nulBytes';
import { fileBytes } from './physicalLines';
import { modernContentLine } from './vcard21Converter';
import type {
  ParsedCard,
  VcardFileParse,
  VcardInput,
  VcardParseError,
  VcardParseWarning,
} from './vcardParseResult';
import { readProperty, type VcardProperty } from './vcardProperty';
import type { VcardSource } from './vcardSource';
import { cardVersion } from './vcardVersion';

/** The outcome of one card: imported (perhaps with warnings), skipped as a group card, or reported. */
export type CardOutcome =
  /** `legacy`: some bytes were neither UTF-8 nor in a declared CHARSET, and were read as windows-1252. */
  | { kind: 'card'; card: ParsedCard; warnings: VcardParseWarning[]; legacy: boolean }
  | { kind: 'group' }
  /** `uid` when the broken card still shows one, so an import can keep that card's earlier record. */
  | { kind: 'error'; error: VcardParseError; uid?: string };

export interface VcardFileCards {
  file: string;
  blocks: CardBlock[];
  /** Problems outside any card (stray text, END without BEGIN). */
  errors: VcardParseError[];
  /** About the file as a whole (a byte-order mark that contradicts the content). */
  warnings: VcardParseWarning[];
}

/** Step one, cheap: the file's cards as blocks of lines. Parse them one by one with `parseCardBlock`. */
export function splitVcardFile(file: string, input: VcardInput): VcardFileCards {
  const reader = cardReaderFor(file, input);
  const blocks = [...reader.push(typeof input === 'string' ? fileBytes(input) : input), ...reader.finish()];
  return { file, blocks, errors: reader.findings.errors, warnings: reader.findings.warnings };
}

/**
 * `splitVcardFile` for large files and streams: the same result, read a chunk at a time, awaiting
 * `pause` after each chunk so the thread is never held for the whole file.
 */
export async function splitVcardFileInSteps(
  file: string,
  input: VcardSource,
  pause: () => Promise<void>,
): Promise<VcardFileCards> {
  const reader = cardReaderFor(file, input);
  const blocks: CardBlock[] = [];
  for await (const found of streamCardBlocks(reader, input, pause)) blocks.push(...found);
  return { file, blocks, errors: reader.findings.errors, warnings: reader.findings.warnings };
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

function cardNamed(name: string | undefined): string {
  return name === undefined ? 'the card' : `the card "${name}"`;
}

/** How a warning names an imported card: by its FN, else its given and family names. */
export function importedCardNamed(contact: ContactDraft): string {
  return cardNamed(
    readableName(contact.formattedName ?? [contact.given, contact.family].filter(Boolean).join(' ')),
  );
}

function lineList(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).join(', ');
  return numbers.length > 5 ? `${shown} and ${numbers.length - 5} more` : shown;
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
        message: `${message} (${cardNamed(salvageName(block))} starting at line ${block.line} was not imported)`,
      },
      ...(uid === undefined ? {} : { uid }),
    };
  };
  try {
    if (block.unterminated !== undefined) return fail(block.line, block.unterminated);
    const nul = withoutNulBytes(block.lines);
    const version = cardVersion(nul.lines);
    const properties: VcardProperty[] = [];
    const guessedLines: number[] = [];
    for (const logical of unfoldCard(nul.lines, version)) {
      const onGuess = () => {
        if (guessedLines.at(-1) !== logical.line) guessedLines.push(logical.line);
      };
      try {
        properties.push(readProperty(modernContentLine(logical, version, onGuess), version, logical.line));
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
    const notes = [...mapped.leftOut];
    if (guessedLines.length > 0) {
      notes.push({
        line: guessedLines[0]!,
        message: `not valid UTF-8 and no CHARSET is declared: read as ${FALLBACK_CHARSET} (line${guessedLines.length > 1 ? 's' : ''} ${lineList(guessedLines)})`,
      });
    }
    if (nul.removed > 0) {
      notes.push({
        line: nul.lineNumbers[0]!,
        message: `${nul.removed === 1 ? 'a NUL byte was' : `${nul.removed} NUL bytes were`} removed (line${nul.lineNumbers.length > 1 ? 's' : ''} ${lineList(nul.lineNumbers)})`,
      });
    }
    const card = importedCardNamed(mapped.contact);
    const warnings = notes
      .sort((a, b) => a.line - b.line)
      .map((note) => ({
        file,
        line: note.line,
        message: `line ${note.line}: ${note.message} (${card} starting at line ${block.line} was imported)`,
      }));
    return {
      kind: 'card',
      card: {
        contact: mapped.contact,
        source: { uid: mapped.uid, index: block.index, line: block.line, contentHash },
        ...(mapped.photo === undefined ? {} : { photo: mapped.photo }),
      },
      warnings,
      legacy: guessedLines.length > 0,
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
  const reader = cardReaderFor(file, input);
  const blocks = [...reader.push(typeof input === 'string' ? fileBytes(input) : input), ...reader.finish()];
  const { errors: structural, warnings } = reader.findings;
  let legacyCards = 0;
  const result: VcardFileParse = {
    cards: [],
    errors: [...structural],
    warnings: [...warnings],
    skippedGroups: 0,
  };
  for (const block of blocks) {
    const outcome = parseCardBlock(file, block);
    if (outcome.kind === 'card') {
      result.cards.push(outcome.card);
      result.warnings.push(...outcome.warnings);
      if (outcome.legacy) legacyCards++;
    } else if (outcome.kind === 'group') result.skippedGroups++;
    else result.errors.push(outcome.error);
  }
  const markWarning = reader.utf8MarkWarning(legacyCards);
  if (markWarning !== undefined) result.warnings.push(markWarning);
  result.errors.sort((a, b) => a.line - b.line);
  result.warnings.sort((a, b) => a.line - b.line);
  return result;
}
