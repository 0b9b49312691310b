import type { VcardInput } from './vcardParseResult';

/**
 * What an import may read: the file's bytes or text in memory, a Blob (a browser File), or a stream of
 * byte chunks (a Node file stream, a `ReadableStream`). Streams and Blobs are read a chunk at a time.
 */
export type VcardSource = VcardInput | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Chunks in-memory input is cut into, so a large file is handled piece by piece like a stream. */
export const SOURCE_CHUNK_BYTES = 256 * 1024;

export function isVcardSource(value: unknown): value is VcardSource {
  return (
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    isBlob(value) ||
    isReadableStream(value) ||
    (typeof value === 'object' && value !== null && Symbol.asyncIterator in value)
  );
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getReader?: unknown }).getReader === 'function'
  );
}

/** The size of the source in bytes when it is known before reading it (not for streams). */
export function sourceSize(source: VcardSource): number | undefined {
  if (typeof source === 'string') return undefined;
  if (source instanceof Uint8Array) return source.length;
  if (isBlob(source)) return source.size;
  return undefined;
}

/** Text cut into UTF-8 chunks, never between the two halves of a surrogate pair. */
function* textChunks(text: string, chunkBytes: number): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const step = Math.max(2, Math.floor(chunkBytes / 3));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let start = 0; start < body.length; ) {
    let end = Math.min(body.length, start + step);
    const last = body.charCodeAt(end - 1);
    if (end < body.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield encoder.encode(body.slice(start, end));
    start = end;
  }
}

/** The source's bytes, a chunk at a time (text as UTF-8 without a byte-order mark). */
export async function* sourceChunks(
  source: VcardSource,
  chunkBytes = SOURCE_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    yield* textChunks(source, chunkBytes);
  } else if (source instanceof Uint8Array) {
    for (let start = 0; start < source.length; start += chunkBytes)
      yield source.subarray(start, start + chunkBytes);
  } else if (isBlob(source)) {
    // Slices of a known size rather than blob.stream(), whose chunks vary by runtime: the same file
    // is read in the same steps everywhere (and its progress moves alike).
    for (let start = 0; start < source.size; start += chunkBytes)
      yield new Uint8Array(await source.slice(start, start + chunkBytes).arrayBuffer());
  } else if (isReadableStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source as AsyncIterable<Uint8Array>) yield chunk;
  }
}
