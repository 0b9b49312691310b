import { concatBytes } from './concatBytes';

/*
 * The encoding of a whole file, decided from its first bytes: a byte-order mark, or UTF-16's zero bytes
 * beside ASCII letters. Everything after this step is UTF-8 or single-byte legacy bytes, which the
 * parser decodes per property (vCard 2.1 declares a CHARSET per property).
 */

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface EncodingDecision {
  encoding: FileEncoding;
  /** Bytes of byte-order mark to drop at the start. */
  bomLength: number;
  /** Why the file was not read the way its first bytes claim, when it was not. */
  warning?: string;
}

/** How much of the file the decision looks at. */
export const DETECTION_BYTES = 4096;

/**
 * Whether these bytes read as UTF-16 in that byte order: vCard text is mostly ASCII (BEGIN, VERSION,
 * TEL…), so most of its UTF-16 code units have a zero high byte; UTF-8 and legacy text have no zeros.
 */
function looksLikeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const units = Math.floor(Math.min(bytes.length, DETECTION_BYTES) / 2);
  if (units === 0) return true;
  const high = encoding === 'utf-16le' ? 1 : 0;
  let zeroHigh = 0;
  for (let unit = 0; unit < units; unit++) if (bytes[unit * 2 + high] === 0) zeroHigh++;
  return zeroHigh / units >= 0.25;
}

/** Decides the file's encoding from its first bytes (at least DETECTION_BYTES of them, or the whole file). */
export function detectFileEncoding(head: Uint8Array): EncodingDecision {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  const bom: ['utf-16le' | 'utf-16be', string] | undefined =
    head[0] === 0xff && head[1] === 0xfe
      ? ['utf-16le', 'FF FE']
      : head[0] === 0xfe && head[1] === 0xff
        ? ['utf-16be', 'FE FF']
        : undefined;
  if (bom !== undefined) {
    const [encoding, bytes] = bom;
    if (looksLikeUtf16(head.subarray(2), encoding)) return { encoding, bomLength: 2 };
    // Tools that prepend a UTF-16 mark to UTF-8 text: reading it as UTF-16 would import nothing.
    return {
      encoding: 'utf-8',
      bomLength: 2,
      warning: `the file starts with ${bytes}, the byte-order mark of ${encoding.toUpperCase()}, but its content is not UTF-16: it was read as UTF-8 without those two bytes`,
    };
  }
  // No mark, but "BE" of BEGIN with a zero byte beside each letter.
  if (head[0] === 0x42 && head[1] === 0 && head[2] === 0x45 && head[3] === 0)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0 && head[1] === 0x42 && head[2] === 0 && head[3] === 0x45)
    return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Turns a file's byte chunks, in order, into UTF-8 (or the legacy bytes the file has) without its
 * byte-order mark: UTF-16 is transcoded as it streams, a character split between chunks included.
 */
export class Utf8Chunks {
  #head: Uint8Array[] = [];
  #headLength = 0;
  #decision: EncodingDecision | undefined;
  #utf16: TextDecoder | undefined;
  readonly #encoder = new TextEncoder();

  /** The decision, once enough of the file was seen (or the file ended). */
  get decision(): EncodingDecision | undefined {
    return this.#decision;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.#decision !== undefined) return this.#convert(chunk, true);
    this.#head.push(chunk);
    this.#headLength += chunk.length;
    return this.#headLength >= DETECTION_BYTES ? this.#decide(true) : [];
  }

  finish(): Uint8Array[] {
    const out = this.#decision === undefined ? this.#decide(false) : [];
    if (this.#utf16 !== undefined) {
      const rest = this.#utf16.decode();
      if (rest !== '') out.push(this.#encoder.encode(rest));
    }
    return out;
  }

  #decide(more: boolean): Uint8Array[] {
    const head = concatBytes(this.#head);
    this.#head = [];
    const decision = detectFileEncoding(head);
    this.#decision = decision;
    if (decision.encoding !== 'utf-8') {
      // The mark is dropped here, not by the decoder, so a BOM-less file and a marked one read alike.
      this.#utf16 = new TextDecoder(decision.encoding, { ignoreBOM: true });
    }
    return this.#convert(head.subarray(decision.bomLength), more);
  }

  #convert(chunk: Uint8Array, more: boolean): Uint8Array[] {
    if (this.#utf16 === undefined) return chunk.length === 0 ? [] : [chunk];
    const text = this.#utf16.decode(chunk, { stream: more });
    return text === '' ? [] : [this.#encoder.encode(text)];
  }
}
