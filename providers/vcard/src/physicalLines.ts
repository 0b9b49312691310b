import { Utf8Chunks } from './charsetDetection';
import { concatBytes } from './concatBytes';
import type { VcardInput } from './vcardParseResult';

/** One line of the file as stored, without its line terminator. */
export interface PhysicalLine {
  bytes: Uint8Array;
  /** 1-based, as an editor shows it. */
  number: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The file's bytes with any byte-order mark removed, as UTF-8 or as the legacy single-byte bytes they are.
 * Lines are kept as bytes because vCard 2.1 declares a CHARSET per property, and because a fold or a
 * quoted-printable soft break may split a multi-byte character: text is decoded only after unfolding.
 */
export function fileBytes(input: VcardInput): Uint8Array {
  if (typeof input === 'string') {
    return new TextEncoder().encode(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  const utf8 = new Utf8Chunks();
  return concatBytes([...utf8.push(input), ...utf8.finish()]);
}

/**
 * Splits a stream of bytes into lines at CRLF, LF, and a lone CR (old Mac exports), fed in chunks of
 * any size: a line (or a CRLF) cut between two chunks is joined. Lines are views of the chunks where
 * they lie whole in one, copies where they span two.
 */
export class PhysicalLineSplitter {
  #partial: Uint8Array[] = [];
  #number = 1;
  /** The last chunk ended with a CR: an LF starting the next one belongs to it. */
  #afterCr = false;

  push(chunk: Uint8Array): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    let start = 0;
    if (this.#afterCr && chunk[0] === LF) start = 1;
    this.#afterCr = false;
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) continue;
      lines.push({ bytes: this.#take(chunk.subarray(start, i)), number: this.#number++ });
      if (byte === CR) {
        if (i + 1 === chunk.length) this.#afterCr = true;
        else if (chunk[i + 1] === LF) i += 1;
      }
      start = i + 1;
    }
    if (start < chunk.length) this.#partial.push(chunk.subarray(start));
    return lines;
  }

  /** The last line, when the file does not end with a line break. */
  finish(): PhysicalLine[] {
    if (this.#partial.length === 0) return [];
    return [{ bytes: this.#take(new Uint8Array(0)), number: this.#number++ }];
  }

  #take(tail: Uint8Array): Uint8Array {
    if (this.#partial.length === 0) return tail;
    const bytes = concatBytes([...this.#partial, tail]);
    this.#partial = [];
    return bytes;
  }
}

/** Every line of the file (see PhysicalLineSplitter). */
export function physicalLines(bytes: Uint8Array): PhysicalLine[] {
  const splitter = new PhysicalLineSplitter();
  return [...splitter.push(bytes), ...splitter.finish()];
}

/** The first `limit` bytes as ASCII (others become '?'): enough to recognise BEGIN, END and VERSION. */
export function asciiPrefix(bytes: Uint8Array, limit: number): string {
  let text = '';
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    text += byte < 0x80 ? String.fromCharCode(byte) : '?';
  }
  return text;
}
